/// What ``MediaTypeMatcher/match(_:)-(String)`` found for one `Content-Type` value.
public enum MediaTypeMatchResult: Sendable, Hashable, CustomStringConvertible {
    /// A declared key accepts the value.
    case matched(MediaTypeMatch)
    /// The value is a valid media type, but no declared key accepts it; `declared` lists the keys for
    /// the error message.
    case noMatch(actual: MediaType, declared: [String])
    /// The value is not a valid media type.
    case invalid(MediaTypeParseError, declared: [String])

    /// The match, when there is one.
    public var match: MediaTypeMatch? {
        if case .matched(let match) = self { return match }
        return nil
    }

    /// One sentence for a report, such as
    /// `Content-Type "application/json" matches none of the declared media types: application/vnd.a+json`.
    public var description: String {
        switch self {
        case .matched(let match):
            let note = match.caseDiffers ? " (the case of the type or subtype differs)" : ""
            return "Content-Type \"\(match.actual)\" matches \"\(match.key)\" (\(match.kind))\(note)"
        case .noMatch(let actual, let declared):
            return "Content-Type \"\(actual)\" matches none of the declared media types: "
                + (declared.isEmpty ? "(none declared)" : declared.joined(separator: ", "))
        case .invalid(let error, _):
            return error.message
        }
    }
}
