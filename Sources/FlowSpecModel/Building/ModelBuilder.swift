import FlowSpecYAML

/// Builds the typed model from node trees, reporting every wrong type, missing field and unknown
/// field at its line and column and going on, so that one run reports them all.
struct ModelBuilder {
    var ctx: BuildContext

    var tree: YAMLTree { ctx.tree }

    // MARK: Objects

    /// The fields of the mapping at `node`, or `nil` (with a finding) when it is not a mapping.
    mutating func fields(_ node: NodeID, _ objectName: String) -> Fields? {
        guard tree.isMapping(node) else {
            ctx.report(
                .typeMismatch, "\(article(objectName)) \(objectName) must be a mapping, not \(ctx.describe(node))", at: node)
            return nil
        }
        return Fields(node: node, objectName: objectName, tree: tree)
    }

    /// Collects the `x-` extensions left in `fields` and reports every other leftover as unknown.
    mutating func finish(_ fields: Fields) -> Extensions {
        var extensions = Extensions()
        for (key, value) in fields.remaining {
            let name = tree.scalar(key) ?? ""
            if name.hasPrefix("x-") {
                extensions.append(name, ctx.ref(value), keyNode: ctx.ref(key))
            } else {
                ctx.report(
                    .unknownField, "`\(name)` is not a field of the \(fields.objectName) object", at: key,
                    hint: "check the spelling; custom fields must start with `x-`")
            }
        }
        return extensions
    }

    /// Keeps every leftover field as an extension without reporting (for objects whose extra keys are
    /// user data, such as a Discriminator's `mapping`).
    func extensionsOnly(_ fields: Fields) -> Extensions {
        var extensions = Extensions()
        for (key, value) in fields.remaining {
            let name = tree.scalar(key) ?? ""
            if name.hasPrefix("x-") { extensions.append(name, ctx.ref(value), keyNode: ctx.ref(key)) }
        }
        return extensions
    }

    mutating func missing(_ key: String, in fields: Fields) {
        ctx.report(
            .missingField, "the \(fields.objectName) object is missing the required field `\(key)`", at: fields.node)
    }

    // MARK: Scalars

    /// A string field; numbers and booleans are accepted as the text written (a version written
    /// `1.10` stays `1.10`).
    mutating func string(_ fields: inout Fields, _ key: StaticString) -> String? {
        guard let value = fields.take(key, in: tree) else { return nil }
        return stringValue(value, field: "\(key)", in: fields.objectName)
    }

    mutating func stringValue(_ value: NodeID, field: String, in objectName: String) -> String? {
        if tree.isMapping(value), tree.value(forKey: "$ref", in: value) != nil {
            return inlined(value, "a string field") { $0.stringValue($1, field: field, in: objectName) }
        }
        guard tree.isScalar(value), tree.scalarType(value) != .null else {
            ctx.report(
                .typeMismatch, "`\(field)` of the \(objectName) object must be a string, not \(ctx.describe(value))",
                at: value)
            return nil
        }
        return tree.scalar(value)
    }

    mutating func requiredString(_ fields: inout Fields, _ key: StaticString) -> String {
        if let value = string(&fields, key) { return value }
        if !fields.has(key, in: tree) { missing("\(key)", in: fields) }
        return ""
    }

    mutating func bool(_ fields: inout Fields, _ key: StaticString) -> Bool? {
        guard let value = fields.take(key, in: tree) else { return nil }
        guard let result = tree.bool(value) else {
            ctx.report(
                .typeMismatch, "`\(key)` of the \(fields.objectName) object must be a boolean, not \(ctx.describe(value))",
                at: value, hint: "write `true` or `false`")
            return nil
        }
        return result
    }

    mutating func nonNegativeInt(_ fields: inout Fields, _ key: StaticString) -> Int? {
        guard let value = fields.take(key, in: tree) else { return nil }
        if tree.isScalar(value), tree.scalarType(value) == .int || tree.scalarType(value) == .float,
            let text = tree.scalar(value)
        {
            if let int = Int(text), int >= 0 { return int }
            if let double = Double(text), double >= 0, double == double.rounded(), double < 1e15 { return Int(double) }
        }
        ctx.report(
            .typeMismatch,
            "`\(key)` of the \(fields.objectName) object must be a non-negative integer, not \(ctx.describe(value))",
            at: value)
        return nil
    }

    mutating func number(_ fields: inout Fields, _ key: StaticString) -> SchemaNumber? {
        guard let value = fields.take(key, in: tree) else { return nil }
        return numberValue(value, field: "\(key)", in: fields.objectName)
    }

    mutating func numberValue(_ value: NodeID, field: String, in objectName: String) -> SchemaNumber? {
        guard tree.isScalar(value), tree.scalarType(value) == .int || tree.scalarType(value) == .float,
            let text = tree.scalar(value)
        else {
            ctx.report(
                .typeMismatch, "`\(field)` of the \(objectName) object must be a number, not \(ctx.describe(value))",
                at: value)
            return nil
        }
        return SchemaNumber(text: text, node: ctx.ref(value))
    }

    mutating func stringList(_ fields: inout Fields, _ key: StaticString) -> [String]? {
        guard let value = fields.take(key, in: tree) else { return nil }
        return stringListValue(value, field: "\(key)", in: fields.objectName)
    }

