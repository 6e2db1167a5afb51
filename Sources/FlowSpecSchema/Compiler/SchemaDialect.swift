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

    /// What a keyword's value holds, for the registry's scan of embedded resources.
    enum SubschemaRole {
        /// One schema, or a list of them where the value is a list (draft 4's `items`).
        case schema
        /// A map of schemas (`properties`, `$defs`, ...).
        case map
        /// A list of schemas (`allOf`, ...).
        case list
    }

    /// The role of the keyword whose UTF-8 bytes are `key`, or `nil` for a keyword whose value holds
    /// no schema. Read from the bytes: the scan asks for every key of every schema in a spec.
    func subschemaRole(ofKey key: UnsafeBufferPointer<UInt8>) -> SubschemaRole? {
        for (name, role) in isModern ? Self.modernRoles : Self.legacyRoles
        where name.utf8CodeUnitCount == key.count && name.withUTF8Buffer({ $0.elementsEqual(key) }) {
            return role
        }
        return nil
    }

    private static let modernRoles: [(StaticString, SubschemaRole)] = [
        ("additionalProperties", .schema), ("propertyNames", .schema), ("items", .schema), ("contains", .schema),
        ("not", .schema), ("if", .schema), ("then", .schema), ("else", .schema), ("unevaluatedItems", .schema),
        ("unevaluatedProperties", .schema),
        ("$defs", .map), ("definitions", .map), ("properties", .map), ("patternProperties", .map),
        ("dependentSchemas", .map), ("dependencies", .map),
        ("allOf", .list), ("anyOf", .list), ("oneOf", .list), ("prefixItems", .list),
    ]

    /// Draft 4 and OpenAPI 3.0 (whose `items` may be a list: see ``SubschemaRole/schema``).
    private static let legacyRoles: [(StaticString, SubschemaRole)] = [
        ("additionalProperties", .schema), ("items", .schema), ("additionalItems", .schema), ("not", .schema),
        ("definitions", .map), ("properties", .map), ("patternProperties", .map), ("dependencies", .map),
        ("allOf", .list), ("anyOf", .list), ("oneOf", .list),
    ]
}
