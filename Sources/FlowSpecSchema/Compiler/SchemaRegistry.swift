public import FlowSpecModel
internal import FlowSpecYAML

/// Every schema resource a compiler may reach, keyed by absolute URI.
///
/// A caller fills it: the spec loader registers each loaded file under its URI, a test runner the
/// suite's remotes, `check --schema` one file. Registration scans the file's schemas for embedded
/// resources (`$id`), `$anchor` and `$dynamicAnchor`, so that a `$ref` resolves by URI and JSON
/// pointer or anchor, across files. The JSON Schema 2020-12 and draft 4 meta-schemas are built in, so
/// nothing is ever fetched from the network.
///
/// ```swift
/// var registry = SchemaRegistry()
/// registry.register(SchemaSource(tree: tree, file: "flow.json", baseURI: "file:///schemas/flow.json"))
/// let validator = try SchemaValidator(registry: registry, uri: "file:///schemas/flow.json")
/// ```
public struct SchemaRegistry: Sendable {
    struct Resource: Sendable {
        var source: Int
        var node: NodeID
        /// The node's JSON pointer in its file.
        var pointer: [String]
        var dialect: SchemaDialect
        /// The resource's URI without fragment.
        var uri: String
        /// Whether ``uri`` already includes the node's own `$id` (false for a file's own URI).
        var includesOwnID = true
    }

    struct Anchor: Sendable {
        var source: Int
        var node: NodeID
        var pointer: [String]
        var dialect: SchemaDialect
        var resourceURI: String
        var isDynamic: Bool
    }

    private(set) var sources: [SchemaSource] = []
    /// The identifier keywords each source may hold, by source index: found once, when the source is
    /// registered, for the registration's scan and for every compiler's pointer walks.
    private(set) var identifierKeys: [IdentifierKeys] = []
    private(set) var resources: [String: Resource] = [:]
    private(set) var anchors: [String: Anchor] = [:]
    /// Dynamic anchors by resource URI, in document order.
    private(set) var dynamicAnchors: [String: [(name: String, anchor: Anchor)]] = [:]

    /// A registry that holds the built-in meta-schemas (2020-12 and its vocabularies, draft 4).
    public init() {
        for source in MetaSchemas.sources { register(source) }
    }

    /// A registry with nothing in it, not even the meta-schemas.
    public static var empty: SchemaRegistry {
        var registry = SchemaRegistry()
        registry.sources = []
        registry.identifierKeys = []
        registry.resources = [:]
        registry.anchors = [:]
        registry.dynamicAnchors = [:]
        return registry
    }

    /// Registers a file's schemas under `source.baseURI` (and the URIs their `$id`s give).
    ///
    /// Returns problems found while scanning (an `$id` or anchor that is not a string, a URI
    /// registered twice); the later registration of a URI replaces the earlier one.
    @discardableResult
    public mutating func register(_ source: SchemaSource) -> [Diagnostic] {
        let index = sources.count
        sources.append(source)
        let keys = IdentifierKeys(source.tree)
        identifierKeys.append(keys)
        var scanner = Scanner(registry: self, sourceIndex: index, source: source, keys: keys)
        let base = URIReference(source.baseURI).withoutFragment
        let defaultDialect = source.dialect ?? .jsonSchema2020_12
        scanner.addResource(uri: base, node: source.root, pointer: [], dialect: defaultDialect, includesOwnID: false)
        if let roots = source.schemaRoots {
            scanner.roots = roots
            for root in roots {
                scanner.root = root
                scanner.scan(root, base: base, dialect: defaultDialect, depth: 0)
            }
        } else {
            scanner.scan(source.root, base: base, dialect: defaultDialect, depth: 0)
        }
        self = scanner.registry
        return scanner.diagnostics
    }

    /// Whether a resource is registered under `uri` (fragment ignored).
    public func contains(uri: String) -> Bool { resources[URIReference(uri).withoutFragment] != nil }

    /// The URIs of every registered resource, sorted.
    public var resourceURIs: [String] { resources.keys.sorted() }

    func resource(_ uri: String) -> Resource? { resources[uri] }

    func anchor(_ uri: String, _ name: String) -> Anchor? { anchors[uri + "#" + name] }

