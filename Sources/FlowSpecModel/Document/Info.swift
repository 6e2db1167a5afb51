/// Metadata about the API. [§4.8.2](https://spec.openapis.org/oas/v3.1.0#info-object)
public struct Info: Sendable {
    public var title: String
    public var summary: String?
    public var description: String?
    public var termsOfService: String?
    public var contact: Contact?
    public var license: License?
    public var version: String
    public var extensions: Extensions
    public var node: NodeRef
}

/// Contact information for the API. [§4.8.3](https://spec.openapis.org/oas/v3.1.0#contact-object)
public struct Contact: Sendable {
    public var name: String?
    public var url: String?
    public var email: String?
    public var extensions: Extensions
    public var node: NodeRef
}

/// License information for the API. [§4.8.4](https://spec.openapis.org/oas/v3.1.0#license-object)
public struct License: Sendable {
    public var name: String
    /// An SPDX expression (OpenAPI 3.1).
    public var identifier: String?
    public var url: String?
    public var extensions: Extensions
    public var node: NodeRef
}
