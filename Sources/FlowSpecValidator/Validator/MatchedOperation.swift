public import FlowSpecModel

/// The operation a request addresses.
public struct MatchedOperation: Sendable, Hashable {
    /// The `operationId`, or `METHOD /template` when the operation has none (`POST /{envID}/flows/{flowID}`).
    public var id: String
    /// The method as on the wire, `POST`.
    public var method: String
    /// The path template, `/{envID}/flows/{flowID}`.
    public var pathTemplate: String
    /// The Operation Object's node in the spec.
    public var node: NodeRef
    /// The operation's position in the validator's plan.
    let index: Int

    init(id: String, method: String, pathTemplate: String, node: NodeRef, index: Int) {
        self.id = id
        self.method = method
        self.pathTemplate = pathTemplate
        self.node = node
        self.index = index
    }
}
