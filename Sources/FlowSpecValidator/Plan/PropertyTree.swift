import FlowSpecModel
import FlowSpecSchema

/// The properties that object schemas declare, for strict mode's `undeclared_property`.
///
/// JSON Schema lets an object carry properties its schema does not name unless the schema says
/// otherwise; strict mode reports them. A node is *closed* when its schema (with the members of its
/// `allOf`, `anyOf` and `oneOf`, followed through `$ref`s) names at least one property and says
/// nothing about others: no `additionalProperties`, `patternProperties` or `unevaluatedProperties`.
/// Recursive schemas share nodes, so the tree is a graph of indexes.
struct PropertyTree: Sendable {
    struct Node: Sendable {
        /// Whether properties outside ``properties`` are undeclared.
        var closed = false
        /// Declared property names and their nodes (-1: nothing known below).
        var properties: [String: Int] = [:]
        /// The node of array items, or -1.
        var items = -1
    }

    var nodes: [Node] = []

    /// Appends the undeclared properties of `value` under node `index` to `found`, as instance pointers.
    func undeclared(
        in value: JSONValue, node index: Int, at pointer: JSONPointer, into found: inout [JSONPointer], limit: Int
    ) {
        guard index >= 0, index < nodes.count, found.count < limit else { return }
        let node = nodes[index]
        switch value {
        case .object(let object):
            for (key, member) in object {
                if let child = node.properties[key] {
                    undeclared(in: member, node: child, at: pointer.appending(key), into: &found, limit: limit)
                } else if node.closed {
                    found.append(pointer.appending(key))
                    if found.count >= limit { return }
                }
            }
        case .array(let items):
            guard node.items >= 0 else { return }
            for (offset, item) in items.enumerated() {
                undeclared(in: item, node: node.items, at: pointer.appending(offset), into: &found, limit: limit)
            }
        default:
            return
        }
    }
}

/// Builds ``PropertyTree`` nodes from the typed model.
struct PropertyTreeBuilder {
    var tree = PropertyTree()
    var memo: [NodeRef: Int] = [:]
    let references: ReferenceTable

    init(references: ReferenceTable) { self.references = references }

    /// The node for `schema`, or -1 when it constrains no object or array.
    mutating func node(for schema: Schema?) -> Int {
        guard let schema else { return -1 }
        let resolved = references.resolve(schema)
        if let existing = memo[resolved.node] { return existing }
        guard case .object = resolved else { return -1 }
        let index = tree.nodes.count
        tree.nodes.append(PropertyTree.Node())
        memo[resolved.node] = index
        var node = PropertyTree.Node()
        var open = false
        var propertySchemas: [(String, Schema)] = []
        var itemSchemas: [Schema] = []
        collect(resolved, depth: 0, open: &open, properties: &propertySchemas, items: &itemSchemas)
        for (name, propertySchema) in propertySchemas where node.properties[name] == nil {
            node.properties[name] = self.node(for: propertySchema)
        }
        if let first = itemSchemas.first { node.items = self.node(for: first) }
        node.closed = !open && !propertySchemas.isEmpty
        tree.nodes[index] = node
        return index
    }

    /// Gathers the properties of a schema and of its combinators' members.
    mutating func collect(
        _ schema: Schema, depth: Int, open: inout Bool, properties: inout [(String, Schema)], items: inout [Schema]
    ) {
        guard depth < 32 else {
            open = true
            return
        }
        let resolved = references.resolve(schema)
        guard case .object(let object) = resolved else {
            if case .boolean(true, _) = resolved { open = true }
            return
        }
        if object.ref != nil && references.schema(object.ref ?? Reference(ref: "", node: object.node)) == nil {
            open = true
        }
        if object.additionalProperties != nil || !object.patternProperties.isEmpty
            || object.unevaluatedProperties != nil
        {
            open = true
        }
        for (name, value) in object.properties { properties.append((name, value)) }
        if let item = object.items { items.append(item) }
        for member in (object.allOf ?? []) + (object.anyOf ?? []) + (object.oneOf ?? []) {
            collect(member, depth: depth + 1, open: &open, properties: &properties, items: &items)
        }
        // A 3.1 `$ref` beside other keywords: the referenced schema applies too.
        if let ref = object.ref, let target = references.schema(ref), !object.properties.isEmpty {
            collect(target, depth: depth + 1, open: &open, properties: &properties, items: &items)
        }
    }
}
