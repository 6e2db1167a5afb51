internal import FlowSpecModel
internal import FlowSpecYAML

extension SchemaCompiler {
    mutating func compileArrayKeywords(
        _ keywords: Keywords, _ location: Location, validation: Bool, into node: inout CompiledNode
    ) {
        let tree = tree(location.source)
        if validation {
            if let entry = keywords["minItems"], let n = count(entry, "minItems", location) {
                node.ops.append(.minItems(n, site: site(location, "minItems", key: entry.key)))
            }
            if let entry = keywords["maxItems"], let n = count(entry, "maxItems", location) {
                node.ops.append(.maxItems(n, site: site(location, "maxItems", key: entry.key)))
            }
            if let entry = keywords["uniqueItems"], tree.bool(entry.value) == true {
                node.ops.append(.uniqueItems(site: site(location, "uniqueItems", key: entry.key)))
            }
        }
        let items = ItemsApplicator()
        var hasItems = false
        if location.dialect.isModern {
            if let entry = keywords["prefixItems"], tree.isSequence(entry.value) {
                items.prefix = tree.items(entry.value).enumerated().map { k, item in
                    compile(location.child(item, "prefixItems", String(k)))
                }
                items.prefixSite = site(location, "prefixItems", key: entry.key)
                hasItems = true
            }
            if let entry = keywords["items"] {
                items.rest = compile(location.child(entry.value, "items"))
                items.restSite = site(location, "items", key: entry.key)
                hasItems = true
            }
        } else if let entry = keywords["items"] {
            if tree.isSequence(entry.value) {
                items.prefix = tree.items(entry.value).enumerated().map { k, item in
                    compile(location.child(item, "items", String(k)))
                }
                items.prefixSite = site(location, "items", key: entry.key)
                if let additional = keywords["additionalItems"] {
                    items.rest = compile(location.child(additional.value, "additionalItems"))
                    items.restSite = site(location, "additionalItems", key: additional.key)
                }
            } else {
                items.rest = compile(location.child(entry.value, "items"))
                items.restSite = site(location, "items", key: entry.key)
            }
            hasItems = true
        }
        if hasItems { node.ops.append(.items(SchemaProgram.add(items, to: &program.items))) }
        if location.dialect.isModern, let entry = keywords["contains"] {
            let child = compile(location.child(entry.value, "contains"))
            var applicator = ContainsApplicator(
                node: child, min: 1, max: -1, site: site(location, "contains", key: entry.key), minSite: 0, maxSite: 0)
            applicator.minSite = applicator.site
            applicator.maxSite = applicator.site
            if validation, let min = keywords["minContains"], let n = count(min, "minContains", location) {
                applicator.min = n
                applicator.minSite = site(location, "minContains", key: min.key)
            }
            if validation, let max = keywords["maxContains"], let n = count(max, "maxContains", location) {
                applicator.max = n
                applicator.maxSite = site(location, "maxContains", key: max.key)
            }
            node.ops.append(.contains(applicator))
        }
    }

