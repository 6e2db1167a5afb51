/// The operations available on one path. [§4.8.9](https://spec.openapis.org/oas/v3.1.0#path-item-object)
public struct PathItem: Sendable {
    /// A `$ref` on the path item itself (allowed beside other fields in 3.x).
    public var ref: Reference?
    public var summary: String?
    public var description: String?
    /// The operations, in document order, keyed by lower-case method.
    public var operations: [(method: HTTPMethod, operation: Operation)]
    public var servers: [Server]?
    public var parameters: [Referenceable<Parameter>]
    public var extensions: Extensions
    public var node: NodeRef

    /// The operation for `method`, or `nil`.
    public func operation(_ method: HTTPMethod) -> Operation? {
        operations.first { $0.method == method }?.operation
    }
}

/// The HTTP methods a Path Item can hold.
public enum HTTPMethod: String, Sendable, CaseIterable, Hashable {
    case get, put, post, delete, options, head, patch, trace

    /// The method as it appears on the wire (`GET`).
    public var wireName: String { rawValue.uppercased() }
}
