import FlowSpecYAML

extension ModelBuilder {
    /// A Schema Object. In 3.1 any keyword is allowed (unknown ones are annotations); in 3.0 the
    /// fixed fields and `x-` extensions only, and a `$ref` replaces the whole object.
    mutating func schema(_ node: NodeID) -> Schema? {
        if tree.isScalar(node), tree.scalarType(node) == .bool, let value = tree.bool(node) {
            if ctx.version.is31 { return .boolean(value, node: ctx.ref(node)) }
            ctx.report(
                .typeMismatch, "a boolean schema needs OpenAPI 3.1; in 3.0 a Schema Object must be a mapping", at: node,
                hint: value ? "write `{}` to allow anything" : "write `not: {}` to allow nothing")
            return nil
        }
        if StackLimit.current.isNearlyExhausted {
            ctx.report(
                DiagnosticCode(YAMLError.Kind.depthExceeded.rawValue),
                "the schema is nested too deeply to build on this thread's stack", at: node,
                hint: "load the spec on a thread with a larger stack, or flatten the schema with `$ref`s")
            return nil
        }
        guard tree.isMapping(node) else {
            ctx.report(
                .typeMismatch,
                "a Schema Object must be a mapping\(ctx.version.is31 ? " or a boolean" : ""), not \(ctx.describe(node))",
                at: node)
            return nil
        }
        var s = SchemaObject(node: ctx.ref(node))
        if let reference = reference(node, kind: .schema) {
            s.ref = reference
            if ctx.version.is30 { return .object(s) }
        }
        let is30 = ctx.version.is30
        for entry in tree.entries(node) {
            let key = tree.scalar(entry.key) ?? ""
            let v = entry.value
            switch key {
            case "$ref": continue
            case "type": s.type = schemaType(v)
            case "properties": s.properties = schemaMap(v, field: key)
            case "items":
                if tree.isSequence(v) && is30 {
                    ctx.report(.typeMismatch, "`items` must be a schema in OpenAPI 3.0, not a list", at: v)
                } else if tree.isSequence(v) {
                    ctx.report(
                        .typeMismatch, "`items` must be a schema; a list of schemas is `prefixItems` in 2020-12", at: v)
                } else {
                    s.items = schema(v)
                }
            case "required":
                if tree.isScalar(v) && tree.scalarType(v) == .bool {
                    ctx.report(
                        .typeMismatch, "`required` must be a list of property names, not a boolean", at: v,
                        hint: "list the property in the parent schema's `required` array")
                } else {
                    s.required = stringListValue(v, field: key, in: "Schema")
                }
            case "description": s.description = stringValue(v, field: key, in: "Schema")
            case "title": s.title = stringValue(v, field: key, in: "Schema")
            case "format": s.format = stringValue(v, field: key, in: "Schema")
            case "enum":
                if tree.isSequence(v) {
                    s.enumValues = tree.items(v).map { ctx.ref($0) }
                } else {
                    ctx.report(.typeMismatch, "`enum` must be a list, not \(ctx.describe(v))", at: v)
                }
            case "allOf": s.allOf = schemaList(v, field: key)
            case "anyOf": s.anyOf = schemaList(v, field: key)
            case "oneOf": s.oneOf = schemaList(v, field: key)
            case "not": s.not = schema(v)
            case "additionalProperties":
                s.additionalProperties = schemaOrBooleanIn30(v)
            case "default": s.defaultValue = ctx.ref(v)
            case "example": s.example = ctx.ref(v)
            case "examples" where !is30:
                if tree.isSequence(v) {
                    s.examples = tree.items(v).map { ctx.ref($0) }
                } else {
                    ctx.report(.typeMismatch, "`examples` in a schema must be a list, not \(ctx.describe(v))", at: v)
                }
            case "nullable" where is30: s.nullable = boolValue(v, field: key)
            case "readOnly": s.readOnly = boolValue(v, field: key)
            case "writeOnly": s.writeOnly = boolValue(v, field: key)
            case "deprecated": s.deprecated = boolValue(v, field: key)
            case "uniqueItems": s.uniqueItems = boolValue(v, field: key)
            case "minimum": s.minimum = numberValue(v, field: key, in: "Schema")
            case "maximum": s.maximum = numberValue(v, field: key, in: "Schema")
            case "exclusiveMinimum":
                if is30 { s.exclusiveMinimumFlag = boolValue(v, field: key) } else if let flag = legacyFlag(v, key) {
                    s.exclusiveMinimumFlag = flag
                } else {
                    s.exclusiveMinimum = numberValue(v, field: key, in: "Schema")
                }
            case "exclusiveMaximum":
                if is30 { s.exclusiveMaximumFlag = boolValue(v, field: key) } else if let flag = legacyFlag(v, key) {
                    s.exclusiveMaximumFlag = flag
                } else {
                    s.exclusiveMaximum = numberValue(v, field: key, in: "Schema")
                }
            case "multipleOf": s.multipleOf = numberValue(v, field: key, in: "Schema")
            case "minLength": s.minLength = intValue(v, field: key)
            case "maxLength": s.maxLength = intValue(v, field: key)
            case "minItems": s.minItems = intValue(v, field: key)
            case "maxItems": s.maxItems = intValue(v, field: key)
            case "minProperties": s.minProperties = intValue(v, field: key)
            case "maxProperties": s.maxProperties = intValue(v, field: key)
            case "pattern": s.pattern = stringValue(v, field: key, in: "Schema")
            case "discriminator": s.discriminator = discriminator(v)
            case "xml": s.xml = xml(v)
            case "externalDocs": s.externalDocs = externalDocumentation(v)
            default:
                if key.hasPrefix("x-") {
                    s.extensions.append(key, ctx.ref(v), keyNode: ctx.ref(entry.key))
                } else if is30 {
                    ctx.report(
                        .unknownField, "`\(key)` is not a Schema Object keyword in OpenAPI 3.0", at: entry.key,
                        hint: keyword31Hint(key))
                } else {
                    schema2020(key: key, keyNode: entry.key, value: v, into: &s)
                }
            }
        }
        return .object(s)
    }

