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
///
/// The keywords live behind one reference that copies share (``CopyOnWrite``); the rarer ones sit
/// in boxes of their own that only schemas using them allocate, which keeps a large spec's model
/// small.
public struct SchemaObject: Sendable {
    /// The schema's `$ref`; boxed, as most schemas of a large spec have none.
    public var ref: Reference? {
        get { refBox?.value }
        set { refBox = newValue.map { Box($0) } }
    }
    public var allOf: [Schema]? {
        get { cow.fields.allOf }
        _modify { yield &cow.fields.allOf }
    }
    public var anyOf: [Schema]? {
        get { cow.fields.anyOf }
        _modify { yield &cow.fields.anyOf }
    }
    public var oneOf: [Schema]? {
        get { cow.fields.oneOf }
        _modify { yield &cow.fields.oneOf }
    }
    public var items: Schema? {
        get { cow.fields.items }
        _modify { yield &cow.fields.items }
    }
    public var properties: OrderedMap<Schema> {
        get { cow.fields.properties }
        _modify { yield &cow.fields.properties }
    }
    public var additionalProperties: Schema? {
        get { cow.fields.additionalProperties }
        _modify { yield &cow.fields.additionalProperties }
    }
    /// `type` as a list (a single type is a list of one).
    public var type: [String]? {
        get { cow.fields.type }
        _modify { yield &cow.fields.type }
    }
    public var enumValues: [NodeRef]? {
        get { cow.fields.enumValues }
        _modify { yield &cow.fields.enumValues }
    }
    public var maximum: SchemaNumber? {
        get { constraintBox?.value.maximum }
        set { constraints.maximum = newValue }
    }
    public var minimum: SchemaNumber? {
        get { constraintBox?.value.minimum }
        set { constraints.minimum = newValue }
    }
    public var maxLength: Int? {
        get { constraintBox?.value.maxLength }
        set { constraints.maxLength = newValue }
    }
    public var minLength: Int? {
        get { constraintBox?.value.minLength }
        set { constraints.minLength = newValue }
    }
    public var pattern: String? {
        get { constraintBox?.value.pattern }
        set { constraints.pattern = newValue }
    }
    public var maxItems: Int? {
        get { constraintBox?.value.maxItems }
        set { constraints.maxItems = newValue }
    }
    public var minItems: Int? {
        get { constraintBox?.value.minItems }
        set { constraints.minItems = newValue }
    }
    public var required: [String]? {
        get { cow.fields.required }
        _modify { yield &cow.fields.required }
    }
    public var format: String? {
        get { cow.fields.format }
        _modify { yield &cow.fields.format }
    }
    public var title: String? {
        get { cow.fields.title }
        _modify { yield &cow.fields.title }
    }
    public var description: String? {
        get { cow.fields.description }
        _modify { yield &cow.fields.description }
    }
    public var defaultValue: NodeRef? {
        get { cow.fields.defaultValue }
        _modify { yield &cow.fields.defaultValue }
    }
    public var deprecated: Bool? {
        get { cow.fields.deprecated }
        _modify { yield &cow.fields.deprecated }
    }
    public var readOnly: Bool? {
        get { cow.fields.readOnly }
        _modify { yield &cow.fields.readOnly }
    }
    public var writeOnly: Bool? {
        get { cow.fields.writeOnly }
        _modify { yield &cow.fields.writeOnly }
    }
    public var example: NodeRef? {
        get { cow.fields.example }
        _modify { yield &cow.fields.example }
    }
    public var nullable: Bool? {
        get { cow.fields.nullable }
        _modify { yield &cow.fields.nullable }
    }
    public var discriminator: Discriminator? {
        get { rareBox?.value.discriminator }
        set { rareKeywords.discriminator = newValue }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }
    public var dynamicRef: String? {
        get { rareBox?.value.dynamicRef }
        set { rareKeywords.dynamicRef = newValue }
    }
    public var id: String? {
        get { rareBox?.value.id }
        set { rareKeywords.id = newValue }
    }
    public var schemaDialect: String? {
        get { rareBox?.value.schemaDialect }
        set { rareKeywords.schemaDialect = newValue }
    }
    public var anchor: String? {
        get { rareBox?.value.anchor }
        set { rareKeywords.anchor = newValue }
    }
    public var dynamicAnchor: String? {
        get { rareBox?.value.dynamicAnchor }
        set { rareKeywords.dynamicAnchor = newValue }
    }
    public var defs: OrderedMap<Schema> {
        get { rareBox?.value.defs ?? OrderedMap() }
        set { rareKeywords.defs = newValue }
    }
    public var comment: String? {
        get { rareBox?.value.comment }
        set { rareKeywords.comment = newValue }
    }
    public var not: Schema? {
        get { rareBox?.value.not }
        set { rareKeywords.not = newValue }
    }
    public var ifSchema: Schema? {
        get { rareBox?.value.ifSchema }
        set { rareKeywords.ifSchema = newValue }
    }
    public var thenSchema: Schema? {
        get { rareBox?.value.thenSchema }
        set { rareKeywords.thenSchema = newValue }
    }
    public var elseSchema: Schema? {
        get { rareBox?.value.elseSchema }
        set { rareKeywords.elseSchema = newValue }
    }
    public var dependentSchemas: OrderedMap<Schema> {
        get { rareBox?.value.dependentSchemas ?? OrderedMap() }
        set { rareKeywords.dependentSchemas = newValue }
    }
    public var prefixItems: [Schema]? {
        get { rareBox?.value.prefixItems }
        set { rareKeywords.prefixItems = newValue }
    }
    public var contains: Schema? {
        get { rareBox?.value.contains }
        set { rareKeywords.contains = newValue }
    }
    public var patternProperties: OrderedMap<Schema> {
        get { rareBox?.value.patternProperties ?? OrderedMap() }
        set { rareKeywords.patternProperties = newValue }
    }
    public var propertyNames: Schema? {
        get { rareBox?.value.propertyNames }
        set { rareKeywords.propertyNames = newValue }
    }
    public var unevaluatedItems: Schema? {
        get { rareBox?.value.unevaluatedItems }
        set { rareKeywords.unevaluatedItems = newValue }
    }
    public var unevaluatedProperties: Schema? {
        get { rareBox?.value.unevaluatedProperties }
        set { rareKeywords.unevaluatedProperties = newValue }
    }
    public var constValue: NodeRef? {
        get { rareBox?.value.constValue }
        set { rareKeywords.constValue = newValue }
    }
    public var multipleOf: SchemaNumber? {
        get { rareBox?.value.multipleOf }
        set { rareKeywords.multipleOf = newValue }
    }
    /// 2020-12: a number. (3.0's boolean form is ``exclusiveMaximumFlag``.)
    public var exclusiveMaximum: SchemaNumber? {
        get { rareBox?.value.exclusiveMaximum }
        set { rareKeywords.exclusiveMaximum = newValue }
    }
    public var exclusiveMinimum: SchemaNumber? {
        get { rareBox?.value.exclusiveMinimum }
        set { rareKeywords.exclusiveMinimum = newValue }
    }
    /// OpenAPI 3.0: `exclusiveMaximum: true` makes `maximum` exclusive.
    public var exclusiveMaximumFlag: Bool? {
        get { rareBox?.value.exclusiveMaximumFlag }
        set { rareKeywords.exclusiveMaximumFlag = newValue }
    }
    public var exclusiveMinimumFlag: Bool? {
        get { rareBox?.value.exclusiveMinimumFlag }
        set { rareKeywords.exclusiveMinimumFlag = newValue }
    }
    public var uniqueItems: Bool? {
        get { rareBox?.value.uniqueItems }
        set { rareKeywords.uniqueItems = newValue }
    }
    public var maxContains: Int? {
        get { rareBox?.value.maxContains }
        set { rareKeywords.maxContains = newValue }
    }
    public var minContains: Int? {
        get { rareBox?.value.minContains }
        set { rareKeywords.minContains = newValue }
    }
    public var maxProperties: Int? {
        get { rareBox?.value.maxProperties }
        set { rareKeywords.maxProperties = newValue }
    }
    public var minProperties: Int? {
        get { rareBox?.value.minProperties }
        set { rareKeywords.minProperties = newValue }
    }
    public var dependentRequired: OrderedMap<[String]> {
        get { rareBox?.value.dependentRequired ?? OrderedMap() }
        set { rareKeywords.dependentRequired = newValue }
    }
    public var contentEncoding: String? {
        get { rareBox?.value.contentEncoding }
        set { rareKeywords.contentEncoding = newValue }
    }
    public var contentMediaType: String? {
        get { rareBox?.value.contentMediaType }
        set { rareKeywords.contentMediaType = newValue }
    }
    public var contentSchema: Schema? {
        get { rareBox?.value.contentSchema }
        set { rareKeywords.contentSchema = newValue }
    }
    public var examples: [NodeRef]? {
        get { rareBox?.value.examples }
        set { rareKeywords.examples = newValue }
    }
    public var xml: XMLObject? {
        get { rareBox?.value.xml }
        set { rareKeywords.xml = newValue }
    }
    public var externalDocs: ExternalDocumentation? {
        get { rareBox?.value.externalDocs }
        set { rareKeywords.externalDocs = newValue }
    }
    /// Keywords that are neither JSON Schema's nor OpenAPI's (allowed as annotations in 3.1).
    public var unknownKeywords: OrderedMap<NodeRef> {
        get { rareBox?.value.unknownKeywords ?? OrderedMap() }
        set { rareKeywords.unknownKeywords = newValue }
    }

