/// A path template (`/{envID}/flows/{flowID}`) split into segments, for the path rules.
///
/// A segment is a literal (`flows`), a whole variable (`{flowID}`) or a mix (`{name}.json`). Variable
/// names are read as Spectral reads them: `{;id}`, `{?id}` and `{id*}` name `id`.
///
/// A class: `path-ambiguous` takes every pair of templates of a large spec, and each copy of a value
/// retained and released its four arrays and strings.
final class PathTemplate: Sendable {
    /// One piece of a segment: literal text or a variable.
    enum Part: Sendable, Equatable {
        case literal(String)
        case variable(String)
    }

    let path: String
    let segments: [[Part]]
    /// The template with every variable replaced by `{}`: two paths that differ only in variable names
    /// have the same form, and no router can tell them apart. Stored, like ``shapes``: `path-ambiguous`
    /// compares every pair of paths of the same length.
    let normalized: String
    /// Each segment with its variables unnamed.
    let shapes: [[Part]]
    /// The variable names in order, with repeats (the path rules ask for them once per operation).
    let variables: [String]

    init(_ path: String) {
        self.path = path
        // Read as UTF-8 bytes: `/`, `{` and `}` are ASCII, so no multi-byte sequence is ever cut, and
        // literal runs become strings whole. Building them scalar by scalar cost some fifty thousand
        // instructions a path, half of what building the lint context spent on a large spec.
        let bytes = Array(path.utf8)
        var segments: [[Part]] = []
        var start = 0
        var first = true
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
            // `split(omittingEmptySubsequences: false).dropFirst()`: the text before the first `/`
            // is not a segment.
            if !first { segments.append(Self.parts(bytes[start..<index])) }
            first = false
            start = index + 1
        }
        self.segments = segments
        self.normalized = segments.map { parts in
            parts.map { part -> String in
                switch part {
                case .literal(let text): return text
                case .variable: return "{}"
                }
            }.joined()
        }.joined(separator: "/")
        self.shapes = segments.map(Self.shape)
        self.variables = segments.flatMap { parts in
            parts.compactMap { if case .variable(let name) = $0 { return name } else { return nil } }
        }
    }

    /// One segment's literals and variables. A `{` inside a variable is part of its name, a `}`
    /// outside one is literal text, and an unclosed `{` makes the rest of the segment literal.
    static func parts(_ segment: ArraySlice<UInt8>) -> [Part] {
        @inline(__always) func text(_ range: Range<Int>) -> String {
            String(decoding: segment[range], as: UTF8.self)
        }
        var parts: [Part] = []
        var literalStart = segment.startIndex
        var variableStart: Int?
        for index in segment.indices {
            switch segment[index] {
            case UInt8(ascii: "{") where variableStart == nil:
                if literalStart < index { parts.append(.literal(text(literalStart..<index))) }
                variableStart = index + 1
            case UInt8(ascii: "}"):
                guard let name = variableStart else { continue }
                parts.append(.variable(bareName(text(name..<index))))
                variableStart = nil
                literalStart = index + 1
            default:
                continue
            }
        }
        let rest = text((variableStart.map { $0 - 1 } ?? literalStart)..<segment.endIndex)
        if !rest.isEmpty || parts.isEmpty { parts.append(.literal(rest)) }
        return parts
    }

    /// `id` from `;id`, `?id` or `id*`.
    static func bareName(_ text: String) -> String {
        var name = Substring(text)
        while let first = name.first, first == ";" || first == "?" { name = name.dropFirst() }
        while name.last == "*" { name = name.dropLast() }
        return String(name)
    }

    /// Whether some URL path matches both templates while neither is more specific, so that which
    /// operation serves it depends on the tool. OpenAPI matches concrete segments before templated ones,
    /// so `/pets/mine` and `/pets/{id}` are not ambiguous, but `/{kind}/mine` and `/pets/{id}` are.
    func isAmbiguous(with other: PathTemplate) -> Bool {
        guard segments.count == other.segments.count, normalized != other.normalized else { return false }
        var mine = false
        var theirs = false
        for index in segments.indices where shapes[index] != other.shapes[index] {
            let (a, b) = (segments[index], other.segments[index])
            guard Self.overlap(a, b) else { return false }
            let (x, y) = (Self.specificity(a), Self.specificity(b))
            if x > y {
                mine = true
            } else if x < y {
                theirs = true
            } else {
                // Two different mixed segments (`{name}.json`, `report.{ext}`) that one text matches:
                // nothing says which template wins.
                return true
            }
        }
        return mine && theirs
    }

    /// A segment with its variables unnamed.
    static func shape(_ parts: [Part]) -> [Part] {
        parts.map { if case .variable = $0 { return .variable("") } else { return $0 } }
    }

    static func hasVariable(_ parts: [Part]) -> Bool {
        parts.contains { if case .variable = $0 { return true } else { return false } }
    }

    static func isWholeVariable(_ parts: [Part]) -> Bool {
        parts.count == 1 && hasVariable(parts)
    }

    /// 2 for a literal segment, 1 for a mix of literal and variables, 0 for a whole variable.
    static func specificity(_ parts: [Part]) -> Int {
        if !hasVariable(parts) { return 2 }
        return isWholeVariable(parts) ? 0 : 1
    }

    /// Whether some segment text matches both segment templates (approximate for two mixed
    /// segments: their literal prefixes and suffixes must agree).
    static func overlap(_ a: [Part], _ b: [Part]) -> Bool {
        switch (hasVariable(a), hasVariable(b)) {
        case (false, false): return a == b
        case (false, true): return matches(literal(a), b[...])
        case (true, false): return matches(literal(b), a[...])
        case (true, true):
            let (pa, pb) = (prefix(a), prefix(b))
            let (sa, sb) = (suffix(a), suffix(b))
            return (pa.hasPrefix(pb) || pb.hasPrefix(pa)) && (sa.hasSuffix(sb) || sb.hasSuffix(sa))
        }
    }

    static func literal(_ parts: [Part]) -> String {
        parts.map { if case .literal(let text) = $0 { return text } else { return "" } }.joined()
    }

    static func prefix(_ parts: [Part]) -> String {
        if case .literal(let text)? = parts.first { return text }
        return ""
    }

    static func suffix(_ parts: [Part]) -> String {
        if case .literal(let text)? = parts.last { return text }
        return ""
    }

    /// Whether `text` matches the parts, each variable standing for one or more characters.
    static func matches(_ text: String, _ parts: ArraySlice<Part>) -> Bool {
        guard let first = parts.first else { return text.isEmpty }
        switch first {
        case .literal(let literal):
            return text.hasPrefix(literal) && matches(String(text.dropFirst(literal.count)), parts.dropFirst())
        case .variable:
            guard !text.isEmpty else { return false }
            var index = text.index(after: text.startIndex)
            while true {
                if matches(String(text[index...]), parts.dropFirst()) { return true }
                if index == text.endIndex { return false }
                index = text.index(after: index)
            }
        }
    }
}
