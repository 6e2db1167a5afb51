public import FlowSpecYAML

extension JSONValue {
    /// The JSON value of a node of a parsed YAML or JSON file: an example in a spec, a test-suite
    /// instance, a `const` or `enum` value in a schema.
    ///
    /// Scalars follow the tree's core-schema typing; numbers keep their text exactly (`1.10` stays
    /// `1.10`), YAML's hexadecimal and octal integers become their decimal value, and `.inf`/`.nan`,
    /// which JSON cannot hold, become strings. A mapping's first occurrence of a duplicate key wins,
    /// as it does in the tree. Aliased nodes are converted each time they appear; the tree's
    /// expansion budget already bounds that.
    public init(tree: YAMLTree, node: NodeID) {
        switch tree.kind(node) {
        case .scalar:
            self = Self.scalar(tree, node)
        case .sequence:
            self = .array(tree.items(node).map { JSONValue(tree: tree, node: $0) })
        case .mapping:
            var object = JSONObject()
            let entries = tree.entries(node)
            object.reserveCapacity(entries.count)
            // A large mapping (an example listing hundreds of items by name) made the linear duplicate
            // check quadratic. `String`'s equality is canonical equivalence, looser than the code-point
            // equality of JSON names: a name new to the set is new, one that is not is checked exactly.
            var seen = entries.count > 16 ? Set<String>(minimumCapacity: entries.count) : nil
            for entry in entries {
                let key = tree.scalar(entry.key) ?? ""
                let isNew: Bool
                if seen != nil, seen!.insert(key).inserted {
                    isNew = true
                } else {
                    isNew = object.index(forKey: key) == nil
                }
                if isNew { object.append(key, JSONValue(tree: tree, node: entry.value)) }
            }
            self = .object(object)
        }
    }

    private static func scalar(_ tree: YAMLTree, _ node: NodeID) -> JSONValue {
        let text = tree.scalar(node) ?? ""
        switch tree.scalarType(node) {
        case .string: return .string(text)
        case .null: return .null
        case .bool: return .bool(tree.bool(node) ?? false)
        case .int:
            if text.hasPrefix("0x"), let v = UInt64(text.dropFirst(2), radix: 16) {
                return .number(JSONNumber(text: String(v)))
            }
            if text.hasPrefix("0o"), let v = UInt64(text.dropFirst(2), radix: 8) {
                return .number(JSONNumber(text: String(v)))
            }
            return .number(JSONNumber(text: text.hasPrefix("+") ? String(text.dropFirst()) : text))
        case .float:
            let number = JSONNumber(text: text)
            if case .invalid = number.value { return .string(text) }
            return .number(number)
        }
    }
}