    /// JSON pointers of `targets` found by walking the tree from `root` (first path wins).
    static func pointers(of targets: Set<NodeID>, in tree: YAMLTree, from root: NodeID) -> [NodeID: [String]] {
        var result: [NodeID: [String]] = [:]
        // Flags per node rather than Sets, and the path kept as key nodes and indexes, rendered only
        // for a target: this walk covers most of a large spec, and hashing and a String per step
        // cost more than the walk itself.
        var visited = [Bool](repeating: false, count: tree.count)
        var isTarget = [Bool](repeating: false, count: tree.count)
        for target in targets where Int(target.index) < tree.count { isTarget[Int(target.index)] = true }
        var path: [(key: NodeID?, index: Int)] = []
        func render() -> [String] {
            path.map { step in step.key.map { tree.scalar($0) ?? "" } ?? String(step.index) }
        }
        func walk(_ node: NodeID) {
            guard result.count < targets.count, !visited[Int(node.index)] else { return }
            visited[Int(node.index)] = true
            guard path.count < 256 else { return }
            if isTarget[Int(node.index)] && result[node] == nil { result[node] = render() }
            switch tree.kind(node) {
            case .mapping:
                for entry in tree.entries(node) {
                    path.append((entry.key, 0))
                    walk(entry.value)
                    path.removeLast()
                }
            case .sequence:
                for (k, item) in tree.items(node).enumerated() {
                    path.append((nil, k))
                    walk(item)
                    path.removeLast()
                }
            case .scalar: break
            }
        }
        walk(root)
        return result
    }

    /// Walks a source's schemas, recording resources and anchors.
    private struct Scanner {
        var registry: SchemaRegistry
        let sourceIndex: Int
        let source: SchemaSource
        var diagnostics: [Diagnostic] = []
        /// One flag per node of the source (a Set cost more than the scan of a large spec).
        var visited: [Bool]
        /// The source's schema roots, and the one being scanned (`nil`: the whole file from its root).
        var roots: [NodeID] = []
        var root: NodeID?
        /// The tokens from ``root`` to the schema being scanned. Only a resource, an anchor or a
        /// problem needs the pointer, and most specs have none: a pointer made for every schema (and
        /// the walk that finds the roots' pointers) cost more than the rest of the scan.
        var path: [String] = []
        var rootPointers: [NodeID: [String]]?
        let keys: IdentifierKeys

        init(registry: SchemaRegistry, sourceIndex: Int, source: SchemaSource, keys: IdentifierKeys) {
            self.registry = registry
            self.sourceIndex = sourceIndex
            self.source = source
            self.visited = [Bool](repeating: false, count: source.tree.count)
            self.keys = keys
        }

        var tree: YAMLTree { source.tree }

        /// The JSON pointer of the schema being scanned.
        mutating func pointer() -> [String] {
            guard let root else { return path }
            if rootPointers == nil {
                rootPointers = SchemaRegistry.pointers(of: Set(roots), in: tree, from: source.root)
            }
            return (rootPointers?[root] ?? []) + path
        }

        mutating func addResource(
            uri: String, node: NodeID, pointer: [String], dialect: SchemaDialect, includesOwnID: Bool = true
        ) {
            registry.resources[uri] = Resource(
                source: sourceIndex, node: node, pointer: pointer, dialect: dialect, uri: uri,
                includesOwnID: includesOwnID)
        }

        mutating func problem(_ message: String, at node: NodeID, pointer: [String]) {
            diagnostics.append(
                Diagnostic(
                    code: "schema.invalid_identifier", severity: .error, message: message,
                    location: SourceLocation(file: source.file, start: tree.start(node), end: tree.end(node)),
                    pointer: JSONPointer(pointer)))
        }

