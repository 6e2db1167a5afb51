import FlowSpecYAML

extension ModelBuilder {
    mutating func document(_ node: NodeID) -> OpenAPIDocument? {
        guard var f = fields(node, "OpenAPI") else { return nil }
        let openapi = requiredString(&f, "openapi")
        let infoNode = f.take("info", in: tree)
        let info = infoNode.flatMap { self.info($0) }
        if infoNode == nil { missing("info", in: f) }
        let dialect = ctx.version.is31 ? string(&f, "jsonSchemaDialect") : nil
        let servers = list(&f, "servers") { $0.server($1) } ?? []
        let pathsNode = f.take("paths", in: tree)
        let paths = pathsNode.flatMap { self.paths($0) }
        let webhooks: OrderedMap<Referenceable<PathItem>> =
            ctx.version.is31
            ? map(&f, "webhooks") { b, n, _ in b.referenceable(n, kind: .pathItem) { $0.pathItem($1) } } : OrderedMap()
        let componentsNode = f.take("components", in: tree)
        let components = componentsNode.flatMap { self.components($0) }
        let security = list(&f, "security") { $0.securityRequirement($1) }
        let tags = list(&f, "tags") { $0.tag($1) } ?? []
        let externalDocs = f.take("externalDocs", in: tree).flatMap { externalDocumentation($0) }
        if ctx.version.is31 {
            if pathsNode == nil && componentsNode == nil && !f.has("webhooks", in: tree) {
                ctx.report(
                    .missingField, "an OpenAPI 3.1 document needs at least one of `paths`, `components` or `webhooks`",
                    at: node, hint: "add `paths: {}` if the API has no operations yet")
            }
        } else if pathsNode == nil {
            missing("paths", in: f)
        }
        let extensions = finish(f)
        return OpenAPIDocument(
            openapi: openapi, version: ctx.version,
            info: info ?? Info(title: "", version: "", extensions: Extensions(), node: ctx.ref(node)),
            jsonSchemaDialect: dialect, servers: servers, paths: paths, webhooks: webhooks, components: components,
            security: security, tags: tags, externalDocs: externalDocs, extensions: extensions, node: ctx.ref(node))
    }

    mutating func info(_ node: NodeID) -> Info? {
        guard var f = fields(node, "Info") else { return nil }
        let title = requiredString(&f, "title")
        let summary = ctx.version.is31 ? string(&f, "summary") : nil
        let description = string(&f, "description")
        let terms = string(&f, "termsOfService")
        let contact = f.take("contact", in: tree).flatMap { self.contact($0) }
        let license = f.take("license", in: tree).flatMap { self.license($0) }
        let version = requiredString(&f, "version")
        return Info(
            title: title, summary: summary, description: description, termsOfService: terms, contact: contact,
            license: license, version: version, extensions: finish(f), node: ctx.ref(node))
    }

    mutating func contact(_ node: NodeID) -> Contact? {
        guard var f = fields(node, "Contact") else { return nil }
        return Contact(
            name: string(&f, "name"), url: string(&f, "url"), email: string(&f, "email"), extensions: finish(f),
            node: ctx.ref(node))
    }

    mutating func license(_ node: NodeID) -> License? {
        guard var f = fields(node, "License") else { return nil }
        let name = requiredString(&f, "name")
        let identifier = ctx.version.is31 ? string(&f, "identifier") : nil
        let url = string(&f, "url")
        if identifier != nil && url != nil {
            ctx.report(
                .conflictingFields, "a License object may have `identifier` or `url`, not both", at: node,
                hint: "keep the SPDX `identifier` and drop `url`")
        }
        return License(name: name, identifier: identifier, url: url, extensions: finish(f), node: ctx.ref(node))
    }

    mutating func server(_ node: NodeID) -> Server? {
        guard var f = fields(node, "Server") else { return nil }
        let url = requiredString(&f, "url")
        let description = string(&f, "description")
        let variables = map(&f, "variables") { b, n, _ in b.serverVariable(n) }
        return Server(url: url, description: description, variables: variables, extensions: finish(f), node: ctx.ref(node))
    }

    mutating func serverVariable(_ node: NodeID) -> ServerVariable? {
        guard var f = fields(node, "Server Variable") else { return nil }
        let enumNode = f.keyNode("enum", in: tree)
        let enumValues = stringList(&f, "enum")
        if let enumValues, enumValues.isEmpty, let enumNode {
            ctx.report(
                .invalidValue, "a server variable's `enum` must not be empty", at: enumNode,
                hint: "list the values, or remove `enum` to allow any value")
        }
        let defaultValue = requiredString(&f, "default")
        let description = string(&f, "description")
        return ServerVariable(
            enumValues: enumValues, defaultValue: defaultValue, description: description, extensions: finish(f),
            node: ctx.ref(node))
    }

    mutating func tag(_ node: NodeID) -> Tag? {
        guard var f = fields(node, "Tag") else { return nil }
        let name = requiredString(&f, "name")
        let description = string(&f, "description")
        let docs = f.take("externalDocs", in: tree).flatMap { externalDocumentation($0) }
        return Tag(name: name, description: description, externalDocs: docs, extensions: finish(f), node: ctx.ref(node))
    }

    mutating func externalDocumentation(_ node: NodeID) -> ExternalDocumentation? {
        guard var f = fields(node, "External Documentation") else { return nil }
        let description = string(&f, "description")
        let url = requiredString(&f, "url")
        return ExternalDocumentation(description: description, url: url, extensions: finish(f), node: ctx.ref(node))
    }