    private func keyword31Hint(_ key: String) -> String {
        let newer: Set<String> = [
            "const", "examples", "prefixItems", "$defs", "if", "then", "else", "contains", "dependentRequired",
            "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "propertyNames", "patternProperties",
            "$id", "$anchor", "contentMediaType", "contentEncoding", "minContains", "maxContains",
        ]
        return newer.contains(key)
            ? "`\(key)` needs OpenAPI 3.1 (JSON Schema 2020-12); upgrade the document or remove it"
            : "custom keywords must start with `x-`"
    }

    /// The keywords that only 2020-12 (OpenAPI 3.1) has.
    private mutating func schema2020(key: String, keyNode: NodeID, value v: NodeID, into s: inout SchemaObject) {
        switch key {
        case "$id": s.id = stringValue(v, field: key, in: "Schema")
        case "$schema": s.schemaDialect = stringValue(v, field: key, in: "Schema")
        case "$anchor": s.anchor = stringValue(v, field: key, in: "Schema")
        case "$dynamicAnchor": s.dynamicAnchor = stringValue(v, field: key, in: "Schema")
        case "$dynamicRef": s.dynamicRef = stringValue(v, field: key, in: "Schema")
        case "$defs": s.defs = schemaMap(v, field: key)
        case "$comment": s.comment = stringValue(v, field: key, in: "Schema")
        case "const": s.constValue = ctx.ref(v)
        case "if": s.ifSchema = schema(v)
        case "then": s.thenSchema = schema(v)
        case "else": s.elseSchema = schema(v)
        case "dependentSchemas": s.dependentSchemas = schemaMap(v, field: key)
        case "prefixItems": s.prefixItems = schemaList(v, field: key)
        case "contains": s.contains = schema(v)
        case "patternProperties": s.patternProperties = schemaMap(v, field: key)
        case "propertyNames": s.propertyNames = schema(v)
        case "unevaluatedItems": s.unevaluatedItems = schema(v)
        case "unevaluatedProperties": s.unevaluatedProperties = schema(v)
        case "minContains": s.minContains = intValue(v, field: key)
        case "maxContains": s.maxContains = intValue(v, field: key)
        case "dependentRequired":
            s.dependentRequired = mapValue(v, field: key, in: "Schema") { b, n, _ in
                b.stringListValue(n, field: key, in: "Schema")
            }
        case "contentEncoding": s.contentEncoding = stringValue(v, field: key, in: "Schema")
        case "contentMediaType": s.contentMediaType = stringValue(v, field: key, in: "Schema")
        case "contentSchema": s.contentSchema = schema(v)
        case "nullable":
            ctx.report(
                .unknownField, "`nullable` is not a keyword in OpenAPI 3.1 and is ignored", at: keyNode,
                severity: .warning, hint: "add \"null\" to `type` instead, e.g. `type: [string, \"null\"]`")
            s.unknownKeywords.append(key, ctx.ref(v), keyNode: ctx.ref(keyNode))
        default:
            s.unknownKeywords.append(key, ctx.ref(v), keyNode: ctx.ref(keyNode))
        }
    }

