/// A media type or media range, such as `application/vnd.pingidentity.session.reset+json; charset=utf-8`.
///
/// An open vocabulary (RFC 9110 §8.3.1, RFC 6838): any syntactically valid `type/subtype` is accepted, vendor
/// types included; nothing is looked up in a registry. Type and subtype keep the case they were written
/// with but compare case-insensitively, as do parameter names. Parameter values compare exactly, except
/// `charset`, whose values are case-insensitive (RFC 9110 §8.3.2). The order of parameters is kept for
/// display but does not affect equality.
///
/// ```swift
/// let type = try MediaType.parse("application/vnd.pingidentity.session.reset+json; charset=UTF-8")
/// type.suffix      // "json"
/// type.isJSON      // true
/// type.parameter(named: "Charset") // "UTF-8"
/// ```
///
/// Parse with ``init(parsing:)`` (returns `nil` for invalid text) or ``parse(_:)`` (throws a
/// ``MediaTypeParseError`` that says what is wrong and where).
public struct MediaType: Sendable, Hashable, CustomStringConvertible {
    /// The top-level type (`application`), as written; `*` in a media range.
    public var type: String
    /// The subtype (`vnd.pingidentity.session.reset+json`), as written; `*` in a media range.
    public var subtype: String
    /// The parameters, in the order they were written. Names are unique, compared case-insensitively.
    public var parameters: [Parameter]

    /// Makes a media type from its parts, without checking their syntax (use ``parse(_:)`` for text).
    public init(type: String, subtype: String, parameters: [Parameter] = []) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// Parses a media type (a `Content-Type` value or an OpenAPI media-type key); `nil` when it is invalid.
    public init?(parsing text: String) {
        guard let parsed = try? MediaTypeParser.parse(text, allowsQuality: false).mediaType else { return nil }
        self = parsed
    }

    /// Parses a media type, throwing an error that names the problem and its position in `text`.
    ///
    /// Leading and trailing whitespace is ignored; empty parameters (`text/plain;`) are allowed, as
    /// RFC 9110 allows them; a parameter given twice is an error (RFC 6838 §4.3).
    public static func parse(_ text: String) throws(MediaTypeParseError) -> MediaType {
        try MediaTypeParser.parse(text, allowsQuality: false).mediaType
    }

    /// The structured-syntax suffix (RFC 6838 §4.2.8) without its `+`: `json` for
    /// `application/vnd.pingidentity.user.lookup+json`, `nil` when the subtype has none.
    public var suffix: String? {
        guard let plus = subtype.utf8.lastIndex(of: UInt8(ascii: "+")),
            plus != subtype.utf8.startIndex
        else { return nil }
        let after = subtype.utf8.index(after: plus)
        guard after != subtype.utf8.endIndex else { return nil }
        return String(subtype[after...])
    }

    /// Whether the body of this media type is a JSON document.
    ///
    /// True for `application/json`, for any subtype with the `+json` suffix (RFC 6839 §3.1, such as
    /// `application/problem+json` and the PingOne flow actions), and for `text/json`. `text/json` is not
    /// registered, but it is in real use (older .NET and Java stacks) and a spec that declares it means
    /// JSON; treating it as opaque would silently skip body validation. Media ranges are never JSON, and
    /// neither are JSON sequences such as `application/x-ndjson`.
    public var isJSON: Bool {
        if HTTPSyntax.equalsIgnoringCase(subtype, "json") {
            return HTTPSyntax.equalsIgnoringCase(type, "application") || HTTPSyntax.equalsIgnoringCase(type, "text")
        }
        guard !isRange, let suffix else { return false }
        return HTTPSyntax.equalsIgnoringCase(suffix, "json")
    }

    /// Whether this is a media range, `type/*` or `*/*`, rather than one media type.
    public var isRange: Bool { type == "*" || subtype == "*" }

    /// Whether this is the full wildcard `*/*`.
    public var isWildcard: Bool { type == "*" && subtype == "*" }

    /// `type/subtype` in lower case, without parameters: the part that identifies the format.
    public var essence: String {
        var type = type
        var subtype = subtype
        return type.withUTF8 { typeBytes in
            subtype.withUTF8 { subtypeBytes in
                String(unsafeUninitializedCapacity: typeBytes.count + subtypeBytes.count + 1) { buffer in
                    var index = 0
                    for byte in typeBytes {
                        buffer[index] = HTTPSyntax.lowercased(byte)
                        index += 1
                    }
                    buffer[index] = UInt8(ascii: "/")
                    index += 1
                    for byte in subtypeBytes {
                        buffer[index] = HTTPSyntax.lowercased(byte)
                        index += 1
                    }
                    return index
                }
            }
        }
    }

    /// The value of the parameter called `name` (compared case-insensitively), if present.
    public func parameter(named name: String) -> String? {
        parameters.first { HTTPSyntax.equalsIgnoringCase($0.name, name) }?.value
    }

    /// Whether `other` has the same type and subtype, ignoring case and parameters.
    public func hasSameEssence(as other: MediaType) -> Bool {
        HTTPSyntax.equalsIgnoringCase(type, other.type) && HTTPSyntax.equalsIgnoringCase(subtype, other.subtype)
    }

    /// The media type as header text: `type/subtype; name=value`, values quoted when they are not tokens.
    public var description: String {
        var text = "\(type)/\(subtype)"
        for parameter in parameters {
            text += "; \(parameter.name)=\(HTTPSyntax.tokenOrQuoted(parameter.value))"
        }
        return text
    }

    public static func == (lhs: MediaType, rhs: MediaType) -> Bool {
        guard lhs.hasSameEssence(as: rhs), lhs.parameters.count == rhs.parameters.count else { return false }
        return lhs.parameters.allSatisfy { parameter in
            rhs.parameters.contains { $0.matches(parameter) }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(essence)
        // Order-independent: parameters combine commutatively.
        var sum = 0
        for parameter in parameters {
            var member = Hasher()
            parameter.hashNormalised(into: &member)
            sum = sum &+ member.finalize()
        }
        hasher.combine(parameters.count)
        hasher.combine(sum)
    }
}

extension MediaType {
    /// `application/json`.
    public static var json: MediaType { MediaType(type: "application", subtype: "json") }
    /// `application/x-www-form-urlencoded`.
    public static var formURLEncoded: MediaType { MediaType(type: "application", subtype: "x-www-form-urlencoded") }
    /// `*/*`, the range that matches everything.
    public static var any: MediaType { MediaType(type: "*", subtype: "*") }
}
