import FlowSpecModel
import FlowSpecYAML

/// Walks the mappings of every loaded file, as raw nodes, skipping data: example values, defaults,
/// enums, constants and extension values are not part of the description, so a `$ref` or a
/// `description` inside them is not one.
///
/// Whether a key is data depends on where it is: `default` is data in a schema but the default
/// response in `responses`, and `example` is data in a media type but an example's name in `examples`.
/// The walk knows which mappings are *maps of names* (`paths`, `responses`, `properties`, `examples`,
/// `content`, component sections, ...) and never skips their entries.
enum DocumentWalk {
    /// Keys whose mapping value maps names to objects.
    static let namedMaps: Set<String> = [
        "paths", "webhooks", "callbacks", "responses", "headers", "content", "links", "encoding", "variables",
        "examples", "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas",
        "parameters", "requestBodies", "securitySchemes", "pathItems", "mapping", "scopes",
    ]

    /// Whether the value of `key`, in a mapping that is not a map of names, is data.
    static func isData(_ key: String, value: NodeID, in tree: YAMLTree) -> Bool {
        if key.hasPrefix("x-") { return true }
        switch key {
        case "example", "default", "enum", "const", "value": return true
        case "examples": return tree.isSequence(value)
        default: return false
        }
    }

    /// Calls `visit` with each entry (file, tree, key node, value node, key text) of every mapping that
    /// is not data, in every file.
    static func entries(
        _ context: LintContext, _ visit: (FileID, YAMLTree, _ key: NodeID, _ value: NodeID, _ name: String) -> Void
    ) {
        for file in context.files.files {
            let tree = file.tree
            // Each node with whether it is a map of names, and whether its values are maps of names
            // (the callback objects inside `callbacks`).
            var stack: [(node: NodeID, named: Bool, valuesNamed: Bool)] = [(tree.root, false, false)]
            // One flag per node rather than a Set: the walk visits every node of a large spec, and
            // hashing each one cost more than the visit.
            var visited = [Bool](repeating: false, count: tree.count)
            while let (node, named, valuesNamed) = stack.popLast() {
                guard !visited[Int(node.index)] else { continue }
                visited[Int(node.index)] = true
                switch tree.kind(node) {
                case .scalar: continue
                case .sequence:
                    for item in tree.items(node) { stack.append((item, false, false)) }
                case .mapping:
                    for entry in tree.entries(node) {
                        let name = tree.scalar(entry.key) ?? ""
                        visit(file.id, tree, entry.key, entry.value, name)
                        if named {
                            stack.append((entry.value, valuesNamed, false))
                        } else if !isData(name, value: entry.value, in: tree) {
                            let isNamed = namedMaps.contains(name)
                            stack.append((entry.value, isNamed, isNamed && name == "callbacks"))
                        }
                    }
                }
            }
        }
    }
}
