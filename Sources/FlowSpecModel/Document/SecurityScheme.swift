/// A security scheme. [§4.8.27](https://spec.openapis.org/oas/v3.1.0#security-scheme-object)
public struct SecurityScheme: Sendable {
    /// `apiKey`, `http`, `mutualTLS`, `oauth2` or `openIdConnect`.
    public var type: String
    public var description: String?
    public var name: String?
    public var location: String?
    public var scheme: String?
    public var bearerFormat: String?
    public var flows: OAuthFlows?
    public var openIdConnectUrl: String?
    public var extensions: Extensions
    public var node: NodeRef
}

/// The OAuth flows of an `oauth2` scheme. [§4.8.28](https://spec.openapis.org/oas/v3.1.0#oauth-flows-object)
public struct OAuthFlows: Sendable {
    public var implicit: OAuthFlow?
    public var password: OAuthFlow?
    public var clientCredentials: OAuthFlow?
    public var authorizationCode: OAuthFlow?
    public var extensions: Extensions
    public var node: NodeRef
}

/// One OAuth flow. [§4.8.29](https://spec.openapis.org/oas/v3.1.0#oauth-flow-object)
public struct OAuthFlow: Sendable {
    public var authorizationUrl: String?
    public var tokenUrl: String?
    public var refreshUrl: String?
    public var scopes: OrderedMap<String>
    public var extensions: Extensions
    public var node: NodeRef
}

/// Security schemes that together authorise a request, each with its required scopes.
/// [§4.8.30](https://spec.openapis.org/oas/v3.1.0#security-requirement-object)
public struct SecurityRequirement: Sendable {
    public var schemes: OrderedMap<[String]>
    public var node: NodeRef
}