    mutating func securityRequirement(_ node: NodeID) -> SecurityRequirement? {
        guard tree.isMapping(node) else {
            ctx.report(
                .typeMismatch, "a Security Requirement must be a mapping, not \(ctx.describe(node))", at: node)
            return nil
        }
        let schemes = mapValue(node, field: "security", in: "Security Requirement") { b, n, _ in
            b.stringListValue(n, field: "scopes", in: "Security Requirement")
        }
        return SecurityRequirement(schemes: schemes, node: ctx.ref(node))
    }

    mutating func securityScheme(_ node: NodeID) -> SecurityScheme? {
        guard var f = fields(node, "Security Scheme") else { return nil }
        let type = requiredString(&f, "type")
        let description = string(&f, "description")
        let name = string(&f, "name")
        let location = string(&f, "in")
        let scheme = string(&f, "scheme")
        let bearerFormat = string(&f, "bearerFormat")
        let flows = f.take("flows", in: tree).flatMap { oauthFlows($0) }
        let openIdConnectUrl = string(&f, "openIdConnectUrl")
        let allowed = ctx.version.is31
            ? ["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"] : ["apiKey", "http", "oauth2", "openIdConnect"]
        if !type.isEmpty && !allowed.contains(type) {
            ctx.report(
                .invalidValue, "`\(type)` is not a security scheme type", at: f.keyNode("type", in: tree) ?? node,
                hint: "use one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
        }
        switch type {
        case "apiKey":
            if name == nil { missing("name", in: f) }
            if location == nil { missing("in", in: f) }
            if let location, !["query", "header", "cookie"].contains(location) {
                ctx.report(.invalidValue, "an apiKey scheme's `in` must be query, header or cookie", at: node)
            }
        case "http":
            if scheme == nil { missing("scheme", in: f) }
        case "oauth2":
            if flows == nil { missing("flows", in: f) }
        case "openIdConnect":
            if openIdConnectUrl == nil { missing("openIdConnectUrl", in: f) }
        default: break
        }
        return SecurityScheme(
            type: type, description: description, name: name, location: location, scheme: scheme,
            bearerFormat: bearerFormat, flows: flows, openIdConnectUrl: openIdConnectUrl, extensions: finish(f),
            node: ctx.ref(node))
    }

    mutating func oauthFlows(_ node: NodeID) -> OAuthFlows? {
        guard var f = fields(node, "OAuth Flows") else { return nil }
        let implicit = f.take("implicit", in: tree).flatMap { oauthFlow($0, needs: [.authorization]) }
        let password = f.take("password", in: tree).flatMap { oauthFlow($0, needs: [.token]) }
        let client = f.take("clientCredentials", in: tree).flatMap { oauthFlow($0, needs: [.token]) }
        let code = f.take("authorizationCode", in: tree).flatMap { oauthFlow($0, needs: [.authorization, .token]) }
        return OAuthFlows(
            implicit: implicit, password: password, clientCredentials: client, authorizationCode: code,
            extensions: finish(f), node: ctx.ref(node))
    }

    enum FlowURL { case authorization, token }

    mutating func oauthFlow(_ node: NodeID, needs: [FlowURL]) -> OAuthFlow? {
        guard var f = fields(node, "OAuth Flow") else { return nil }
        let authorizationUrl = string(&f, "authorizationUrl")
        let tokenUrl = string(&f, "tokenUrl")
        let refreshUrl = string(&f, "refreshUrl")
        if needs.contains(.authorization) && authorizationUrl == nil { missing("authorizationUrl", in: f) }
        if needs.contains(.token) && tokenUrl == nil { missing("tokenUrl", in: f) }
        if !f.has("scopes", in: tree) { missing("scopes", in: f) }
        let scopes = map(&f, "scopes") { b, n, _ in b.stringValue(n, field: "scope", in: "OAuth Flow") }
        return OAuthFlow(
            authorizationUrl: authorizationUrl, tokenUrl: tokenUrl, refreshUrl: refreshUrl, scopes: scopes,
            extensions: finish(f), node: ctx.ref(node))
    }

    mutating func components(_ node: NodeID) -> Components? {
        guard var f = fields(node, "Components") else { return nil }
        let schemas = map(&f, "schemas") { b, n, _ in b.schema(n) }
        let responses = map(&f, "responses") { b, n, _ in b.referenceable(n, kind: .response) { $0.response($1) } }
        let parameters = map(&f, "parameters") { b, n, _ in b.referenceable(n, kind: .parameter) { $0.parameter($1) } }
        let examples = map(&f, "examples") { b, n, _ in b.referenceable(n, kind: .example) { $0.example($1) } }
        let bodies = map(&f, "requestBodies") { b, n, _ in
            b.referenceable(n, kind: .requestBody) { $0.requestBody($1) }
        }
        let headers = map(&f, "headers") { b, n, _ in b.referenceable(n, kind: .header) { $0.header($1) } }
        let schemes = map(&f, "securitySchemes") { b, n, _ in
            b.referenceable(n, kind: .securityScheme) { $0.securityScheme($1) }
        }
        let links = map(&f, "links") { b, n, _ in b.referenceable(n, kind: .link) { $0.link($1) } }
        let callbacks = map(&f, "callbacks") { b, n, _ in b.referenceable(n, kind: .callback) { $0.callback($1) } }
        let pathItems: OrderedMap<Referenceable<PathItem>> =
            ctx.version.is31
            ? map(&f, "pathItems") { b, n, _ in b.referenceable(n, kind: .pathItem) { $0.pathItem($1) } } : OrderedMap()
        return Components(
            schemas: schemas, responses: responses, parameters: parameters, examples: examples, requestBodies: bodies,
            headers: headers, securitySchemes: schemes, links: links, callbacks: callbacks, pathItems: pathItems,
            extensions: finish(f), node: ctx.ref(node))
    }
}
