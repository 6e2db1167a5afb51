/// A tag used to group operations. [§4.8.22](https://spec.openapis.org/oas/v3.1.0#tag-object)
public struct Tag: Sendable {
    public var name: String
    public var description: String?
    public var externalDocs: ExternalDocumentation?
    public var extensions: Extensions
    public var node: NodeRef
}

/// A link to external documentation. [§4.8.11](https://spec.openapis.org/oas/v3.1.0#external-documentation-object)
public struct ExternalDocumentation: Sendable {
    public var description: String?
    public var url: String
    public var extensions: Extensions
    public var node: NodeRef
}
