public import FlowSpecModel

/// A JSON pointer prefix in a configuration's `overrides[].pointers`, matching that node and
/// everything below it; a token that is exactly `*` matches any one token.
///
/// Written as an RFC 6901 pointer (`/paths/~1admin~1{id}`) or as a URI fragment (`#/paths/~1admin`),
/// the form `$ref` uses. `/paths/*/delete` matches every `delete` operation; the empty pointer
/// matches the whole document.
public struct PointerPattern: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    /// The tokens; `nil` for a `*` wildcard.
    let tokens: [String?]

    /// Parses `text`; `nil` if it is not a JSON pointer or a `#` fragment holding one.
    public init?(_ text: String) {
        let pointer = text.hasPrefix("#") ? JSONPointer(fragment: text) : JSONPointer(parsing: text)
        guard let pointer else { return nil }
        self.text = text
        self.tokens = pointer.tokens.map { $0 == "*" ? nil : $0 }
    }

    /// Whether `pointer` is the pattern's node or below it.
    public func matches(_ pointer: JSONPointer) -> Bool {
        guard pointer.tokens.count >= tokens.count else { return false }
        for (pattern, token) in zip(tokens, pointer.tokens) {
            if let pattern, pattern != token { return false }
        }
        return true
    }

    public var description: String { text }
}
