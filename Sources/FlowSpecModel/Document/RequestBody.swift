/// The body of a request. [§4.8.13](https://spec.openapis.org/oas/v3.1.0#request-body-object)
public struct RequestBody: Sendable {
    public var description: String?
    /// Media type keys (`application/vnd.pingidentity.session.reset+json`) and their content.
    public var content: OrderedMap<MediaTypeObject>
    public var required: Bool
    public var extensions: Extensions
    public var node: NodeRef
}

/// The schema and examples of one media type. [§4.8.14](https://spec.openapis.org/oas/v3.1.0#media-type-object)
public struct MediaTypeObject: Sendable {
    public var schema: Schema?
    public var example: NodeRef?
    public var examples: OrderedMap<Referenceable<Example>>
    public var encoding: OrderedMap<Encoding>
    public var extensions: Extensions
    public var node: NodeRef
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
    public var description: String?
    public var headers: OrderedMap<Referenceable<Header>>
    public var content: OrderedMap<MediaTypeObject>
    public var links: OrderedMap<Referenceable<Link>>
    public var extensions: Extensions
    public var node: NodeRef
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
