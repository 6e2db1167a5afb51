extension MediaType {
    /// One `name=value` parameter of a media type (RFC 9110 §5.6.6).
    ///
    /// ``value`` is the unescaped value: `"a \"b\""` in the header becomes `a "b"` here.
    public struct Parameter: Sendable, Hashable, CustomStringConvertible {
        /// The name, as written; compared case-insensitively.
        public var name: String
        /// The value, with quoted-string quoting and escapes removed.
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// Whether this is the `charset` parameter.
        public var isCharset: Bool { HTTPSyntax.equalsIgnoringCase(name, "charset") }

        /// Same name (ignoring case) and same value (ignoring case only for `charset`).
        public func matches(_ other: Parameter) -> Bool {
            guard HTTPSyntax.equalsIgnoringCase(name, other.name) else { return false }
            return isCharset ? HTTPSyntax.equalsIgnoringCase(value, other.value) : value == other.value
        }

        public var description: String { "\(name)=\(HTTPSyntax.tokenOrQuoted(value))" }

        func hashNormalised(into hasher: inout Hasher) {
            hasher.combine(name.lowercased())
            hasher.combine(isCharset ? value.lowercased() : value)
        }
    }
}
