/// The body of a request. [§4.8.13](https://spec.openapis.org/oas/v3.1.0#request-body-object)
public struct RequestBody: Sendable {
    public var description: String? {
        get { cow.fields.description }
        _modify { yield &cow.fields.description }
    }
    /// Media type keys (`application/vnd.pingidentity.session.reset+json`) and their content.
    public var content: OrderedMap<MediaTypeObject> {
        get { cow.fields.content }
        _modify { yield &cow.fields.content }
    }
    public var required: Bool {
        get { cow.fields.required }
        _modify { yield &cow.fields.required }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    struct Fields: Sendable {
        var description: String?
        var content: OrderedMap<MediaTypeObject>
        var required: Bool
        var extensions: Extensions
        var node: NodeRef
    }

    private var cow: CopyOnWrite<Fields>

    init(_ fields: Fields) { cow = CopyOnWrite(fields) }
}

/// The schema and examples of one media type. [§4.8.14](https://spec.openapis.org/oas/v3.1.0#media-type-object)
public struct MediaTypeObject: Sendable {
    public var schema: Schema? {
        get { cow.fields.schema }
        _modify { yield &cow.fields.schema }
    }
    public var example: NodeRef? {
        get { cow.fields.example }
        _modify { yield &cow.fields.example }
    }
    public var examples: OrderedMap<Referenceable<Example>> {
        get { cow.fields.examples }
        _modify { yield &cow.fields.examples }
    }
    public var encoding: OrderedMap<Encoding> {
        get { cow.fields.encoding }
        _modify { yield &cow.fields.encoding }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    struct Fields: Sendable {
        var schema: Schema?
        var example: NodeRef?
        var examples: OrderedMap<Referenceable<Example>>
        var encoding: OrderedMap<Encoding>
        var extensions: Extensions
        var node: NodeRef
    }

    private var cow: CopyOnWrite<Fields>

    init(_ fields: Fields) { cow = CopyOnWrite(fields) }
}

/// How one property of a multipart or form body is encoded. [§4.8.15](https://spec.openapis.org/oas/v3.1.0#encoding-object)
public struct Encoding: Sendable {
    public var contentType: String?
    public var headers: OrderedMap<Referenceable<Header>>
    public var style: ParameterStyle?
    public var explode: Bool?
    public var allowReserved: Bool?
    public var extensions: Extensions
    public var node: NodeRef
}

/// A response of an operation. [§4.8.17](https://spec.openapis.org/oas/v3.1.0#response-object)
public struct Response: Sendable {
    public var description: String? {
        get { cow.fields.description }
        _modify { yield &cow.fields.description }
    }
    public var headers: OrderedMap<Referenceable<Header>> {
        get { cow.fields.headers }
        _modify { yield &cow.fields.headers }
    }
    public var content: OrderedMap<MediaTypeObject> {
        get { cow.fields.content }
        _modify { yield &cow.fields.content }
    }
    public var links: OrderedMap<Referenceable<Link>> {
        get { cow.fields.links }
        _modify { yield &cow.fields.links }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    struct Fields: Sendable {
        var description: String?
        var headers: OrderedMap<Referenceable<Header>>
        var content: OrderedMap<MediaTypeObject>
        var links: OrderedMap<Referenceable<Link>>
        var extensions: Extensions
        var node: NodeRef
    }

    private var cow: CopyOnWrite<Fields>

    init(_ fields: Fields) { cow = CopyOnWrite(fields) }
}

/// A named example. [§4.8.19](https://spec.openapis.org/oas/v3.1.0#example-object)
public struct Example: Sendable {
    public var summary: String?
    public var description: String?
    /// The example value's node (never scanned for `$ref`s: it is data).
    public var value: NodeRef?
    public var externalValue: String?
    public var extensions: Extensions
    public var node: NodeRef
}

/// A design-time link from a response to another operation. [§4.8.20](https://spec.openapis.org/oas/v3.1.0#link-object)
public struct Link: Sendable {
    public var operationRef: String?
    public var operationId: String?
    public var parameters: OrderedMap<NodeRef>
    public var requestBody: NodeRef?
    public var description: String?
    public var server: Server?
    public var extensions: Extensions
    public var node: NodeRef
}
