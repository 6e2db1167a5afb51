import FlowSpecYAML

/// The entries of one mapping being read into a model object: each field is taken once, and what is
/// left at the end is either an `x-` extension or an unknown field.
struct Fields {
    let node: NodeID
    let objectName: String
    let entries: YAMLTree.MappingEntries
    /// Which entries were taken: a bit set, with an overflow array for mappings of more than 64 keys.
    private var usedBits: UInt64 = 0
    private var usedOverflow: [Bool] = []

    init(node: NodeID, objectName: String, tree: YAMLTree) {
        self.node = node
        self.objectName = objectName
        self.entries = tree.entries(node)
        if entries.count > 64 { usedOverflow = Array(repeating: false, count: entries.count) }
    }

    private func isUsed(_ i: Int) -> Bool {
        i < 64 ? usedBits & (1 << UInt64(i)) != 0 : usedOverflow[i]
    }

    private mutating func markUsed(_ i: Int) {
        if i < 64 { usedBits |= 1 << UInt64(i) } else { usedOverflow[i] = true }
    }

    /// The value node of `key`, marking it used.
    mutating func take(_ key: StaticString, in tree: YAMLTree) -> NodeID? {
        for i in entries.indices where !isUsed(i) && tree.scalar(entries[i].key, equals: key) {
            markUsed(i)
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
        entries.indices.filter { !isUsed($0) }.map { entries[$0] }
    }
}