        mutating func scan(_ node: NodeID, base: String, dialect: SchemaDialect, depth: Int) {
            // The stack check stops a scan that a small thread stack cannot hold; compiling so deep a
            // schema then reports `schema.depth_exceeded` itself.
            guard tree.isMapping(node), depth < 512, !StackLimit.current.isNearlyExhausted,
                Int(node.index) < visited.count, !visited[Int(node.index)]
            else { return }
            visited[Int(node.index)] = true
            var dialect = dialect
            if keys.schema, let schemaNode = tree.value(forKey: "$schema", in: node),
                let uri = tree.scalar(schemaNode), let named = SchemaDialect(uri: uri)
            {
                dialect = named
            }
            var base = base
            if let idKeyword = dialect.idKeyword, keys.mayHave(idKeyword),
                let idNode = tree.value(forKey: idKeyword, in: node),
                // In draft 4 and OpenAPI 3.0, `$ref` hides its siblings, `id` included.
                !(dialect.ignoresRefSiblings && tree.value(forKey: "$ref", in: node) != nil)
            {
                if let id = tree.scalar(idNode), tree.scalarType(idNode) == .string {
                    let resolved = URIReference(base).resolving(id)
                    if dialect.kind == .draft4, let fragment = resolved.fragment, !fragment.isEmpty,
                        !fragment.hasPrefix("/")
                    {
                        // draft 4's `"id": "#foo"` is an anchor.
                        addAnchor(
                            resolved.withoutFragment, fragment, node: node, pointer: pointer(), dialect: dialect,
                            dynamic: false)
                        if resolved.withoutFragment != base {
                            base = resolved.withoutFragment
                            addResource(uri: base, node: node, pointer: pointer(), dialect: dialect)
                        }
                    } else if resolved.fragment == nil || resolved.fragment == "" {
                        base = resolved.withoutFragment
                        addResource(uri: base, node: node, pointer: pointer(), dialect: dialect)
                    } else {
                        problem(
                            "`\(idKeyword)` must not have a fragment (`\(id)`)", at: idNode,
                            pointer: pointer() + [idKeyword])
                    }
                } else {
                    problem("`\(idKeyword)` must be a string", at: idNode, pointer: pointer() + [idKeyword])
                }
            }
            if dialect.isModern && keys.anchors {
                for (keyword, dynamic) in [("$anchor", false), ("$dynamicAnchor", true)] {
                    guard let anchorNode = tree.value(forKey: keyword, in: node) else { continue }
                    guard let name = tree.scalar(anchorNode), tree.scalarType(anchorNode) == .string, !name.isEmpty
                    else {
                        problem(
                            "`\(keyword)` must be a non-empty string", at: anchorNode, pointer: pointer() + [keyword])
                        continue
                    }
                    addAnchor(base, name, node: node, pointer: pointer(), dialect: dialect, dynamic: dynamic)
                }
            }
            for entry in tree.entries(node) {
                // Told apart by bytes: a String for every key of every schema cost more than the scan.
                guard tree.isScalar(entry.key),
                    let role = tree.withScalarBytes(entry.key, { dialect.subschemaRole(ofKey: $0) })
                else { continue }
                let key = tree.scalar(entry.key) ?? ""
                let child = entry.value
                switch role {
                case .schema:
                    if tree.isSequence(child) {
                        scanList(child, key: key, base: base, dialect: dialect, depth: depth)
                    } else {
                        path.append(key)
                        scan(child, base: base, dialect: dialect, depth: depth + 1)
                        path.removeLast()
                    }
                case .map:
                    guard tree.isMapping(child) else { continue }
                    path.append(key)
                    for member in tree.entries(child) {
                        path.append(tree.scalar(member.key) ?? "")
                        scan(member.value, base: base, dialect: dialect, depth: depth + 1)
                        path.removeLast()
                    }
                    path.removeLast()
                case .list:
                    if tree.isSequence(child) { scanList(child, key: key, base: base, dialect: dialect, depth: depth) }
                }
            }
        }

        mutating func scanList(_ list: NodeID, key: String, base: String, dialect: SchemaDialect, depth: Int) {
            path.append(key)
            for (k, item) in tree.items(list).enumerated() {
                path.append(String(k))
                scan(item, base: base, dialect: dialect, depth: depth + 1)
                path.removeLast()
            }
            path.removeLast()
        }

        mutating func addAnchor(
            _ uri: String, _ name: String, node: NodeID, pointer: [String], dialect: SchemaDialect, dynamic: Bool
        ) {
            let anchor = Anchor(
                source: sourceIndex, node: node, pointer: pointer, dialect: dialect, resourceURI: uri,
                isDynamic: dynamic)
            let key = uri + "#" + name
            if let existing = registry.anchors[key], existing.node != node || existing.source != sourceIndex {
                if dynamic && !existing.isDynamic {
                    // `$anchor` and `$dynamicAnchor` of the same name in one schema are fine.
                } else if existing.source == sourceIndex {
                    problem("the anchor `\(name)` is defined twice in `\(uri)`", at: node, pointer: pointer)
                }
            }
            if registry.anchors[key]?.isDynamic != true || dynamic { registry.anchors[key] = anchor }
            if dynamic { registry.dynamicAnchors[uri, default: []].append((name, anchor)) }
        }
    }
}
