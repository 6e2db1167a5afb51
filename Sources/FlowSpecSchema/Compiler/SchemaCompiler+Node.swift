internal import FlowSpecModel
internal import FlowSpecYAML

extension SchemaCompiler {
    /// A schema's keywords: key node and value node by name.
    ///
    /// Looked up by comparing the key bytes in place: a schema object has a handful of keys and the
    /// compiler asks for a few dozen names, which costs less than a dictionary of `String`s built for
    /// every schema (a large spec compiles tens of thousands). Mapping keys are unique in the tree.
    struct Keywords {
        let tree: YAMLTree
        let entries: YAMLTree.MappingEntries
        /// One bit per (length, first byte) of the keys: a schema is asked for every keyword the
        /// compiler knows (dozens per schema object) and holds few of them, so most questions are
        /// answered by this mask without looking at a key.
        private let keyMask: UInt64

        init(_ tree: YAMLTree, _ mapping: NodeID) {
            self.tree = tree
            entries = tree.entries(mapping)
            var mask: UInt64 = 0
            for entry in entries {
                mask |= tree.withScalarBytes(entry.key) { Self.bit(count: $0.count, first: $0.first ?? 0) }
            }
            keyMask = mask
        }

        private static func bit(count: Int, first: UInt8) -> UInt64 {
            1 << UInt64((count &* 7 &+ Int(first)) & 63)
        }

        /// The entry whose key is `name`: keys of another length are told apart by their records, and
        /// the others are compared in place, with no slice of the tree's text to retain and release.
        subscript(_ name: String) -> (key: NodeID, value: NodeID)? {
            var name = name
            return name.withUTF8 { wanted in
                guard keyMask & Self.bit(count: wanted.count, first: wanted.first ?? 0) != 0 else { return nil }
                for entry in entries where tree.scalar(entry.key, equalsBytes: wanted) { return entry }
                return nil
            }
        }
    }

    /// Compiles the schema at `location` (once: later calls return the same node).
    mutating func compile(_ location: Location) -> Int32 {
        let key = NodeKey(source: location.source, node: location.node)
        if let existing = memo[key] { return existing }
        let index = Int32(program.nodes.count)
        program.nodes.append(CompiledNode())
        memo[key] = index
        let tree = tree(location.source)
        var node = CompiledNode()
        node.resource = location.resource
        node.site = Int32(program.sites.count)
        program.sites.append(
            KeywordSite(source: Int32(location.source), node: location.node, pointer: location.pointer, keyword: ""))
        compileDepth += 1
        defer { compileDepth -= 1 }
        // A guard holds its thread's stack bounds: a compiler handed to another thread between
        // compiles (the lint run compiles components ahead on one and the examples' schemas on
        // another) makes a new one, or it would measure this stack against the other's.
        if compileDepth == 1 { stack = nil }
        if compileDepth > StackGuard.deepThreshold {
            if stack == nil { stack = StackGuard() }
            if stack?.isExhausted() == true {
                problem(
                    "schema.too_deep", "the schema is nested too deeply to compile (\(compileDepth) levels)",
                    at: location.node, location)
                node.ops = [
                    .broken(
                        SchemaProgram.add("the schema is nested too deeply", to: &program.messages), site: node.site)
                ]
                program.nodes[Int(index)] = node
                return index
            }
        }
        switch tree.kind(location.node) {
        case .mapping where StackLimit.current.isNearlyExhausted:
            // Compiling recurses into subschemas: rather than overflow, this one fails every instance.
            problem(
                "schema.depth_exceeded", "the schema is nested too deeply to compile on this thread's stack",
                at: location.node, location,
                hint: "compile on a thread with a larger stack, or flatten the schema with `$ref`s")
            node.isFalse = true
            node.ops = [.alwaysFail(site: node.site)]
        case .mapping:
            compileObject(location, into: &node)
        case .scalar where tree.scalarType(location.node) == .bool:
            if tree.bool(location.node) == false {
                node.isFalse = true
                node.ops = [.alwaysFail(site: node.site)]
            }
        default:
            problem(
                "schema.invalid_schema", "a schema must be an object or a boolean", at: location.node, location,
                hint: "write `{}` (or `true`) for a schema that allows everything")
        }
        program.nodes[Int(index)] = node
        return index
    }

    mutating func compileObject(_ location: Location, into node: inout CompiledNode) {
        var location = location
        let tree = tree(location.source)
        let keywords = Keywords(tree, location.node)
        // `$schema` switches the dialect, or (a custom meta-schema) the vocabularies.
        if let schema = keywords["$schema"], let uri = tree.scalar(schema.value) {
            if let dialect = SchemaDialect(uri: uri) {
                location.dialect = dialect
            } else if location.dialect.isModern {
                location.vocabulary = vocabulary(ofMetaSchema: uri)
            }
        }
        let dialect = location.dialect
        if !location.baseIncludesOwnID, let id = identifier(of: location.node, in: tree, dialect: dialect) {
            location.base = URIReference(location.base).resolving(id).withoutFragment
            location.resource = resourceID(location.base)
            node.resource = location.resource
        }
        if dialect.ignoresRefSiblings, let ref = keywords["$ref"] {
            // Draft 4 and OpenAPI 3.0: `$ref` replaces the whole schema; its siblings are ignored.
            node.ops.append(compileRef(ref, location))
            return
        }
        let validation = location.vocabulary.validation
        if validation { compileAssertions(keywords, location, into: &node) }
        compileFormat(keywords, location, into: &node)
        compileArrayKeywords(keywords, location, validation: validation, into: &node)
        compileObjectKeywords(keywords, location, validation: validation, into: &node)
        if let ref = keywords["$ref"] { node.ops.append(compileRef(ref, location)) }
        if dialect.isModern, let ref = keywords["$dynamicRef"] { node.ops.append(compileDynamicRef(ref, location)) }
        compileCombinators(keywords, location, into: &node)
        if dialect.isModern {
            if let entry = keywords["unevaluatedItems"] {
                let child = compile(location.child(entry.value, "unevaluatedItems"))
                node.ops.append(.unevaluatedItems(child, site: site(location, "unevaluatedItems", key: entry.key)))
                node.tracksUnevaluated = true
            }
            if let entry = keywords["unevaluatedProperties"] {
                let child = compile(location.child(entry.value, "unevaluatedProperties"))
                node.ops.append(
                    .unevaluatedProperties(child, site: site(location, "unevaluatedProperties", key: entry.key)))
                node.tracksUnevaluated = true
            }
        }
    }

