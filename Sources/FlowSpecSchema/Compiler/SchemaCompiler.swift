public import FlowSpecModel
internal import FlowSpecYAML

/// Compiles schemas from a ``SchemaRegistry`` into a ``SchemaProgram``.
///
/// Compile every schema you need with one compiler, then ``finish()``: shared `$ref` targets are
/// compiled once, recursive schemas become cycles in the node table (never expanded), and the
/// program is an immutable value that many threads can validate with at once.
///
/// ```swift
/// var compiler = SchemaCompiler(registry: registry, options: .init(defaultDialect: .openAPI30))
/// let flow = compiler.compile(uri: "file:///specs/flows.yaml#/components/schemas/Flow")
/// let program = compiler.finish()
/// if let flow { let result = program.validator(flow).validate(body) }
/// ```
public struct SchemaCompiler {
    /// Compile-time choices.
    public struct Options: Sendable, Hashable {
        /// The dialect of sources that do not name one.
        public var defaultDialect: SchemaDialect

        public init(defaultDialect: SchemaDialect = .jsonSchema2020_12) {
            self.defaultDialect = defaultDialect
        }
    }

    let registry: SchemaRegistry
    let options: Options
    var program = SchemaProgram()
    var memo: [NodeKey: Int32] = [:]
    var resourceIDs: [String: Int32] = [:]
    var anchorNames: [String: Int32] = [:]
    /// Resolved references by base and reference text: a spec refers to the same component many times.
    var resolved: [String: Location?] = [:]
    /// The index in `program.patterns` of each pattern text compiled so far.
    var patternIndexes: [String: Int32] = [:]
    /// Member indexes of large mappings (`components/schemas` of a big spec), built on first use.
    var memberIndexes: [NodeKey: [String: NodeID]] = [:]
    /// Nesting of the schema being compiled, and a stack guard once it is deep (made again for each
    /// schema compiled from the top, on the thread compiling it).
    var compileDepth = 0
    var stack: StackGuard? = nil

    struct NodeKey: Hashable {
        var source: Int
        var node: NodeID
    }

    public init(registry: SchemaRegistry, options: Options = Options()) {
        self.registry = registry
        self.options = options
        program.sources = registry.sources
        // Site 0 stands for "no particular keyword".
        program.sites.append(KeywordSite(source: -1, node: NodeID(0), pointer: [], keyword: ""))
    }

    /// Compiles the schema at an absolute URI with an optional fragment (`file:///a.yaml#/components/schemas/Flow`,
    /// `https://example.com/s.json#anchor`). Returns `nil`, with a diagnostic in the program, when
    /// nothing is registered there.
    public mutating func compile(uri: String) -> SchemaHandle? {
        guard let target = resolve(uri, base: "") else {
            program.diagnostics.append(
                Diagnostic(
                    code: "schema.unresolved_ref", severity: .error,
                    message: "no schema is registered at `\(uri)`",
                    hint: "register the file that holds it (SchemaRegistry.register) under its URI"))
            return nil
        }
        return SchemaHandle(index: compile(target))
    }

    /// Finishes compilation.
    public func finish() -> SchemaProgram {
        var result = program
        result.flatten()
        for k in result.nodes.indices { result.nodes[k].ops = [] }
        result.runtime = ProgramRuntime(result)
        return result
    }

    /// The diagnostics so far.
    public var diagnostics: [Diagnostic] { program.diagnostics }

    // MARK: - Locations

    /// Vocabularies a custom meta-schema may switch off.
    struct Vocabulary: Hashable {
        var validation = true
        var formatAssertion = false
    }

    /// A schema node with what compiling it needs to know about its surroundings.
    struct Location {
        var source: Int
        var node: NodeID
        var pointer: [String]
        var base: String
        var dialect: SchemaDialect
        var resource: Int32
        var vocabulary = Vocabulary()
        /// Whether ``base`` already includes this node's own `$id` (a resolved `$ref` target).
        var baseIncludesOwnID = false

        func child(_ node: NodeID, _ tokens: String...) -> Location {
            var copy = self
            copy.node = node
            copy.pointer.append(contentsOf: tokens)
            copy.baseIncludesOwnID = false
            return copy
        }
    }

    func tree(_ source: Int) -> YAMLTree { registry.sources[source].tree }

    mutating func resourceID(_ uri: String) -> Int32 {
        if let id = resourceIDs[uri] { return id }
        let id = Int32(program.resources.count)
        program.resources.append(CompiledResource(uri: uri))
        resourceIDs[uri] = id
        for (name, anchor) in registry.dynamicAnchors[uri] ?? [] {
            let location = Location(
                source: anchor.source, node: anchor.node, pointer: anchor.pointer, base: uri, dialect: anchor.dialect,
                resource: id, baseIncludesOwnID: true)
            let node = compile(location)
            program.resources[Int(id)].dynamicAnchors.append((anchorName(name), node))
        }
        return id
    }

    mutating func anchorName(_ name: String) -> Int32 {
        if let id = anchorNames[name] { return id }
        let id = Int32(anchorNames.count)
        anchorNames[name] = id
        return id
    }

    /// Resolves a reference against `base` to a schema location.
    mutating func resolve(_ reference: String, base: String) -> Location? {
        let key = base + "\u{0}" + reference
        if let known = resolved[key] { return known }
        let location = resolveUncached(reference, base: base)
        resolved[key] = location
        return location
    }

