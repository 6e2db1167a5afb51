/// Reusable objects. [§4.8.7](https://spec.openapis.org/oas/v3.1.0#components-object)
public struct Components: Sendable {
    public var schemas: OrderedMap<Schema>
    public var responses: OrderedMap<Referenceable<Response>>
    public var parameters: OrderedMap<Referenceable<Parameter>>
    public var examples: OrderedMap<Referenceable<Example>>
    public var requestBodies: OrderedMap<Referenceable<RequestBody>>
    public var headers: OrderedMap<Referenceable<Header>>
    public var securitySchemes: OrderedMap<Referenceable<SecurityScheme>>
    public var links: OrderedMap<Referenceable<Link>>
    public var callbacks: OrderedMap<Referenceable<Callback>>
    /// OpenAPI 3.1.
    public var pathItems: OrderedMap<Referenceable<PathItem>>
    public var extensions: Extensions
    public var node: NodeRef
}
