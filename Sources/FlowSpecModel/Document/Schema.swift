/// A Schema Object: a JSON Schema 2020-12 schema with OpenAPI's additions (3.1), or the OpenAPI 3.0
/// dialect's schema (`nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`).
///
/// A boolean schema (`true`/`false`, 3.1) or an object. Validation does not use this typed form: the
/// schema engine compiles from the node tree so that every keyword keeps its position; this form
/// serves the linter, `inspect` and users who read the model.
/// [§4.8.24](https://spec.openapis.org/oas/v3.1.0#schema-object)
public indirect enum Schema: Sendable {
    case boolean(Bool, node: NodeRef)
    case object(SchemaObject)

    /// The node the schema was built from.
    public var node: NodeRef {
        switch self {
        case .boolean(_, let node): return node
        case .object(let object): return object.node
        }
    }

    /// The object form, or `nil` for a boolean schema.
    public var object: SchemaObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}

/// A number written in a schema (`minimum: 0.01`), kept as its exact text.
public struct SchemaNumber: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var node: NodeRef
    public var description: String { text }
    /// The nearest `Double`, for checks that need only an approximation (the schema engine is exact).
    public var doubleValue: Double? { Double(text) }
}

/// The keywords of an object schema. Every field is optional, as in JSON Schema.
public struct SchemaObject: Sendable {
    // Core
    public var ref: Reference?
    public var dynamicRef: String?
    public var id: String?
    public var schemaDialect: String?
    public var anchor: String?
    public var dynamicAnchor: String?
    public var defs: OrderedMap<Schema>
    public var comment: String?
    // Applicators
    public var allOf: [Schema]?
    public var anyOf: [Schema]?
    public var oneOf: [Schema]?
    public var not: Schema?
    public var ifSchema: Schema?
    public var thenSchema: Schema?
    public var elseSchema: Schema?
    public var dependentSchemas: OrderedMap<Schema>
    public var prefixItems: [Schema]?
    public var items: Schema?
    public var contains: Schema?
    public var properties: OrderedMap<Schema>
    public var patternProperties: OrderedMap<Schema>
    public var additionalProperties: Schema?
    public var propertyNames: Schema?
    public var unevaluatedItems: Schema?
    public var unevaluatedProperties: Schema?
    // Validation
    /// `type` as a list (a single type is a list of one).
    public var type: [String]?
    public var enumValues: [NodeRef]?
    public var constValue: NodeRef?
    public var multipleOf: SchemaNumber?
    public var maximum: SchemaNumber?
    public var minimum: SchemaNumber?
    /// 2020-12: a number. (3.0's boolean form is ``exclusiveMaximumFlag``.)
    public var exclusiveMaximum: SchemaNumber?
    public var exclusiveMinimum: SchemaNumber?
    /// OpenAPI 3.0: `exclusiveMaximum: true` makes `maximum` exclusive.
    public var exclusiveMaximumFlag: Bool?
    public var exclusiveMinimumFlag: Bool?
    public var maxLength: Int?
    public var minLength: Int?
    public var pattern: String?
    public var maxItems: Int?
    public var minItems: Int?
    public var uniqueItems: Bool?
    public var maxContains: Int?
    public var minContains: Int?
    public var maxProperties: Int?
    public var minProperties: Int?
    public var required: [String]?
    public var dependentRequired: OrderedMap<[String]>
    // Format, content, meta-data
    public var format: String?
    public var contentEncoding: String?
    public var contentMediaType: String?
    public var contentSchema: Schema?
    public var title: String?
    public var description: String?
    public var defaultValue: NodeRef?
    public var deprecated: Bool?
    public var readOnly: Bool?
    public var writeOnly: Bool?
    public var examples: [NodeRef]?
    // OpenAPI
    public var example: NodeRef?
    public var nullable: Bool?
    public var discriminator: Discriminator?
    public var xml: XMLObject?
    public var externalDocs: ExternalDocumentation?
    public var extensions: Extensions
    /// Keywords that are neither JSON Schema's nor OpenAPI's (allowed as annotations in 3.1).
    public var unknownKeywords: OrderedMap<NodeRef>
    public var node: NodeRef

    init(node: NodeRef) {
        self.node = node
        defs = OrderedMap()
        dependentSchemas = OrderedMap()
        properties = OrderedMap()
        patternProperties = OrderedMap()
        dependentRequired = OrderedMap()
        extensions = OrderedMap()
        unknownKeywords = OrderedMap()
    }
}

/// Which schema of a `oneOf`/`anyOf` applies, by a property's value. [§4.8.25](https://spec.openapis.org/oas/v3.1.0#discriminator-object)
public struct Discriminator: Sendable {
    public var propertyName: String
    public var mapping: OrderedMap<String>
    public var extensions: Extensions
    public var node: NodeRef
}

/// XML representation hints. [§4.8.26](https://spec.openapis.org/oas/v3.1.0#xml-object)
public struct XMLObject: Sendable {
    public var name: String?
    public var namespace: String?
    public var prefix: String?
    public var attribute: Bool?
    public var wrapped: Bool?
    public var extensions: Extensions
    public var node: NodeRef
}
