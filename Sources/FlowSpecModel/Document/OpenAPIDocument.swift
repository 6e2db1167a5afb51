/// An OpenAPI 3.0 or 3.1 document: the root of the typed model.
///
/// Plain values built from the spec's node tree; each object keeps the ``NodeRef`` it was built from,
/// so any finding about it can be placed at its line and column.
/// See [OpenAPI 3.1 §4.8.1](https://spec.openapis.org/oas/v3.1.0#openapi-object).
public struct OpenAPIDocument: Sendable {
    /// The `openapi` field as written, such as `3.1.0`.
    public var openapi: String
    public var version: OpenAPIVersion
    public var info: Info
    public var jsonSchemaDialect: String?
    public var servers: [Server]
    public var paths: Paths?
    public var webhooks: OrderedMap<Referenceable<PathItem>>
    public var components: Components?
    public var security: [SecurityRequirement]?
    public var tags: [Tag]
    public var externalDocs: ExternalDocumentation?
    public var extensions: Extensions
    public var node: NodeRef
}

/// The `paths` object: path templates in document order.
public struct Paths: Sendable {
    public var items: OrderedMap<Referenceable<PathItem>>
    public var extensions: Extensions
    public var node: NodeRef
}