    private mutating func resolveUncached(_ reference: String, base: String) -> Location? {
        let uri = URIReference(base).resolving(reference)
        let resourceURI = uri.withoutFragment
        let fragment = uri.fragment ?? ""
        if fragment.isEmpty || fragment.hasPrefix("/") {
            guard let resource = registry.resource(resourceURI) else { return nil }
            guard let tokens = Self.pointerTokens(fragment) else { return nil }
            return walk(resource, tokens)
        }
        guard let anchor = registry.anchor(resourceURI, JSONPointer.percentDecoded(fragment) ?? fragment) else {
            return nil
        }
        return Location(
            source: anchor.source, node: anchor.node, pointer: anchor.pointer, base: anchor.resourceURI,
            dialect: anchor.dialect, resource: resourceID(anchor.resourceURI), baseIncludesOwnID: true)
    }

    /// The tokens of a URI fragment that is a JSON pointer (RFC 6901 section 6: percent-decoded,
    /// then split, then `~1` and `~0` unescaped).
    static func pointerTokens(_ fragment: String) -> [String]? {
        guard let decoded = JSONPointer.percentDecoded(fragment) else { return nil }
        if decoded.isEmpty { return [] }
        guard decoded.hasPrefix("/") else { return nil }
        return decoded.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
            token in
            let text = String(decoding: token, as: UTF8.self)
            guard token.contains(UInt8(ascii: "~")) else { return text }
            var result = ""
            var tilde = false
            for c in text {
                if tilde {
                    result.append(c == "1" ? "/" : (c == "0" ? "~" : c))
                    tilde = false
                } else if c == "~" {
                    tilde = true
                } else {
                    result.append(c)
                }
            }
            if tilde { result.append("~") }
            return result
        }
    }

    /// Follows JSON pointer tokens from a resource's root, tracking `$id`s on the way.
    mutating func walk(_ resource: SchemaRegistry.Resource, _ tokens: [String]) -> Location? {
        let tree = tree(resource.source)
        let keys = identifierKeys(resource.source)
        var node = resource.node
        var base = resource.uri
        var dialect = resource.dialect
        var pointer = resource.pointer
        for token in tokens {
            switch tree.kind(node) {
            case .mapping:
                guard let next = member(token, of: node, source: resource.source, in: tree) else { return nil }
                node = next
            case .sequence:
                let items = tree.items(node)
                guard let index = Int(token), index >= 0, index < items.count else { return nil }
                node = items[items.startIndex + index]
            case .scalar:
                return nil
            }
            pointer.append(token)
            if tree.isMapping(node) {
                // Through `member`: the walk passes big mappings (`components/schemas`), and scanning
                // one for `$schema` and `$id` on every lookup made compiling many schemas quadratic.
                if keys.schema,
                    let uri = member("$schema", of: node, source: resource.source, in: tree).flatMap(tree.scalar),
                    let named = SchemaDialect(uri: uri)
                {
                    dialect = named
                }
                if let keyword = dialect.idKeyword, keys.mayHave(keyword),
                    member(keyword, of: node, source: resource.source, in: tree) != nil,
                    let id = identifier(of: node, in: tree, dialect: dialect)
                {
                    base = URIReference(base).resolving(id).withoutFragment
                }
            }
        }
        return Location(
            source: resource.source, node: node, pointer: pointer, base: base, dialect: dialect,
            resource: resourceID(base), baseIncludesOwnID: tokens.isEmpty ? resource.includesOwnID : true)
    }

    /// The identifier keywords `source` may hold (found when it was registered).
    func identifierKeys(_ source: Int) -> IdentifierKeys { registry.identifierKeys[source] }

    /// The value of a mapping's member, through an index for large mappings.
    mutating func member(_ key: String, of mapping: NodeID, source: Int, in tree: YAMLTree) -> NodeID? {
        guard tree.childCount(mapping) > 32 else { return tree.value(forKey: key, in: mapping) }
        let nodeKey = NodeKey(source: source, node: mapping)
        if let index = memberIndexes[nodeKey] { return index[key] }
        var index: [String: NodeID] = [:]
        for entry in tree.entries(mapping) {
            if let name = tree.scalar(entry.key), index[name] == nil { index[name] = entry.value }
        }
        memberIndexes[nodeKey] = index
        return index[key]
    }

    /// The node's `$id` (or draft 4 `id`) when it sets a base URI.
    func identifier(of node: NodeID, in tree: YAMLTree, dialect: SchemaDialect) -> String? {
        guard let keyword = dialect.idKeyword, let idNode = tree.value(forKey: keyword, in: node),
            tree.scalarType(idNode) == .string, let id = tree.scalar(idNode)
        else { return nil }
        if dialect.ignoresRefSiblings && tree.value(forKey: "$ref", in: node) != nil { return nil }
        if id.hasPrefix("#") { return nil }
        if let hash = id.firstIndex(of: "#"), id[id.index(after: hash)...].isEmpty == false { return nil }
        return id
    }

    // MARK: - Diagnostics and sites

    mutating func site(_ location: Location, _ keyword: String, key: NodeID) -> Int32 {
        let index = Int32(program.sites.count)
        program.sites.append(
            KeywordSite(
                source: Int32(location.source), node: key, pointer: location.pointer + [keyword], keyword: keyword))
        return index
    }

    mutating func problem(
        _ code: DiagnosticCode, _ message: String, at node: NodeID, _ location: Location, keyword: String? = nil,
        severity: Severity = .error, hint: String? = nil
    ) {
        let tree = tree(location.source)
        program.diagnostics.append(
            Diagnostic(
                code: code, severity: severity, message: message,
                location: SourceLocation(
                    file: registry.sources[location.source].file, start: tree.start(node), end: tree.end(node)),
                pointer: JSONPointer(keyword.map { location.pointer + [$0] } ?? location.pointer), hint: hint))
    }
}
