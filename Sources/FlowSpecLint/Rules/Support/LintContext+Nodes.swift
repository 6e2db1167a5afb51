import FlowSpecModel
import FlowSpecYAML

/// Node navigation for rules: findings go at the most precise node (the key or value at fault), and
/// the typed model keeps only an object's own node, so rules ask the tree for the rest.
extension LintContext {
    /// The mapping or sequence that holds `node`; `nil` for a file's root.
    func parent(of node: NodeRef) -> NodeRef? {
        files[node.file].parent(of: node.node).map { NodeRef(file: node.file, node: $0) }
    }

    /// The key of the mapping entry whose value is `node`; `nil` when `node` is not a mapping value
    /// (a list item, a file's root).
    func keyNode(of node: NodeRef) -> NodeRef? {
        guard let parent = parent(of: node) else { return nil }
        let tree = tree(parent)
        for entry in tree.entries(parent.node) where entry.value == node.node {
            return NodeRef(file: node.file, node: entry.key)
        }
        return nil
    }

    /// Where a finding about something *missing* from the object at `node` goes: the object's key
    /// when it has one (`get:`, `info:`), else the object itself.
    func place(_ node: NodeRef) -> NodeRef { keyNode(of: node) ?? node }

    /// The value of `key` in the mapping at `node`.
    func value(_ key: String, in node: NodeRef) -> NodeRef? {
        let tree = tree(node)
        guard tree.isMapping(node.node), let value = tree.value(forKey: key, in: node.node) else { return nil }
        return NodeRef(file: node.file, node: value)
    }

    /// The key node of `key` in the mapping at `node`.
    func key(_ key: String, in node: NodeRef) -> NodeRef? {
        let tree = tree(node)
        for entry in tree.entries(node.node) where tree.scalar(entry.key) == key {
            return NodeRef(file: node.file, node: entry.key)
        }
        return nil
    }

    /// The items of the sequence at `node` (empty for other kinds).
    func items(_ node: NodeRef) -> [NodeRef] {
        tree(node).items(node.node).map { NodeRef(file: node.file, node: $0) }
    }

    /// The entries of the mapping at `node` (empty for other kinds).
    func entries(_ node: NodeRef) -> [(key: NodeRef, value: NodeRef)] {
        tree(node).entries(node.node).map {
            (NodeRef(file: node.file, node: $0.key), NodeRef(file: node.file, node: $0.value))
        }
    }

    /// The 1-based line of `node`, for messages that point at another place.
    func line(of node: NodeRef) -> Int { tree(node).start(node.node).line }

    /// Where a referenceable object sits in a list or map: its own node when written in place, or
    /// the `$ref` value when it is a reference.
    func node<T>(of item: Referenceable<T>, written: (T) -> NodeRef) -> NodeRef {
        switch item {
        case .value(let value): return written(value)
        case .reference(let reference): return reference.node
        }
    }

    /// `GET /pets/{id}`, how messages name an operation.
    func name(of site: OperationSite) -> String { "\(site.method.wireName) \(site.path)" }
}
