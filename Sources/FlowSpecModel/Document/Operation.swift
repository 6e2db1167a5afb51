/// One API operation on a path. [§4.8.10](https://spec.openapis.org/oas/v3.1.0#operation-object)
public struct Operation: Sendable {
    public var tags: [String] {
        get { cow.fields.tags }
        _modify { yield &cow.fields.tags }
    }
    public var summary: String? {
        get { cow.fields.summary }
        _modify { yield &cow.fields.summary }
    }
    public var description: String? {
        get { cow.fields.description }
        _modify { yield &cow.fields.description }
    }
    public var externalDocs: ExternalDocumentation? {
        get { cow.fields.externalDocs }
        _modify { yield &cow.fields.externalDocs }
    }
    public var operationId: String? {
        get { cow.fields.operationId }
        _modify { yield &cow.fields.operationId }
    }
    public var parameters: [Referenceable<Parameter>] {
        get { cow.fields.parameters }
        _modify { yield &cow.fields.parameters }
    }
    public var requestBody: Referenceable<RequestBody>? {
        get { cow.fields.requestBody }
        _modify { yield &cow.fields.requestBody }
    }
    public var responses: Responses? {
        get { cow.fields.responses }
        _modify { yield &cow.fields.responses }
    }
    public var callbacks: OrderedMap<Referenceable<Callback>> {
        get { cow.fields.callbacks }
        _modify { yield &cow.fields.callbacks }
    }
    public var deprecated: Bool {
        get { cow.fields.deprecated }
        _modify { yield &cow.fields.deprecated }
    }
    public var security: [SecurityRequirement]? {
        get { cow.fields.security }
        _modify { yield &cow.fields.security }
    }
    public var servers: [Server]? {
        get { cow.fields.servers }
        _modify { yield &cow.fields.servers }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    struct Fields: Sendable {
        var tags: [String]
        var summary: String?
        var description: String?
        var externalDocs: ExternalDocumentation?
        var operationId: String?
        var parameters: [Referenceable<Parameter>]
        var requestBody: Referenceable<RequestBody>?
        var responses: Responses?
        var callbacks: OrderedMap<Referenceable<Callback>>
        var deprecated: Bool
        var security: [SecurityRequirement]?
        var servers: [Server]?
        var extensions: Extensions
        var node: NodeRef
    }

    private var cow: CopyOnWrite<Fields>

    init(_ fields: Fields) { cow = CopyOnWrite(fields) }
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
