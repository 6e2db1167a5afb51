/// One API operation on a path. [§4.8.10](https://spec.openapis.org/oas/v3.1.0#operation-object)
public struct Operation: Sendable {
    public var tags: [String]
    public var summary: String?
    public var description: String?
    public var externalDocs: ExternalDocumentation?
    public var operationId: String?
    public var parameters: [Referenceable<Parameter>]
    public var requestBody: Referenceable<RequestBody>?
    public var responses: Responses?
    public var callbacks: OrderedMap<Referenceable<Callback>>
    public var deprecated: Bool
    public var security: [SecurityRequirement]?
    public var servers: [Server]?
    public var extensions: Extensions
    public var node: NodeRef
}

/// The expected responses of an operation, by status key. [§4.8.16](https://spec.openapis.org/oas/v3.1.0#responses-object)
public struct Responses: Sendable {
    /// Responses by status key (`200`, `4XX`, `default`), in document order.
    public var entries: [(status: StatusKey, response: Referenceable<Response>, keyNode: NodeRef)]
    public var extensions: Extensions
    public var node: NodeRef
}

/// A Responses key: an exact status code, a range such as `4XX`, or `default`.
public struct StatusKey: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case code(Int)
        /// The hundreds digit of a `1XX`-`5XX` range.
        case range(Int)
        case `default`
    }

    public var kind: Kind
    /// The key as written.
    public var text: String

    /// Parses a key; `nil` when it is none of the three forms.
    public init?(_ text: String) {
        self.text = text
        if text == "default" {
            kind = .default
        } else if text.count == 3, let code = Int(text), (100...599).contains(code) {
            kind = .code(code)
        } else if text.count == 3, text.uppercased().hasSuffix("XX"), let digit = text.first?.wholeNumberValue,
            (1...5).contains(digit)
        {
            kind = .range(digit)
        } else {
            return nil
        }
    }

    /// Whether the key covers `status`.
    public func matches(_ status: Int) -> Bool {
        switch kind {
        case .code(let code): return code == status
        case .range(let digit): return status / 100 == digit
        case .default: return true
        }
    }

    public var description: String { text }
}

/// A map of runtime expressions to path items, for out-of-band requests. [§4.8.18](https://spec.openapis.org/oas/v3.1.0#callback-object)
public struct Callback: Sendable {
    public var expressions: OrderedMap<Referenceable<PathItem>>
    public var extensions: Extensions
    public var node: NodeRef
}