    private var refBox: Box<Reference>? {
        get { cow.fields.refBox }
        set { cow.fields.refBox = newValue }
    }
    /// The less common keywords; `nil` until one is set.
    private var rareBox: Box<RareKeywords>? {
        get { cow.fields.rareBox }
        set { cow.fields.rareBox = newValue }
    }
    /// The string, number and array bounds (a few percent of a large spec's schemas carry one); `nil`
    /// until one is set, so the common schema does not pay their ~100 bytes.
    private var constraintBox: Box<Constraints>? {
        get { cow.fields.constraintBox }
        set { cow.fields.constraintBox = newValue }
    }

    private var constraints: Constraints {
        get { constraintBox?.value ?? Constraints() }
        set { constraintBox = Box(newValue) }
    }

    /// One heap allocation holding `Value`, so that an optional of it takes a pointer's room. A class
    /// rather than an indirect enum: reading one keyword loads that field, not a copy of the group.
    private final class Box<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private struct Constraints: Sendable {
        var maximum: SchemaNumber?
        var minimum: SchemaNumber?
        var maxLength: Int?
        var minLength: Int?
        var pattern: String?
        var maxItems: Int?
        var minItems: Int?
    }

    private var rareKeywords: RareKeywords {
        get { rareBox?.value ?? RareKeywords() }
        set { rareBox = Box(newValue) }
    }

