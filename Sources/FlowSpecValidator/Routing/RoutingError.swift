public import FlowSpecModel

/// Why a request path cannot be routed at all (as opposed to matching no template).
public struct RoutingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request path, without its query.
    public let path: String
    /// The UTF-8 offset of the problem in ``path``.
    public let offset: Int
    let kind: Kind

    enum Kind: Hashable {
        /// `%` not followed by two hexadecimal digits.
        case malformedEscape
        /// A segment whose escapes decode to bytes that are not UTF-8; the offset is the segment's start.
        case notUTF8(segment: String)
    }

    init(path: String, offset: Int, kind: Kind) {
        self.path = path
        self.offset = offset
        self.kind = kind
    }

    /// The stable code: `invalid_percent_encoding`.
    public var code: DiagnosticCode { .invalidPercentEncoding }

    /// The full message.
    public var message: String {
        switch kind {
        case .malformedEscape:
            return "path \"\(path)\" has '%' at offset \(offset) that is not followed by two hexadecimal digits; "
                + "a literal '%' is written %25"
        case .notUTF8(let segment):
            return "path \"\(path)\" has segment \"\(segment)\" whose percent-escapes do not decode to UTF-8 text"
        }
    }

    public var description: String { message }
}

extension DiagnosticCode {
    /// A path, query, or form value whose percent-encoding (RFC 3986 §2.1) is malformed or not UTF-8.
    public static var invalidPercentEncoding: DiagnosticCode { "invalid_percent_encoding" }
}
