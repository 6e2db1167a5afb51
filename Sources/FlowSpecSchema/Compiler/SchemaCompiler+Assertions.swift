internal import FlowSpecModel
internal import FlowSpecYAML

extension SchemaCompiler {
    /// `type`, `const`, `enum`, and the number and string keywords.
    mutating func compileAssertions(_ keywords: Keywords, _ location: Location, into node: inout CompiledNode) {
        let tree = tree(location.source)
        let dialect = location.dialect
        let nullable = dialect.hasNullable && bool(keywords, "nullable", location)
        if let entry = keywords["type"] {
            var mask = TypeMask()
            var valid = true
            if tree.isSequence(entry.value) {
                if dialect.kind == .openAPI30 {
                    problem(
                        "schema.type_array", "OpenAPI 3.0 allows one `type`, not a list", at: entry.value, location,
                        keyword: "type", severity: .warning,
                        hint: "use one type with `nullable: true`, or `anyOf`; the list is honoured as a union")
                }
                for item in tree.items(entry.value) {
                    guard let t = tree.scalar(item).flatMap(TypeMask.init(name:)) else {
                        valid = false
                        continue
                    }
                    mask.insert(t)
                }
            } else if let t = tree.scalar(entry.value).flatMap(TypeMask.init(name:)) {
                mask = t
            } else {
                valid = false
            }
            if valid {
                node.ops.append(.type(mask, nullable: nullable, site: site(location, "type", key: entry.key)))
            } else {
                problem(
                    "schema.invalid_keyword",
                    "`type` must be one of `string`, `number`, `integer`, `boolean`, `array`, `object`, `null`",
                    at: entry.value, location, keyword: "type")
            }
        }
        if dialect.isModern, let entry = keywords["const"] {
            let value = SchemaProgram.add(JSONValue(tree: tree, node: entry.value), to: &program.values)
            node.ops.append(.const(value, site: site(location, "const", key: entry.key)))
        }
        if let entry = keywords["enum"] {
            if tree.isSequence(entry.value) {
                let values = tree.items(entry.value).map { JSONValue(tree: tree, node: $0) }
                let set = values.count > 8 ? Set(values) : nil
                let table = SchemaProgram.add(EnumTable(values: values, set: set), to: &program.enums)
                node.ops.append(.enumeration(table, nullable: nullable, site: site(location, "enum", key: entry.key)))
            } else {
                problem("schema.invalid_keyword", "`enum` must be a list", at: entry.value, location, keyword: "enum")
            }
        }
        compileNumberKeywords(keywords, location, into: &node)
        compileStringKeywords(keywords, location, into: &node)
    }

    mutating func compileNumberKeywords(_ keywords: Keywords, _ location: Location, into node: inout CompiledNode) {
        if let entry = keywords["multipleOf"] {
            if let n = number(entry.value, location), !n.isNegative, n != JSONNumber(0) {
                let index = SchemaProgram.add(n, to: &program.numbers)
                node.ops.append(.multipleOf(index, site: site(location, "multipleOf", key: entry.key)))
            } else {
                problem(
                    "schema.invalid_keyword", "`multipleOf` must be a number greater than 0", at: entry.value,
                    location, keyword: "multipleOf")
            }
        }
        let booleanExclusive = location.dialect.hasBooleanExclusiveBounds
        for (bound, exclusiveName, isMinimum) in [
            ("minimum", "exclusiveMinimum", true), ("maximum", "exclusiveMaximum", false),
        ] {
            if let entry = keywords[bound] {
                guard let n = number(entry.value, location) else {
                    problem(
                        "schema.invalid_keyword", "`\(bound)` must be a number", at: entry.value, location,
                        keyword: bound)
                    continue
                }
                let exclusive = booleanExclusive && bool(keywords, exclusiveName, location)
                let site = site(location, exclusive ? exclusiveName : bound, key: entry.key)
                let index = SchemaProgram.add(n, to: &program.numbers)
                node.ops.append(
                    isMinimum
                        ? .minimum(index, exclusive: exclusive, site: site)
                        : .maximum(index, exclusive: exclusive, site: site))
            }
            if !booleanExclusive, let entry = keywords[exclusiveName] {
                guard let n = number(entry.value, location) else {
                    problem(
                        "schema.invalid_keyword", "`\(exclusiveName)` must be a number", at: entry.value, location,
                        keyword: exclusiveName)
                    continue
                }
                let site = site(location, exclusiveName, key: entry.key)
                let index = SchemaProgram.add(n, to: &program.numbers)
                node.ops.append(
                    isMinimum
                        ? .minimum(index, exclusive: true, site: site) : .maximum(index, exclusive: true, site: site))
            }
        }
    }

    mutating func compileStringKeywords(_ keywords: Keywords, _ location: Location, into node: inout CompiledNode) {
        if let entry = keywords["minLength"], let n = count(entry, "minLength", location) {
            node.ops.append(.minLength(n, site: site(location, "minLength", key: entry.key)))
        }
        if let entry = keywords["maxLength"], let n = count(entry, "maxLength", location) {
            node.ops.append(.maxLength(n, site: site(location, "maxLength", key: entry.key)))
        }
        if let entry = keywords["pattern"] {
            if let pattern = self.pattern(entry.value, keyword: "pattern", location) {
                node.ops.append(.pattern(pattern, site: site(location, "pattern", key: entry.key)))
            }
        }
    }

    /// `format` belongs to its own vocabulary, so a meta-schema without the validation vocabulary keeps it.
    mutating func compileFormat(_ keywords: Keywords, _ location: Location, into node: inout CompiledNode) {
        let tree = tree(location.source)
        if let entry = keywords["format"], let name = tree.scalar(entry.value), let kind = FormatKind(name: name) {
            node.ops.append(
                .format(
                    kind, forced: location.vocabulary.formatAssertion, site: site(location, "format", key: entry.key)))
        }
    }

    /// Compiles a regular expression; an invalid one is a diagnostic at its place, never a crash.
    mutating func pattern(_ node: NodeID, keyword: String, _ location: Location, text: String? = nil) -> Int32? {
        let tree = tree(location.source)
        guard let source = text ?? tree.scalar(node) else {
            problem(
                "schema.invalid_keyword", "`\(keyword)` must be a string", at: node, location, keyword: keyword)
            return nil
        }
        // A spec repeats its patterns (one id format on many properties): each text is compiled once
        // and its matcher shared, since a matcher depends on the text alone.
        if let known = patternIndexes[source] { return known }
        do {
            let matcher = try compilePattern(source)
            program.patterns.append(matcher)
            program.patternTexts.append(source)
            let index = Int32(program.patterns.count - 1)
            patternIndexes[source] = index
            return index
        } catch {
            problem(
                "schema.invalid_pattern", "`\(source)` is not a valid ECMA-262 regular expression: \(error.message)",
                at: node, location, keyword: keyword,
                hint: "the keyword is ignored until the pattern is fixed")
            return nil
        }
    }
}
