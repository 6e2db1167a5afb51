/// The flavour of JSON Schema a schema is written in.
///
/// An open vocabulary of static members, each a set of rules: which keywords exist, how `$ref` treats
/// its siblings, whether `exclusiveMinimum` is a number or a boolean.
///
/// - ``jsonSchema2020_12``: JSON Schema 2020-12, complete.
/// - ``openAPI31``: 2020-12 plus the OpenAPI base vocabulary (`discriminator` picks a branch; `xml`,
///   `externalDocs` and `example` are annotations). OpenAPI 3.1's default dialect.
/// - ``openAPI30``: the OpenAPI 3.0 Schema Object: draft 4 validation with `nullable`, boolean
///   `exclusiveMinimum`/`exclusiveMaximum`, `$ref` siblings ignored, no `$id`, `const`, `if` or
///   `prefixItems`; a `type` array is reported (3.0 allows only one type) and honoured.
/// - ``draft4``: JSON Schema draft 4 (`id`, `definitions`, `dependencies`), for standalone documents
///   such as the SARIF 2.1.0 schema.
public struct SchemaDialect: Hashable, Sendable, CustomStringConvertible {
    enum Kind: UInt8, Sendable {
        case draft2020_12
        case openAPI31
        case openAPI30
        case draft4
    }

    let kind: Kind

    /// JSON Schema 2020-12 (<https://json-schema.org/draft/2020-12>).
    public static let jsonSchema2020_12 = SchemaDialect(kind: .draft2020_12)
    /// OpenAPI 3.1's default dialect: 2020-12 with the OpenAPI base vocabulary (OAS 3.1 section 4.8.24).
    public static let openAPI31 = SchemaDialect(kind: .openAPI31)
    /// The OpenAPI 3.0 Schema Object (OAS 3.0.3 section 4.7.24).
    public static let openAPI30 = SchemaDialect(kind: .openAPI30)
    /// JSON Schema draft 4.
    public static let draft4 = SchemaDialect(kind: .draft4)

    /// The dialect a `$schema` or `jsonSchemaDialect` URI names, or `nil` for one this engine does not
    /// know (callers then keep their default and may report it).
    public init?(uri: String) {
        var text = uri
        if text.hasSuffix("#") { text.removeLast() }
        switch text {
        case "https://json-schema.org/draft/2020-12/schema": self = .jsonSchema2020_12
        case "http://json-schema.org/draft-04/schema", "https://json-schema.org/draft-04/schema": self = .draft4
        default:
            if text.hasPrefix("https://spec.openapis.org/oas/3.1/dialect") {
                self = .openAPI31
            } else {
                return nil
            }
        }
    }

    init(kind: Kind) { self.kind = kind }

    /// The URI of the built-in meta-schema that validates schemas of this dialect (compile it from a
    /// ``SchemaRegistry`` to check a schema file offline), or `nil` when none is built in.
    public var metaSchemaURI: String? {
        switch kind {
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        case .draft4: return "http://json-schema.org/draft-04/schema"
        case .openAPI30, .openAPI31: return nil
        }
    }

    public var description: String {
        switch kind {
        case .draft2020_12: return "JSON Schema 2020-12"
        case .openAPI31: return "OpenAPI 3.1"
        case .openAPI30: return "OpenAPI 3.0"
        case .draft4: return "JSON Schema draft 4"
        }
    }

    /// 2020-12 and its OpenAPI 3.1 extension.
    var isModern: Bool { kind == .draft2020_12 || kind == .openAPI31 }
    /// The keyword that sets a schema's base URI.
    var idKeyword: String? {
        switch kind {
        case .draft2020_12, .openAPI31: return "$id"
        case .draft4: return "id"
        case .openAPI30: return nil
        }
    }
    var ignoresRefSiblings: Bool { !isModern }
    var hasBooleanExclusiveBounds: Bool { !isModern }
    var hasNullable: Bool { kind == .openAPI30 }
    var hasDiscriminator: Bool { kind == .openAPI30 || kind == .openAPI31 }
    var isOpenAPI: Bool { kind == .openAPI30 || kind == .openAPI31 }

    /// Keywords whose value is one schema.
    var schemaKeywords: [String] {
        isModern
            ? [
                "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
                "unevaluatedItems", "unevaluatedProperties",
            ]
            : ["additionalProperties", "items", "additionalItems", "not"]
    }
    /// Keywords whose value is a map of schemas.
    var schemaMapKeywords: [String] {
        isModern
            ? ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies"]
            : ["definitions", "properties", "patternProperties", "dependencies"]
    }
    /// Keywords whose value is a list of schemas.
    var schemaListKeywords: [String] {
        isModern ? ["allOf", "anyOf", "oneOf", "prefixItems"] : ["allOf", "anyOf", "oneOf", "items"]
    }
}
