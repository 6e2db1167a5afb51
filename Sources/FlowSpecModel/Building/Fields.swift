import FlowSpecYAML

/// The entries of one mapping being read into a model object: each field is taken once, and what is
/// left at the end is either an `x-` extension or an unknown field.
struct Fields {
    let node: NodeID
    let objectName: String
    private(set) var entries: [(key: NodeID, value: NodeID)]
    private var used: [Bool]

    init(node: NodeID, objectName: String, tree: YAMLTree) {
        self.node = node
        self.objectName = objectName
        self.entries = Array(tree.entries(node))
        self.used = Array(repeating: false, count: entries.count)
    }

    /// The value node of `key`, marking it used.
    mutating func take(_ key: StaticString, in tree: YAMLTree) -> NodeID? {
        for i in entries.indices where !used[i] && tree.scalar(entries[i].key, equals: key) {
            used[i] = true
            return entries[i].value
        }
        return nil
    }

    /// The key node of `key` (for placing a finding on the key rather than its value).
    func keyNode(_ key: StaticString, in tree: YAMLTree) -> NodeID? {
        entries.first { tree.scalar($0.key, equals: key) }?.key
    }

    func has(_ key: StaticString, in tree: YAMLTree) -> Bool { keyNode(key, in: tree) != nil }

    /// The entries not taken, in order.
    var remaining: [(key: NodeID, value: NodeID)] {
        entries.indices.filter { !used[$0] }.map { entries[$0] }
    }
}
