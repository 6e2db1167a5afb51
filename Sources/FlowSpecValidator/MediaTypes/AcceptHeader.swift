/// A parsed `Accept` header (RFC 9110 §12.5.1), to decide whether a response's media type is acceptable.
///
/// ```swift
/// let accept = try AcceptHeader(parsing: "application/vnd.pingidentity.flow+json, application/json;q=0.5, */*;q=0")
/// accept.accepts(try MediaType.parse("application/json"))   // true (q=0.5)
/// accept.accepts(try MediaType.parse("text/html"))          // false: */*;q=0 means "not acceptable"
/// ```
///
/// Each media type gets the weight of the *most specific* range that matches it: a range with
/// parameters beats the same range without, which beats `type/*`, which beats `*/*`. A weight of 0
/// means "not acceptable". A request without an `Accept` field, or with an empty one, accepts anything.
public struct AcceptHeader: Sendable, Hashable {
    /// One media range and its weight.
    public struct Element: Sendable, Hashable {
        /// The media range (`text/*`, `application/json; version=2`, `*/*`); the `q` weight is not among
        /// its parameters.
        public var range: MediaType
        /// The weight in thousandths, 0 (not acceptable) to 1000 (the default).
        public var quality: Int

        public init(range: MediaType, quality: Int = 1000) {
            self.range = range
            self.quality = quality
        }
    }

    /// The media ranges, in the order they were written.
    public var elements: [Element]

    public init(elements: [Element]) { self.elements = elements }

    /// Parses `Accept` field values strictly; several values (several `Accept` fields) are one list.
    ///
    /// Empty list elements (`a/b, , c/d`) are skipped, as RFC 9110 §5.6.1 asks of recipients.
    public init(parsing values: String...) throws(MediaTypeParseError) {
        try self.init(parsingFields: values)
    }

    /// Parses several `Accept` field values strictly, as one list.
    public init(parsingFields values: [String]) throws(MediaTypeParseError) {
        var elements: [Element] = []
        for value in values {
            var parser = MediaTypeParser(value)
            while true {
                parser.skipWhitespace()
                if parser.isAtEnd { break }
                if parser.bytes[parser.position] == UInt8(ascii: ",") {
                    parser.position += 1
                    continue
                }
                let element = try parser.parseElement(allowsQuality: true, stopsAtComma: true)
                elements.append(Element(range: element.mediaType, quality: element.quality ?? 1000))
            }
        }
        self.elements = elements
    }

    /// Parses `Accept` field values leniently, for traffic from real clients: an invalid element is
    /// skipped (and listed in `skipped`), and the bare `*` that old Java clients send counts as `*/*`.
    public init(lenientlyParsingFields values: [String], skipped: inout [MediaTypeParseError]) {
        var elements: [Element] = []
        for value in values {
            for piece in Self.splitElements(value) {
                let trimmed = piece.drop { $0 == " " || $0 == "\t" }
                let text = trimmed.hasPrefix("*") && !trimmed.hasPrefix("*/") ? "*/" + trimmed : String(trimmed)
                do {
                    let element = try MediaTypeParser.parse(text, allowsQuality: true)
                    elements.append(Element(range: element.mediaType, quality: element.quality ?? 1000))
                } catch {
                    skipped.append(error)
                }
            }
        }
        self.elements = elements
    }

    /// Splits at commas outside quoted strings, dropping empty elements.
    static func splitElements(_ value: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = value.startIndex
        var inQuotes = false
        var escaped = false
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == "," && !inQuotes {
                pieces.append(value[start..<index])
                start = value.index(after: index)
            }
            index = value.index(after: index)
        }
        pieces.append(value[start...])
        return pieces.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    /// The weight (0...1000) this header gives `mediaType`: that of the most specific matching range,
    /// 0 when no range matches, 1000 when the header lists nothing.
    public func quality(of mediaType: MediaType) -> Int {
        if elements.isEmpty { return 1000 }
        var best: (specificity: Int, quality: Int)?
        for element in elements {
            guard let specificity = Self.specificity(of: element.range, matching: mediaType) else { continue }
            if best == nil || specificity > (best?.specificity ?? -1) {
                best = (specificity, element.quality)
            }
        }
        return best?.quality ?? 0
    }

    /// Whether `mediaType` is acceptable: its weight is above 0.
    public func accepts(_ mediaType: MediaType) -> Bool { quality(of: mediaType) > 0 }

    /// The acceptable candidate with the highest weight (the first among equals), or `nil` when none is
    /// acceptable. Use it to pick which declared response media type a client wants.
    public func preferred(among candidates: [MediaType]) -> MediaType? {
        var best: (mediaType: MediaType, quality: Int)?
        for candidate in candidates {
            let weight = quality(of: candidate)
            if weight > 0, weight > (best?.quality ?? 0) { best = (candidate, weight) }
        }
        return best?.mediaType
    }

    /// How specifically `range` names `mediaType`, or `nil` when it does not match: `*/*` is 0, `type/*`
    /// 1, `type/subtype` 2, plus one for each parameter of the range (all of which must be present).
    static func specificity(of range: MediaType, matching mediaType: MediaType) -> Int? {
        let base: Int
        if range.isWildcard {
            base = 0
        } else if range.subtype == "*" {
            guard HTTPSyntax.equalsIgnoringCase(range.type, mediaType.type) else { return nil }
            base = 1
        } else {
            guard range.hasSameEssence(as: mediaType) else { return nil }
            base = 2
        }
        for parameter in range.parameters where !mediaType.parameters.contains(where: { $0.matches(parameter) }) {
            return nil
        }
        return base * 1000 + range.parameters.count
    }
}
