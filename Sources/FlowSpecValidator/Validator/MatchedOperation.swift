public import FlowSpecModel

/// The operation a request addresses.
///
/// Its text lives in one shared, immutable box (the plan's), so that putting it in a verdict and
/// copying the verdict retain one reference instead of each string; setting a field makes a box of
/// its own.
public struct MatchedOperation: Sendable, Hashable {
    final class Storage: Sendable {
        let id: String
        let method: String
        let pathTemplate: String
        let node: NodeRef

        init(id: String, method: String, pathTemplate: String, node: NodeRef) {
            self.id = id
            self.method = method
            self.pathTemplate = pathTemplate
            self.node = node
        }
    }

    var storage: Storage

    /// The `operationId`, or `METHOD /template` when the operation has none (`POST /{envID}/flows/{flowID}`).
    public var id: String {
        get { storage.id }
        set { storage = Storage(id: newValue, method: method, pathTemplate: pathTemplate, node: node) }
    }
    /// The method as on the wire, `POST`.
    public var method: String {
        get { storage.method }
        set { storage = Storage(id: id, method: newValue, pathTemplate: pathTemplate, node: node) }
    }
    /// The path template, `/{envID}/flows/{flowID}`.
    public var pathTemplate: String {
        get { storage.pathTemplate }
        set { storage = Storage(id: id, method: method, pathTemplate: newValue, node: node) }
    }
    /// The Operation Object's node in the spec.
    public var node: NodeRef {
        get { storage.node }
        set { storage = Storage(id: id, method: method, pathTemplate: pathTemplate, node: newValue) }
    }
    /// The operation's position in the validator's plan.
    let index: Int

    init(id: String, method: String, pathTemplate: String, node: NodeRef, index: Int) {
        storage = Storage(id: id, method: method, pathTemplate: pathTemplate, node: node)
        self.index = index
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.index == rhs.index
            && (lhs.storage === rhs.storage
                || (lhs.id == rhs.id && lhs.method == rhs.method && lhs.pathTemplate == rhs.pathTemplate
                    && lhs.node == rhs.node))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(method)
        hasher.combine(pathTemplate)
        hasher.combine(node)
        hasher.combine(index)
    }
}