    mutating func stringListValue(_ value: NodeID, field: String, in objectName: String) -> [String]? {
        guard tree.isSequence(value) else {
            ctx.report(
                .typeMismatch, "`\(field)` of the \(objectName) object must be a list, not \(ctx.describe(value))",
                at: value)
            return nil
        }
        var result: [String] = []
        result.reserveCapacity(tree.childCount(value))
        for item in tree.items(value) {
            if let text = stringValue(item, field: "\(field) item", in: objectName) { result.append(ctx.interned(text)) }
        }
        return result
    }

    /// A raw value (example, default, enum member): kept as its node, never looked into.
    mutating func raw(_ fields: inout Fields, _ key: StaticString) -> NodeRef? {
        fields.take(key, in: tree).map { ctx.ref($0) }
    }

    // MARK: Collections

    /// A list field whose items are built by `build`.
    mutating func list<T>(
        _ fields: inout Fields, _ key: StaticString, _ build: (inout ModelBuilder, NodeID) -> T?
    ) -> [T]? {
        guard let value = fields.take(key, in: tree) else { return nil }
        guard tree.isSequence(value) else {
            ctx.report(
                .typeMismatch, "`\(key)` of the \(fields.objectName) object must be a list, not \(ctx.describe(value))",
                at: value)
            return nil
        }
        // Sized once (the model keeps these lists; growing by doubling would leave their tails unused).
        let items = tree.items(value)
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let built = build(&self, item) { result.append(built) }
        }
        return result
    }

    /// A map field whose values are built by `build`.
    mutating func map<T>(
        _ fields: inout Fields, _ key: StaticString, _ build: (inout ModelBuilder, NodeID, String) -> T?
    ) -> OrderedMap<T> {
        guard let value = fields.take(key, in: tree) else { return OrderedMap() }
        return mapValue(value, field: "\(key)", in: fields.objectName, build)
    }

    mutating func mapValue<T>(
        _ value: NodeID, field: String, in objectName: String, _ build: (inout ModelBuilder, NodeID, String) -> T?
    ) -> OrderedMap<T> {
        var result = OrderedMap<T>()
        if tree.isMapping(value), tree.childCount(value) == 1, let ref = tree.value(forKey: "$ref", in: value),
            tree.isScalar(ref), tree.scalarType(ref) == .string
        {
            return inlined(value, "the whole `\(field)` map") { $0.mapValue($1, field: field, in: objectName, build) }
                ?? result
        }
        guard tree.isMapping(value) else {
            ctx.report(
                .typeMismatch, "`\(field)` of the \(objectName) object must be a mapping, not \(ctx.describe(value))",
                at: value)
            return result
        }
        result.reserveCapacity(tree.childCount(value))
        for entry in tree.entries(value) {
            let name = ctx.interned(tree.scalar(entry.key) ?? "")
            if let built = build(&self, entry.value, name) { result.append(name, built, keyNode: ctx.ref(entry.key)) }
        }
        return result
    }

    // MARK: References

    /// The `$ref` of `node` when it is a Reference Object, recorded for resolution.
    mutating func reference(_ node: NodeID, kind: ObjectKind) -> Reference? {
        guard tree.isMapping(node), let refNode = tree.value(forKey: "$ref", in: node) else { return nil }
        guard tree.isScalar(refNode), tree.scalarType(refNode) == .string, let text = tree.scalar(refNode) else {
            ctx.report(.typeMismatch, "`$ref` must be a string, not \(ctx.describe(refNode))", at: refNode)
            return nil
        }
        var reference = Reference(ref: ctx.interned(text), node: ctx.ref(refNode))
        for entry in tree.entries(node) {
            let key = tree.scalar(entry.key) ?? ""
            switch key {
            case "$ref": continue
            case "summary" where ctx.version.is31 && kind != .schema:
                reference.summary = stringValue(entry.value, field: "summary", in: "Reference")
            case "description" where ctx.version.is31 && kind != .schema:
                reference.description = stringValue(entry.value, field: "description", in: "Reference")
            default:
                if kind == .schema && ctx.version.is31 { continue }
                ctx.report(
                    .refSiblingIgnored,
                    "`\(key)` beside `$ref` is ignored: OpenAPI \(ctx.version.major).\(ctx.version.minor) replaces the whole object with its target",
                    at: entry.key, severity: .warning,
                    hint: ctx.version.is30 && kind == .schema
                        ? "wrap the reference in `allOf: [{$ref: …}]` to add keywords beside it"
                        : "move the field into the referenced object")
            }
        }
        ctx.pending.append(PendingReference(reference: reference, kind: kind))
        return reference
    }

    /// An object or a reference to one.
    mutating func referenceable<T>(
        _ node: NodeID, kind: ObjectKind, _ build: (inout ModelBuilder, NodeID) -> T?
    ) -> Referenceable<T>? {
        if let reference = reference(node, kind: kind) { return .reference(reference) }
        if tree.isMapping(node), tree.value(forKey: "$ref", in: node) != nil { return nil }
        return build(&self, node).map { .value($0) }
    }

    private func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