    mutating func compileObjectKeywords(
        _ keywords: Keywords, _ location: Location, validation: Bool, into node: inout CompiledNode
    ) {
        let tree = tree(location.source)
        let modern = location.dialect.isModern
        if validation {
            if let entry = keywords["minProperties"], let n = count(entry, "minProperties", location) {
                node.ops.append(.minProperties(n, site: site(location, "minProperties", key: entry.key)))
            }
            if let entry = keywords["maxProperties"], let n = count(entry, "maxProperties", location) {
                node.ops.append(.maxProperties(n, site: site(location, "maxProperties", key: entry.key)))
            }
        }
        let members = MemberApplicator()
        var hasMembers = false
        var propertyNodes: [NodeID] = []
        if let entry = keywords["properties"], tree.isMapping(entry.value) {
            for member in tree.entries(entry.value) {
                let name = tree.scalar(member.key) ?? ""
                members.names.append(name)
                members.nodes.append(compile(location.child(member.value, "properties", name)))
                propertyNodes.append(member.value)
                let access = self.access(of: member.value, location, depth: 0)
                members.access.append(access)
                if !access.isEmpty { members.hasAccessFlags = true }
            }
            if members.names.count > 8 {
                var index: [String: Int] = [:]
                for (k, name) in members.names.enumerated() where index[name] == nil { index[name] = k }
                members.index = index
            }
            members.propertiesSite = site(location, "properties", key: entry.key)
            hasMembers = true
        }
        if let entry = keywords["patternProperties"], tree.isMapping(entry.value) {
            members.patternSite = site(location, "patternProperties", key: entry.key)
            for member in tree.entries(entry.value) {
                guard let source = tree.scalar(member.key),
                    let pattern = pattern(member.key, keyword: "patternProperties", location, text: source)
                else { continue }
                members.patterns.append((pattern, compile(location.child(member.value, "patternProperties", source))))
            }
            hasMembers = true
        }
        if let entry = keywords["additionalProperties"] {
            members.additional = compile(location.child(entry.value, "additionalProperties"))
            members.additionalSite = site(location, "additionalProperties", key: entry.key)
            hasMembers = true
        }
        if validation, let entry = keywords["required"], let names = stringList(entry, "required", location) {
            let access = names.map { name -> Access in
                guard let k = members.names.firstIndex(of: name) else { return [] }
                return members.access[k]
            }
            let list = SchemaProgram.add(RequiredList(names: names, access: access), to: &program.requireds)
            node.ops.append(.required(list, site: site(location, "required", key: entry.key)))
        }
        if validation, modern, let entry = keywords["dependentRequired"], tree.isMapping(entry.value) {
            var list: [DependentRequired] = []
            for member in tree.entries(entry.value) {
                if let names = stringList(member, "dependentRequired", location) {
                    list.append(DependentRequired(name: tree.scalar(member.key) ?? "", required: names))
                }
            }
            let index = SchemaProgram.add(list, to: &program.dependentRequireds)
            node.ops.append(.dependentRequired(index, site: site(location, "dependentRequired", key: entry.key)))
        }
        if hasMembers {
            members.seal()
            node.ops.append(.members(SchemaProgram.add(members, to: &program.members)))
        }
        if modern, let entry = keywords["propertyNames"] {
            let child = compile(location.child(entry.value, "propertyNames"))
            node.ops.append(.propertyNames(child, site: site(location, "propertyNames", key: entry.key)))
        }
        if modern, let entry = keywords["dependentSchemas"], tree.isMapping(entry.value) {
            let list = tree.entries(entry.value).map { member -> (name: [UInt8], node: Int32) in
                let name = tree.scalar(member.key) ?? ""
                return (Array(name.utf8), compile(location.child(member.value, "dependentSchemas", name)))
            }
            let index = SchemaProgram.add(list, to: &program.dependentSchemas)
            node.ops.append(.dependentSchemas(index, site: site(location, "dependentSchemas", key: entry.key)))
        }
        // `dependencies` is draft 4's; 2020-12 split it in two but keeps reading it for compatibility.
        if let entry = keywords["dependencies"], tree.isMapping(entry.value) {
            var required: [DependentRequired] = []
            var schemas: [(name: [UInt8], node: Int32)] = []
            for member in tree.entries(entry.value) {
                let name = tree.scalar(member.key) ?? ""
                if tree.isSequence(member.value) {
                    required.append(
                        DependentRequired(name: name, required: tree.items(member.value).compactMap { tree.scalar($0) })
                    )
                } else {
                    schemas.append((Array(name.utf8), compile(location.child(member.value, "dependencies", name))))
                }
            }
            let site = site(location, "dependencies", key: entry.key)
            if !required.isEmpty && validation {
                node.ops.append(
                    .dependentRequired(SchemaProgram.add(required, to: &program.dependentRequireds), site: site))
            }
            if !schemas.isEmpty {
                node.ops.append(
                    .dependentSchemas(SchemaProgram.add(schemas, to: &program.dependentSchemas), site: site))
            }
        }
    }

    /// Whether a property's schema is `readOnly` or `writeOnly`, looking through `$ref` and `allOf`.
    mutating func access(of node: NodeID, _ location: Location, depth: Int) -> Access {
        let tree = tree(location.source)
        guard depth < 8, tree.isMapping(node) else { return [] }
        var result = Access()
        if tree.value(forKey: "readOnly", in: node).flatMap(tree.bool) == true { result.insert(.readOnly) }
        if tree.value(forKey: "writeOnly", in: node).flatMap(tree.bool) == true { result.insert(.writeOnly) }
        if !result.isEmpty { return result }
        if let ref = tree.value(forKey: "$ref", in: node).flatMap(tree.scalar),
            let target = resolve(ref, base: location.base)
        {
            result.formUnion(access(of: target.node, target, depth: depth + 1))
        }
        if let all = tree.value(forKey: "allOf", in: node), tree.isSequence(all) {
            for item in tree.items(all) { result.formUnion(access(of: item, location, depth: depth + 1)) }
        }
        return result
    }

