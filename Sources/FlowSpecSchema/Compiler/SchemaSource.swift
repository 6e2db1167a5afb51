public import FlowSpecYAML

/// One loaded file that holds schemas: a standalone JSON Schema, an OpenAPI document, a test suite's
/// remote.
///
/// The compiler reads schemas straight from the file's ``YAMLTree``, so every keyword keeps its line
/// and column for diagnostics.
public struct SchemaSource: Sendable {
    /// The parsed file.
    public var tree: YAMLTree
    /// The node that the file's URI names (`#` resolves here): the document root, usually.
    public var root: NodeID
    /// The path shown in diagnostics.
    public var file: String
    /// The absolute URI the file is known by, such as `file:///work/specs/flows.yaml`; `$ref`s inside
    /// resolve against it (and against any `$id` on the way).
    public var baseURI: String
    /// The dialect of the schemas in this file; `nil` means the compiler's default (a root `$schema`
    /// overrides both).
    public var dialect: SchemaDialect?
    /// Where the schemas are, when ``root`` is not itself a schema (an OpenAPI document): these are
    /// scanned for `$id`, `$anchor` and `$dynamicAnchor`. `nil` means ``root`` is a schema.
    public var schemaRoots: [NodeID]?

    public init(
        tree: YAMLTree, root: NodeID? = nil, file: String, baseURI: String, dialect: SchemaDialect? = nil,
        schemaRoots: [NodeID]? = nil
    ) {
        self.tree = tree
        self.root = root ?? tree.root
        self.file = file
        self.baseURI = baseURI
        self.dialect = dialect
        self.schemaRoots = schemaRoots
    }

    /// An OpenAPI document: the dialect follows `openapi` (3.0.x → ``SchemaDialect/openAPI30``,
    /// otherwise ``SchemaDialect/openAPI31`` unless `jsonSchemaDialect` names another), and the schemas
    /// under `components` and every `schema` field are scanned for identifiers.
    public static func openAPIDocument(tree: YAMLTree, file: String, baseURI: String) -> SchemaSource {
        let root = tree.root
        var dialect = SchemaDialect.openAPI31
        if let version = tree.value(forKey: "openapi", in: root).flatMap(tree.scalar), version.hasPrefix("3.0") {
            dialect = .openAPI30
        } else if let uri = tree.value(forKey: "jsonSchemaDialect", in: root).flatMap(tree.scalar),
            let named = SchemaDialect(uri: uri)
        {
            dialect = named
        }
        return SchemaSource(
            tree: tree, root: root, file: file, baseURI: baseURI, dialect: dialect,
            schemaRoots: openAPISchemaRoots(tree: tree, root: root))
    }

    /// The schema nodes of an OpenAPI document: `components/schemas/*` and the value of every `schema`
    /// field outside schemas (parameters, headers, media types), in document order.
    public static func openAPISchemaRoots(tree: YAMLTree, root: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        // One flag per node rather than a Set: this walk visits most of a large spec's nodes.
        var visited = [Bool](repeating: false, count: tree.count)
        func walk(_ node: NodeID, depth: Int) {
            guard depth < 64, !visited[Int(node.index)] else { return }
            visited[Int(node.index)] = true
            switch tree.kind(node) {
            case .mapping:
                for entry in tree.entries(node) {
                    if tree.scalar(entry.key, equals: "schema") {
                        result.append(entry.value)
                    } else if tree.scalar(entry.key, equals: "example") || tree.scalar(entry.key, equals: "examples") {
                        continue
                    } else if tree.scalar(entry.key, equals: "schemas"), tree.isMapping(entry.value) {
                        result.append(contentsOf: tree.entries(entry.value).map(\.value))
                    } else {
                        walk(entry.value, depth: depth + 1)
                    }
                }
            case .sequence:
                for item in tree.items(node) { walk(item, depth: depth + 1) }
            case .scalar:
                break
            }
        }
        walk(root, depth: 0)
        return result
    }
}