    /// The vocabularies a custom meta-schema's `$vocabulary` turns on.
    mutating func vocabulary(ofMetaSchema uri: String) -> Vocabulary {
        var result = Vocabulary()
        guard let meta = registry.resource(URIReference(uri).withoutFragment) else { return result }
        let tree = tree(meta.source)
        guard let vocabularies = tree.value(forKey: "$vocabulary", in: meta.node), tree.isMapping(vocabularies) else {
            return result
        }
        let names = tree.entries(vocabularies).compactMap { tree.scalar($0.key) }
        result.validation = names.contains("https://json-schema.org/draft/2020-12/vocab/validation")
        result.formatAssertion = names.contains("https://json-schema.org/draft/2020-12/vocab/format-assertion")
        return result
    }

    // MARK: - Value readers

    func number(_ node: NodeID, _ location: Location) -> JSONNumber? {
        let tree = tree(location.source)
        guard tree.isScalar(node), tree.scalarType(node) == .int || tree.scalarType(node) == .float,
            case .number(let n) = JSONValue(tree: tree, node: node)
        else { return nil }
        return n
    }

    mutating func count(_ entry: (key: NodeID, value: NodeID), _ keyword: String, _ location: Location) -> Int? {
        guard let n = number(entry.value, location), n.isInteger, !n.isNegative else {
            problem(
                "schema.invalid_keyword", "`\(keyword)` must be a non-negative integer", at: entry.value, location,
                keyword: keyword)
            return nil
        }
        return n.int64Value.map { Int(clamping: $0) } ?? Int.max
    }

    mutating func stringList(_ entry: (key: NodeID, value: NodeID), _ keyword: String, _ location: Location)
        -> [String]?
    {
        let tree = tree(location.source)
        guard tree.isSequence(entry.value) else {
            problem(
                "schema.invalid_keyword", "`\(keyword)` must be a list of strings", at: entry.value, location,
                keyword: keyword)
            return nil
        }
        var result: [String] = []
        for item in tree.items(entry.value) {
            guard tree.isScalar(item), let s = tree.scalar(item) else { continue }
            result.append(s)
        }
        return result
    }

    func bool(_ keywords: Keywords, _ name: String, _ location: Location) -> Bool {
        guard let entry = keywords[name] else { return false }
        return tree(location.source).bool(entry.value) ?? false
    }

    mutating func compileRef(_ entry: (key: NodeID, value: NodeID), _ location: Location) -> Op {
        let site = site(location, "$ref", key: entry.key)
        let tree = tree(location.source)
        guard let reference = tree.scalar(entry.value), tree.scalarType(entry.value) == .string else {
            problem("schema.invalid_keyword", "`$ref` must be a string", at: entry.value, location, keyword: "$ref")
            return .broken(SchemaProgram.add("the schema's `$ref` is not a string", to: &program.messages), site: site)
        }
        guard let target = resolve(reference, base: location.base) else {
            problem(
                "schema.unresolved_ref", "`$ref` `\(reference)` cannot be resolved", at: entry.value, location,
                keyword: "$ref", hint: "check the pointer or anchor, and that the file it names is loaded")
            return .broken(
                SchemaProgram.add("the schema's `$ref` `\(reference)` cannot be resolved", to: &program.messages),
                site: site)
        }
        return .ref(compile(target), site: site)
    }

    mutating func compileDynamicRef(_ entry: (key: NodeID, value: NodeID), _ location: Location) -> Op {
        let site = site(location, "$dynamicRef", key: entry.key)
        let tree = tree(location.source)
        guard let reference = tree.scalar(entry.value),
            let target = resolve(reference, base: location.base)
        else {
            let shown = tree.scalar(entry.value) ?? ""
            problem(
                "schema.unresolved_ref", "`$dynamicRef` `\(shown)` cannot be resolved", at: entry.value, location,
                keyword: "$dynamicRef")
            return .broken(
                SchemaProgram.add("the schema's `$dynamicRef` `\(shown)` cannot be resolved", to: &program.messages),
                site: site)
        }
        program.usesDynamicScope = true
        // Dynamic resolution applies only when the static target is itself a `$dynamicAnchor` of
        // that name (the "bookend" rule of 2020-12 section 8.2.3.2).
        var anchor: Int32 = -1
        let uri = URIReference(location.base).resolving(reference)
        if let fragment = uri.fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
            registry.anchor(uri.withoutFragment, fragment)?.isDynamic == true
        {
            anchor = anchorName(fragment)
        }
        return .dynamicRef(compile(target), anchor: anchor, site: site)
    }
}
