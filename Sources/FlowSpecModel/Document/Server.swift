/// A server the API is served from. [§4.8.5](https://spec.openapis.org/oas/v3.1.0#server-object)
public struct Server: Sendable {
    /// The URL template, such as `https://auth.pingone.{tld}`.
    public var url: String
    public var description: String?
    public var variables: OrderedMap<ServerVariable>
    public var extensions: Extensions
    public var node: NodeRef
}

/// A variable of a server URL template. [§4.8.6](https://spec.openapis.org/oas/v3.1.0#server-variable-object)
public struct ServerVariable: Sendable {
    public var enumValues: [String]?
    public var defaultValue: String
    public var description: String?
    public var extensions: Extensions
    public var node: NodeRef
}