    private struct RareKeywords: Sendable {
        var dynamicRef: String?
        var id: String?
        var schemaDialect: String?
        var anchor: String?
        var dynamicAnchor: String?
        var defs: OrderedMap<Schema> = OrderedMap()
        var comment: String?
        var not: Schema?
        var ifSchema: Schema?
        var thenSchema: Schema?
        var elseSchema: Schema?
        var dependentSchemas: OrderedMap<Schema> = OrderedMap()
        var prefixItems: [Schema]?
        var contains: Schema?
        var patternProperties: OrderedMap<Schema> = OrderedMap()
        var propertyNames: Schema?
        var unevaluatedItems: Schema?
        var unevaluatedProperties: Schema?
        var constValue: NodeRef?
        var multipleOf: SchemaNumber?
        var exclusiveMaximum: SchemaNumber?
        var exclusiveMinimum: SchemaNumber?
        var exclusiveMaximumFlag: Bool?
        var exclusiveMinimumFlag: Bool?
        var uniqueItems: Bool?
        var maxContains: Int?
        var minContains: Int?
        var maxProperties: Int?
        var minProperties: Int?
        var dependentRequired: OrderedMap<[String]> = OrderedMap()
        var contentEncoding: String?
        var contentMediaType: String?
        var contentSchema: Schema?
        var examples: [NodeRef]?
        var xml: XMLObject?
        var externalDocs: ExternalDocumentation?
        var unknownKeywords: OrderedMap<NodeRef> = OrderedMap()
        var discriminator: Discriminator?
    }

    init(node: NodeRef) {
        cow = CopyOnWrite(Fields(node: node))
    }

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    private struct Fields: Sendable {
        var allOf: [Schema]?
        var anyOf: [Schema]?
        var oneOf: [Schema]?
        var items: Schema?
        var properties: OrderedMap<Schema> = OrderedMap()
        var additionalProperties: Schema?
        var type: [String]?
        var enumValues: [NodeRef]?
        var required: [String]?
        var format: String?
        var title: String?
        var description: String?
        var defaultValue: NodeRef?
        var deprecated: Bool?
        var readOnly: Bool?
        var writeOnly: Bool?
        var example: NodeRef?
        var nullable: Bool?
        var extensions: Extensions = OrderedMap()
        var node: NodeRef
        var refBox: Box<Reference>?
        var rareBox: Box<RareKeywords>?
        var constraintBox: Box<Constraints>?
    }

    private var cow: CopyOnWrite<Fields>
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