    /// A 3.0-style boolean `exclusiveMinimum`/`exclusiveMaximum` in a 3.1 document: common in
    /// converted specs, so a warning with the fix rather than an error.
    private mutating func legacyFlag(_ v: NodeID, _ key: String) -> Bool? {
        guard let flag = tree.bool(v) else { return nil }
        let bound = key == "exclusiveMinimum" ? "minimum" : "maximum"
        ctx.report(
            .typeMismatch, "`\(key): \(flag)` is OpenAPI 3.0 style; in 3.1 `\(key)` is a number", at: v,
            severity: .warning, hint: "write the bound itself: `\(key): <value>` instead of `\(bound)` plus a flag")
        return flag
    }

    private static let validTypes: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "null"]

    /// `[name]` for every JSON Schema type, built once: most schemas of a large spec name a single type,
    /// and sharing these arrays spares each schema an allocation.
    private static let singleTypes: [String: [String]] = Dictionary(
        uniqueKeysWithValues: validTypes.map { ($0, [$0]) })

    private mutating func schemaType(_ v: NodeID) -> [String]? {
        let valid = Self.validTypes
        var result: [String] = []
        if tree.isScalar(v), tree.scalarType(v) == .string, let text = tree.scalar(v) {
            result = Self.singleTypes[text] ?? [text]
        } else if tree.isSequence(v), !ctx.version.is30 {
            result = stringListValue(v, field: "type", in: "Schema") ?? []
        } else {
            ctx.report(
                .typeMismatch,
                ctx.version.is30
                    ? "`type` must be a string in OpenAPI 3.0, not \(ctx.describe(v))"
                    : "`type` must be a string or a list of strings, not \(ctx.describe(v))", at: v,
                hint: ctx.version.is30 && tree.isSequence(v) ? "use `nullable: true` for null, or `oneOf`" : nil)
            return nil
        }
        for name in result where !valid.contains(name) || (ctx.version.is30 && name == "null") {
            ctx.report(
                .invalidValue, "`\(name)` is not a JSON Schema type", at: v,
                hint: ctx.version.is30 && name == "null"
                    ? "OpenAPI 3.0 has no `null` type; use `nullable: true`"
                    : "use one of string, number, integer, boolean, array, object\(ctx.version.is30 ? "" : ", null")")
        }
        return result
    }

    private mutating func schemaList(_ v: NodeID, field: String) -> [Schema]? {
        guard tree.isSequence(v) else {
            ctx.report(.typeMismatch, "`\(field)` must be a list of schemas, not \(ctx.describe(v))", at: v)
            return nil
        }
        if tree.childCount(v) == 0 && ["allOf", "anyOf", "oneOf", "prefixItems"].contains(field) {
            ctx.report(.invalidValue, "`\(field)` must not be empty", at: v)
        }
        let items = tree.items(v)
        var result: [Schema] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let built = schema(item) { result.append(built) }
        }
        return result
    }

    private mutating func schemaMap(_ v: NodeID, field: String) -> OrderedMap<Schema> {
        mapValue(v, field: field, in: "Schema") { b, n, _ in b.schema(n) }
    }

    private mutating func schemaOrBooleanIn30(_ v: NodeID) -> Schema? {
        if ctx.version.is30, tree.isScalar(v), let value = tree.bool(v) {
            return .boolean(value, node: ctx.ref(v))
        }
        return schema(v)
    }

    private mutating func boolValue(_ v: NodeID, field: String) -> Bool? {
        if let value = tree.bool(v) { return value }
        ctx.report(.typeMismatch, "`\(field)` must be a boolean, not \(ctx.describe(v))", at: v)
        return nil
    }

    private mutating func intValue(_ v: NodeID, field: String) -> Int? {
        if tree.isScalar(v), let text = tree.scalar(v) {
            if tree.scalarType(v) == .int, let value = Int(text), value >= 0 { return value }
            if tree.scalarType(v) == .float, let d = Double(text), d >= 0, d == d.rounded(), d < 1e15 { return Int(d) }
        }
        ctx.report(.typeMismatch, "`\(field)` must be a non-negative integer, not \(ctx.describe(v))", at: v)
        return nil
    }

    private mutating func discriminator(_ node: NodeID) -> Discriminator? {
        guard var f = fields(node, "Discriminator") else { return nil }
        let name = requiredString(&f, "propertyName")
        let mapping = map(&f, "mapping") { b, n, _ in b.stringValue(n, field: "mapping", in: "Discriminator") }
        return Discriminator(propertyName: name, mapping: mapping, extensions: finish(f), node: ctx.ref(node))
    }

    private mutating func xml(_ node: NodeID) -> XMLObject? {
        guard var f = fields(node, "XML") else { return nil }
        return XMLObject(
            name: string(&f, "name"), namespace: string(&f, "namespace"), prefix: string(&f, "prefix"),
            attribute: bool(&f, "attribute"), wrapped: bool(&f, "wrapped"), extensions: finish(f), node: ctx.ref(node))
    }
}