    mutating func compileCombinators(_ keywords: Keywords, _ location: Location, into node: inout CompiledNode) {
        let tree = tree(location.source)
        func list(_ name: String) -> (nodes: [Int32], key: NodeID)? {
            guard let entry = keywords[name] else { return nil }
            guard tree.isSequence(entry.value), tree.childCount(entry.value) > 0 else {
                problem(
                    "schema.invalid_keyword", "`\(name)` must be a non-empty list of schemas", at: entry.value,
                    location, keyword: name)
                return nil
            }
            let nodes = tree.items(entry.value).enumerated().map { k, item in
                compile(location.child(item, name, String(k)))
            }
            return (nodes, entry.key)
        }
        if let all = list("allOf") {
            node.ops.append(
                .allOf(SchemaProgram.add(all.nodes, to: &program.lists), site: site(location, "allOf", key: all.key)))
        }
        let any = list("anyOf")
        let one = list("oneOf")
        var discriminator: DiscriminatorApplicator? = nil
        if location.dialect.hasDiscriminator, let entry = keywords["discriminator"], any != nil || one != nil {
            discriminator = compileDiscriminator(
                entry, keywords, location, isOneOf: one != nil, fallback: (one ?? any)?.nodes ?? [])
        }
        if let any {
            if let discriminator, one == nil {
                node.ops.append(.discriminator(SchemaProgram.add(discriminator, to: &program.discriminators)))
            } else {
                node.ops.append(
                    .anyOf(
                        SchemaProgram.add(any.nodes, to: &program.lists), site: site(location, "anyOf", key: any.key)))
            }
        }
        if let one {
            if let discriminator {
                node.ops.append(.discriminator(SchemaProgram.add(discriminator, to: &program.discriminators)))
            } else {
                node.ops.append(
                    .oneOf(
                        SchemaProgram.add(one.nodes, to: &program.lists), site: site(location, "oneOf", key: one.key)))
            }
        }
        if let entry = keywords["not"] {
            let child = compile(location.child(entry.value, "not"))
            node.ops.append(.not(child, site: site(location, "not", key: entry.key)))
        }
        if location.dialect.isModern, let entry = keywords["if"] {
            let condition = compile(location.child(entry.value, "if"))
            let then = keywords["then"].map { compile(location.child($0.value, "then")) } ?? -1
            let otherwise = keywords["else"].map { compile(location.child($0.value, "else")) } ?? -1
            // Even alone, `if` matters: its annotations count for `unevaluated*`.
            node.ops.append(
                .conditional(if: condition, then: then, else: otherwise, site: site(location, "if", key: entry.key)))
        }
    }

    /// OpenAPI's `discriminator`: `propertyName` picks the branch by value, through `mapping` or the
    /// names of the branches' `$ref`s (`#/components/schemas/Cat` is picked by `Cat`).
    mutating func compileDiscriminator(
        _ entry: (key: NodeID, value: NodeID), _ keywords: Keywords, _ location: Location, isOneOf: Bool,
        fallback: [Int32]
    ) -> DiscriminatorApplicator? {
        let tree = tree(location.source)
        guard tree.isMapping(entry.value),
            let propertyName = tree.value(forKey: "propertyName", in: entry.value).flatMap(tree.scalar)
        else {
            problem(
                "schema.invalid_keyword", "`discriminator` needs a `propertyName`", at: entry.value, location,
                keyword: "discriminator")
            return nil
        }
        let applicator = DiscriminatorApplicator(
            propertyName: propertyName, site: site(location, "discriminator", key: entry.key), fallback: fallback,
            isOneOf: isOneOf)
        func add(_ value: String, _ target: Int32) {
            guard !applicator.values.contains(value) else { return }
            applicator.values.append(value)
            applicator.targets.append(target)
        }
        if let mapping = tree.value(forKey: "mapping", in: entry.value), tree.isMapping(mapping) {
            for member in tree.entries(mapping) {
                guard let value = tree.scalar(member.key), let reference = tree.scalar(member.value) else { continue }
                let ref =
                    reference.contains("/") || reference.contains("#") ? reference : "#/components/schemas/" + reference
                guard let target = resolve(ref, base: location.base) else {
                    problem(
                        "schema.unresolved_ref",
                        "the discriminator mapping `\(value)` → `\(reference)` cannot be resolved",
                        at: member.value, location, keyword: "discriminator")
                    continue
                }
                add(value, compile(target))
            }
        }
        // Implicit mapping: each branch that is a `$ref` is picked by the last segment of its target.
        let branchesKey = isOneOf ? "oneOf" : "anyOf"
        if let branches = keywords[branchesKey] {
            for item in tree.items(branches.value) {
                guard let ref = tree.value(forKey: "$ref", in: item).flatMap(tree.scalar),
                    let name = ref.split(separator: "/").last.map(String.init),
                    let target = resolve(ref, base: location.base)
                else { continue }
                add(JSONPointer.percentDecoded(name) ?? name, compile(target))
            }
        }
        applicator.utf8PropertyName = Array(propertyName.utf8)
        applicator.utf8Values = applicator.values.map { Array($0.utf8) }
        return applicator
    }
}
