/// The declared media-type key that a request's `Content-Type` selected, and why.
public struct MediaTypeMatch: Sendable, Hashable {
    /// How a declared key matched; cases are listed from the strongest to the weakest.
    public enum Kind: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Same type and subtype, and every parameter the declaration names is present with the same value.
        case parameterised
        /// Same type and subtype; the declaration names no parameters.
        case exact
        /// The declaration is `type/*` with the same type.
        case subtypeWildcard
        /// The declaration is `*/*`.
        case fullWildcard

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .parameterised: return "parameterised"
            case .exact: return "exact"
            case .subtypeWildcard: return "subtypeWildcard"
            case .fullWildcard: return "fullWildcard"
            }
        }
    }

    /// The declared key, exactly as written in the spec.
    public let key: String
    /// The position of ``key`` in the list the matcher was built from.
    public let keyIndex: Int
    /// The parsed declaration.
    public let declared: MediaType
    /// The parsed `Content-Type`.
    public let actual: MediaType
    /// Why the key matched.
    public let kind: Kind
    /// Whether the type or subtype was written in a different case than the declaration
    /// (`Application/JSON` against `application/json`). Still a match, since RFC 9110 makes them
    /// case-insensitive, but a strict mode or a lint rule may want to warn.
    public let caseDiffers: Bool

    public init(key: String, keyIndex: Int, declared: MediaType, actual: MediaType, kind: Kind, caseDiffers: Bool) {
        self.key = key
        self.keyIndex = keyIndex
        self.declared = declared
        self.actual = actual
        self.kind = kind
        self.caseDiffers = caseDiffers
    }
}
