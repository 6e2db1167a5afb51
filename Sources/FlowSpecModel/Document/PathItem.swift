/// The operations available on one path. [§4.8.9](https://spec.openapis.org/oas/v3.1.0#path-item-object)
public struct PathItem: Sendable {
    /// A `$ref` on the path item itself (allowed beside other fields in 3.x).
    public var ref: Reference? {
        get { cow.fields.ref }
        _modify { yield &cow.fields.ref }
    }
    public var summary: String? {
        get { cow.fields.summary }
        _modify { yield &cow.fields.summary }
    }
    public var description: String? {
        get { cow.fields.description }
        _modify { yield &cow.fields.description }
    }
    /// The operations, in document order, keyed by lower-case method.
    public var operations: [(method: HTTPMethod, operation: Operation)] {
        get { cow.fields.operations }
        _modify { yield &cow.fields.operations }
    }
    public var servers: [Server]? {
        get { cow.fields.servers }
        _modify { yield &cow.fields.servers }
    }
    public var parameters: [Referenceable<Parameter>] {
        get { cow.fields.parameters }
        _modify { yield &cow.fields.parameters }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }

    /// The operation for `method`, or `nil`.
    public func operation(_ method: HTTPMethod) -> Operation? {
        operations.first { $0.method == method }?.operation
    }

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    struct Fields: Sendable {
        var ref: Reference?
        var summary: String?
        var description: String?
        var operations: [(method: HTTPMethod, operation: Operation)]
        var servers: [Server]?
        var parameters: [Referenceable<Parameter>]
        var extensions: Extensions
        var node: NodeRef
    }

    private var cow: CopyOnWrite<Fields>

    init(_ fields: Fields) { cow = CopyOnWrite(fields) }
}

/// The HTTP methods a Path Item can hold.
public enum HTTPMethod: String, Sendable, CaseIterable, Hashable {
    case get, put, post, delete, options, head, patch, trace

    /// The method as it appears on the wire (`GET`).
    public var wireName: String { rawValue.uppercased() }
}
