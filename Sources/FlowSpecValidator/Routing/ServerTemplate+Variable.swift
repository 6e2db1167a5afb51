extension ServerTemplate {
    /// A variable of a server URL (OpenAPI 3.1 §4.8.6, "Server Variable Object").
    ///
    /// Nested in ``ServerTemplate`` so that it never clashes with the model's `ServerVariable`.
    public struct Variable: Sendable, Hashable {
        /// The name used in the URL, `tld` for `{tld}`.
        public var name: String
        /// The value used when no other is supplied.
        public var defaultValue: String
        /// The allowed values; empty when any value is allowed.
        public var enumValues: [String]

        public init(name: String, defaultValue: String, enumValues: [String] = []) {
            self.name = name
            self.defaultValue = defaultValue
            self.enumValues = enumValues
        }

        /// The values a request may use: the enum, plus the default when the enum forgets it (a spec error
        /// that a linter reports, but traffic using the default should still route).
        var allowedValues: [String] {
            guard !enumValues.isEmpty else { return [defaultValue] }
            return enumValues.contains(defaultValue) ? enumValues : enumValues + [defaultValue]
        }
    }
}
