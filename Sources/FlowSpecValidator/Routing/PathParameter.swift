/// The value a request path gives one path-template variable.
public struct PathParameter: Sendable, Hashable {
    /// The variable's name, `flowID` for `{flowID}`.
    public let name: String
    /// The value exactly as it appears in the request path, percent-escapes and all. Parameter decoders
    /// that split on delimiters (`label`, `matrix`, arrays) work on this.
    public let rawValue: String
    /// The value with percent-escapes decoded (`%2F` becomes `/`, `+` stays `+`).
    public let decodedValue: String

    public init(name: String, rawValue: String, decodedValue: String) {
        self.name = name
        self.rawValue = rawValue
        self.decodedValue = decodedValue
    }
}
