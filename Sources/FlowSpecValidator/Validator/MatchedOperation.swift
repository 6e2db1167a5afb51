public import FlowSpecModel

/// The operation a request addresses.
///
/// Its text lives in one shared, immutable box (the plan's), so that putting it in a verdict and
/// copying the verdict retain one reference instead of each string; setting a field makes a box of
/// its own.
public struct MatchedOperation: Sendable, Hashable {
    /// The operation's text and node, as the shared box holds them.
    struct Fields: Sendable, Hashable {
        var id: String
        var method: String
        var pathTemplate: String
        var node: NodeRef
    }

    final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    var storage: Storage

    /// The `operationId`, or `METHOD /template` when the operation has none (`POST /{envID}/flows/{flowID}`).
    public var id: String {
        get { storage.fields.id }
        set { update { $0.id = newValue } }
    }
    /// The method as on the wire, `POST`.
    public var method: String {
        get { storage.fields.method }
        set { update { $0.method = newValue } }
    }
    /// The path template, `/{envID}/flows/{flowID}`.
    public var pathTemplate: String {
        get { storage.fields.pathTemplate }
        set { update { $0.pathTemplate = newValue } }
    }
    /// The Operation Object's node in the spec.
    public var node: NodeRef {
        get { storage.fields.node }
        set { update { $0.node = newValue } }
    }

    /// Sets a field in a box of this value's own, leaving the shared one as it is.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    /// The operation's position in the validator's plan.
    let index: Int

    init(id: String, method: String, pathTemplate: String, node: NodeRef, index: Int) {
        storage = Storage(Fields(id: id, method: method, pathTemplate: pathTemplate, node: node))
        self.index = index
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.index == rhs.index && (lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
        hasher.combine(index)
    }
}
