import FlowSpecModel
import FlowSpecYAML

/// Rules about schema keywords, with Spectral's ids: `typed-enum`, `duplicated-entry-in-enum`, `array-items`.
public enum SchemaRules {
    public static let all: [LintRule] = [typedEnum, duplicatedEnumEntry, arrayItems]

    static let typedEnum = LintRule(
        id: "typed-enum", severity: .warning, summary: "Every `enum` value has one of the schema's `type`s.",
        description: """
            A value of `enum` that does not match `type` can never be valid: the schema accepts nothing for it, \
            and generated code cannot represent it. A common case is a number written as a string (`'1'` for \
            `type: integer`), or `null` in OpenAPI 3.0 without `nullable: true`. Fix the value or the type.
            """,
        category: "schemas"
    ) { context, findings in
        for site in context.schemas {
            guard let schema = site.object, let types = schema.type, !types.isEmpty, let values = schema.enumValues
            else { continue }
            var allowed = Set(types)
            if schema.nullable == true { allowed.insert("null") }
            for value in values where !allowed.contains(where: { JSONShape.of(value, in: context).fits($0) }) {
                let shape = JSONShape.of(value, in: context)
                findings.report(
                    "the enum value \(describe(value, in: context)) is \(shape.article), not \(typeList(types, nullable: schema.nullable == true))",
                    at: value,
                    hint: shape == .null && context.version.is30
                        ? "add `nullable: true` to allow null, or remove the value"
                        : "write the value as \(types.first.map(JSONShape.articleOf) ?? "the schema's type"), or change `type`"
                )
            }
        }
    }

    static func typeList(_ types: [String], nullable: Bool) -> String {
        let all = types + (nullable ? ["null"] : [])
        return all.map { JSONShape.articleOf($0) }.joined(separator: " or ")
    }

    /// A short rendering of a value for messages: scalars as written, collections by kind.
    static func describe(_ node: NodeRef, in context: LintContext) -> String {
        let tree = context.tree(node)
        switch tree.kind(node.node) {
        case .scalar:
            let text = tree.scalar(node.node) ?? ""
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return tree.scalarType(node.node) == .string ? "`\"\(shown)\"`" : "`\(shown)`"
        case .mapping: return "(an object)"
        case .sequence: return "(an array)"
        }
    }

    static let duplicatedEnumEntry = LintRule(
        id: "duplicated-entry-in-enum", severity: .warning, summary: "No value appears twice in an `enum`.",
        description: """
            A repeated `enum` value is a mistake (often a copy-paste slip hiding a missing value) and makes \
            generated enumerations fail to compile. Remove the duplicate.
            """,
        category: "schemas"
    ) { context, findings in
        for site in context.schemas {
            guard let values = site.object?.enumValues else { continue }
            var first: [String: NodeRef] = [:]
            for value in values {
                let key = canonical(value, in: context)
                if let earlier = first[key] {
                    findings.report(
                        "the enum value \(describe(value, in: context)) is already listed on line \(context.line(of: earlier))",
                        at: value, hint: "remove the duplicate")
                } else {
                    first[key] = value
                }
            }
        }
    }

    /// A form of a value in which JSON-equal values are equal (key order ignored, `1` and `1.0` the same).
    static func canonical(_ node: NodeRef, in context: LintContext) -> String {
        let tree = context.tree(node)
        switch tree.kind(node.node) {
        case .scalar:
            let text = tree.scalar(node.node) ?? ""
            switch tree.scalarType(node.node) {
            case .string: return "s" + text
            case .null: return "null"
            case .bool: return tree.bool(node.node) == true ? "true" : "false"
            case .int, .float: return "n" + (Double(text).map { String($0) } ?? text)
            }
        case .sequence:
            return "[" + context.items(node).map { canonical($0, in: context) }.joined(separator: ",") + "]"
        case .mapping:
            let members = context.entries(node).map {
                "\(context.text($0.key) ?? ""):\(canonical($0.value, in: context))"
            }
            return "{" + members.sorted().joined(separator: ",") + "}"
        }
    }

    static let arrayItems = LintRule(
        id: "array-items", severity: .error, summary: "Array schemas say what their items are.",
        description: """
            `type: array` without `items` accepts any items, so validators check nothing inside the array and \
            generators produce untyped lists. Add `items` (or `prefixItems` in OpenAPI 3.1) with the items' schema.
            """,
        category: "schemas"
    ) { context, findings in
        for site in context.schemas {
            guard let schema = site.object, schema.type?.contains("array") == true, schema.items == nil,
                schema.prefixItems == nil
            else { continue }
            findings.report(
                "an array schema without `items`", at: context.value("type", in: schema.node) ?? schema.node,
                hint: "add `items:` with the schema of the array's items (`items: {}` to allow anything)")
        }
    }
}

/// The JSON type of a YAML value, as JSON Schema's `type` names it.
enum JSONShape: Equatable {
    case null, boolean, integer, number, string, array, object

    static func of(_ node: NodeRef, in context: LintContext) -> JSONShape {
        let tree = context.tree(node)
        switch tree.kind(node.node) {
        case .mapping: return .object
        case .sequence: return .array
        case .scalar:
            switch tree.scalarType(node.node) {
            case .null: return .null
            case .bool: return .boolean
            case .int: return .integer
            case .float:
                let value = Double(tree.scalar(node.node) ?? "")
                return value.map { $0.isFinite && $0.rounded() == $0 } == true ? .integer : .number
            case .string: return .string
            }
        }
    }

    /// Whether a value of this shape is valid for the JSON Schema type `type`.
    func fits(_ type: String) -> Bool {
        switch (self, type) {
        case (.integer, "number"): return true
        default: return name == type
        }
    }

    var name: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    var article: String { Self.articleOf(name) }

    static func articleOf(_ type: String) -> String {
        switch type {
        case "null": return "null"
        case "integer", "object", "array": return "an \(type)"
        default: return "a \(type)"
        }
    }
}
