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

    /// The ``namedMaps`` keys as bytes, by length: a key is compared with the few names of its length
    /// without becoming a `String` (most keys have the length of some name).
    private static let namedMapsByLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: (namedMaps.map(\.utf8.count).max() ?? 0) + 1)
        for name in namedMaps { table[name.utf8.count].append(Array(name.utf8)) }
        return table
    }()

    /// Whether the value of the key node `key`, in a mapping that is not a map of names, is data.
    private static func isData(key: NodeID, value: NodeID, in tree: YAMLTree) -> Bool {
        // The key's bytes are read once, in place, and told apart by length: this runs for every entry.
        let isSequence = tree.isSequence(value)
        return tree.withScalarBytes(key) { bytes -> Bool in
            if bytes.count >= 2 && bytes[0] == UInt8(ascii: "x") && bytes[1] == UInt8(ascii: "-") { return true }
            switch bytes.count {
            case 4: return equal(bytes, "enum")
            case 5: return equal(bytes, "const") || equal(bytes, "value")
            case 7: return equal(bytes, "example") || equal(bytes, "default")
            case 8: return equal(bytes, "examples") && isSequence
            default: return false
            }
        }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { bytes.elementsEqual($0) }
    }

    /// Whether the key node `key` is one of ``namedMaps``.
    private static func isNamedMap(key: NodeID, in tree: YAMLTree) -> Bool {
        tree.withScalarBytes(key) { bytes in
            bytes.count < namedMapsByLength.count && namedMapsByLength[bytes.count].contains { $0.elementsEqual(bytes) }
        }
    }

    /// Calls `visit` with each entry (file, tree, key node, value node) of every mapping that is not
    /// data, in every file. Visitors compare the key with `tree.scalar(key, equals:)`: this walk
    /// covers every mapping of a large spec, and a `String` per key cost more than the walk itself.
    static func entries(
        _ context: LintContext, _ visit: (FileID, YAMLTree, _ key: NodeID, _ value: NodeID) -> Void
    ) {
        entries(context.files, visit)
    }

    /// ``entries(_:_:)`` over `files`, for walks made while the context is being built.
    static func entries(
        _ files: SpecFileSet, _ visit: (FileID, YAMLTree, _ key: NodeID, _ value: NodeID) -> Void
    ) {
        for file in files.files {
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
                        visit(file.id, tree, entry.key, entry.value)
                        if named {
                            stack.append((entry.value, valuesNamed, false))
                        } else if !isData(key: entry.key, value: entry.value, in: tree) {
                            let isNamed = isNamedMap(key: entry.key, in: tree)
                            stack.append(
                                (entry.value, isNamed, isNamed && tree.scalar(entry.key, equals: "callbacks")))
                        }
                    }
                }
            }
        }
    }
}
