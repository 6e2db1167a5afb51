import FlowSpecYAML

extension ModelBuilder {
    mutating func paths(_ node: NodeID) -> Paths? {
        guard tree.isMapping(node) else {
            ctx.report(.typeMismatch, "`paths` must be a mapping, not \(ctx.describe(node))", at: node)
            return nil
        }
        var items = OrderedMap<Referenceable<PathItem>>()
        var extensions = Extensions()
        for entry in tree.entries(node) {
            let key = tree.scalar(entry.key) ?? ""
            if key.hasPrefix("x-") {
                extensions.append(key, ctx.ref(entry.value), keyNode: ctx.ref(entry.key))
            } else if key.hasPrefix("/") {
                if tree.isScalar(entry.value) && tree.scalarType(entry.value) == .null {
                    // `/path:` with nothing under it is an empty Path Item.
                    items.append(key, .value(emptyPathItem(entry.value)), keyNode: ctx.ref(entry.key))
                } else if let item = referenceable(entry.value, kind: .pathItem, { $0.pathItem($1) }) {
                    items.append(key, item, keyNode: ctx.ref(entry.key))
                }
            } else {
                ctx.report(
                    .invalidValue, "the path `\(key)` must start with `/`", at: entry.key,
                    hint: "write `/\(key)`; paths are relative to the server URL")
            }
        }
        return Paths(items: items, extensions: extensions, node: ctx.ref(node))
    }

    func emptyPathItem(_ node: NodeID) -> PathItem {
        PathItem(.init(
            ref: nil, summary: nil, description: nil, operations: [], servers: nil, parameters: [],
            extensions: Extensions(), node: ctx.ref(node)))
    }

    mutating func pathItem(_ node: NodeID) -> PathItem? {
        guard var f = fields(node, "Path Item") else { return nil }
        var ref: Reference?
        if f.has("$ref", in: tree), let text = string(&f, "$ref") {
            let refNode = ctx.ref(tree.value(forKey: "$ref", in: node) ?? node)
            let reference = Reference(ref: ctx.interned(text), node: refNode)
            ctx.pending.append(PendingReference(reference: reference, kind: .pathItem))
            ref = reference
        }
        let summary = string(&f, "summary")
        let description = string(&f, "description")
        var operations: [(method: HTTPMethod, operation: Operation)] = []
        for method in HTTPMethod.allCases {
            guard let value = f.take(method.staticName, in: tree) else { continue }
            if let op = inlined(value, "an Operation", { $0.operation($1) }) { operations.append((method, op)) }
        }
        let servers = list(&f, "servers") { $0.server($1) }
        let parameters = list(&f, "parameters") { b, n in b.referenceable(n, kind: .parameter) { $0.parameter($1) } } ?? []
        return PathItem(.init(
            ref: ref, summary: summary, description: description, operations: operations, servers: servers,
            parameters: parameters, extensions: finish(f), node: ctx.ref(node)))
    }

    mutating func operation(_ node: NodeID) -> Operation? {
        guard var f = fields(node, "Operation") else { return nil }
        let tags = stringList(&f, "tags") ?? []
        let summary = string(&f, "summary")
        let description = string(&f, "description")
        let docs = f.take("externalDocs", in: tree).flatMap { externalDocumentation($0) }
        let operationId = string(&f, "operationId")
        let parameters = list(&f, "parameters") { b, n in b.referenceable(n, kind: .parameter) { $0.parameter($1) } } ?? []
        let body = f.take("requestBody", in: tree).flatMap { n in
            referenceable(n, kind: .requestBody) { $0.requestBody($1) }
        }
        let responsesNode = f.take("responses", in: tree)
        let responses = responsesNode.flatMap { self.responses($0) }
        if responsesNode == nil && ctx.version.is30 { missing("responses", in: f) }
        let callbacks = map(&f, "callbacks") { b, n, _ in b.referenceable(n, kind: .callback) { $0.callback($1) } }
        let deprecated = bool(&f, "deprecated") ?? false
        let security = list(&f, "security") { $0.securityRequirement($1) }
        let servers = list(&f, "servers") { $0.server($1) }
        return Operation(.init(
            tags: tags, summary: summary, description: description, externalDocs: docs, operationId: operationId,
            parameters: parameters, requestBody: body, responses: responses, callbacks: callbacks,
            deprecated: deprecated, security: security, servers: servers, extensions: finish(f), node: ctx.ref(node)))
    }

    mutating func parameter(_ node: NodeID) -> Parameter? {
        guard var f = fields(node, "Parameter") else { return nil }
        let name = requiredString(&f, "name")
        let inNode = f.keyNode("in", in: tree)
        let inText = requiredString(&f, "in")
        let location = ParameterLocation(rawValue: inText)
        if location == nil && !inText.isEmpty {
            ctx.report(
                .invalidValue, "`\(inText)` is not a parameter location", at: inNode ?? node,
                hint: "use `query`, `header`, `path` or `cookie`")
        }
        let description = string(&f, "description")
        let requiredNode = f.keyNode("required", in: tree)
        let required = bool(&f, "required")
        if location == .path && required != true {
            // Absent is common and harmless (a path parameter is required anyway); `false` is a contradiction.
            ctx.report(
                .invalidValue, "the path parameter `\(name)` must have `required: true`", at: requiredNode ?? node,
                severity: required == false ? .error : .warning,
                hint: "path parameters are always required; add `required: true`")
        }
        let deprecated = bool(&f, "deprecated") ?? false
        let allowEmpty = bool(&f, "allowEmptyValue")
        let styleNode = f.keyNode("style", in: tree)
        let style = string(&f, "style").map(ParameterStyle.init(rawValue:))
        if let style, let location, !ParameterStyle.allowed(in: location).contains(style) {
            ctx.report(
                .invalidValue, "the style `\(style)` is not allowed for a \(location.rawValue) parameter",
                at: styleNode ?? node,
                hint: "use \(ParameterStyle.allowed(in: location).map { "`\($0)`" }.joined(separator: " or "))")
        }
        let explode = bool(&f, "explode")
        let reservedNode = f.keyNode("allowReserved", in: tree)
        let allowReserved = bool(&f, "allowReserved")
        // The 3.1 schema also allows it on form-style cookies, which are percent-encoded like queries.
        let percentEncoded = location == .query || (location == .cookie && (style ?? .form) == .form)
        if allowReserved != nil, let location, !percentEncoded, let reservedNode {
            ctx.report(
                .invalidValue, "`allowReserved` applies only to query (and form-style cookie) parameters, not to a \(location.rawValue) parameter",
                at: reservedNode, hint: "remove `allowReserved`")
        }
        let (schema, example, examples, content) = schemaAndContent(&f, node: node, owner: "parameter `\(name)`")
        return Parameter(.init(
            name: name, location: location ?? .query, description: description, required: required ?? false,
            deprecated: deprecated, allowEmptyValue: allowEmpty, style: style, explode: explode,
            allowReserved: allowReserved, schema: schema, example: example, examples: examples, content: content,
            extensions: finish(f), node: ctx.ref(node)))
    }

    mutating func header(_ node: NodeID) -> Header? {
        guard var f = fields(node, "Header") else { return nil }
        for forbidden in ["name", "in"] where tree.value(forKey: forbidden, in: node) != nil {
            _ = f.take(forbidden == "name" ? "name" : "in", in: tree)
            ctx.report(
                .unknownField, "a Header object must not have `\(forbidden)`: the name is its key", at: node,
                hint: "remove `\(forbidden)`")
        }
        let description = string(&f, "description")
        let required = bool(&f, "required") ?? false
        let deprecated = bool(&f, "deprecated") ?? false
        let style = string(&f, "style").map(ParameterStyle.init(rawValue:))
        let explode = bool(&f, "explode")
        if let reservedNode = f.keyNode("allowReserved", in: tree) {
            _ = f.take("allowReserved", in: tree)
            ctx.report(.invalidValue, "`allowReserved` does not apply to headers", at: reservedNode, hint: "remove it")
        }
        if f.has("allowEmptyValue", in: tree) {
            _ = f.take("allowEmptyValue", in: tree)
        }
        let (schema, example, examples, content) = schemaAndContent(&f, node: node, owner: "header")
        return Header(.init(
            description: description, required: required, deprecated: deprecated, style: style, explode: explode,
            schema: schema, example: example, examples: examples, content: content, extensions: finish(f),
            node: ctx.ref(node)))
    }

    /// The shared `schema`/`content`/`example`/`examples` fields of parameters and headers, with their
    /// mutual-exclusion rules.
    private mutating func schemaAndContent(_ f: inout Fields, node: NodeID, owner: String) -> (
        Schema?, NodeRef?, OrderedMap<Referenceable<Example>>, OrderedMap<MediaTypeObject>
    ) {
        let hasSchema = f.has("schema", in: tree)
        let hasContent = f.has("content", in: tree)
        let schema = f.take("schema", in: tree).flatMap { self.schema($0) }
        let content = map(&f, "content") { b, n, _ in b.mediaType(n) }
        if hasSchema && hasContent {
            ctx.report(
                .conflictingFields, "the \(owner) has both `schema` and `content`; use one", at: node)
        } else if !hasSchema && !hasContent {
            ctx.report(.missingField, "the \(owner) needs a `schema` or a `content`", at: node)
        }
        if hasContent && content.count != 1 {
            ctx.report(.invalidValue, "the `content` of the \(owner) must have exactly one media type", at: node)
        }
        let (example, examples) = exampleFields(&f, node: node, owner: owner)
        return (schema, example, examples, content)
    }

    mutating func exampleFields(_ f: inout Fields, node: NodeID, owner: String) -> (
        NodeRef?, OrderedMap<Referenceable<Example>>
    ) {
        if f.has("example", in: tree) && f.has("examples", in: tree) {
            ctx.report(
                .conflictingFields, "the \(owner) has both `example` and `examples`; use one", at: node,
                hint: "move the single `example` into `examples` under a name")
        }
        let example = raw(&f, "example")
        let examples = map(&f, "examples") { b, n, _ in b.referenceable(n, kind: .example) { $0.example($1) } }
        return (example, examples)
    }

    mutating func requestBody(_ node: NodeID) -> RequestBody? {
        guard var f = fields(node, "Request Body") else { return nil }
        let description = string(&f, "description")
        if !f.has("content", in: tree) { missing("content", in: f) }
        let content = map(&f, "content") { b, n, _ in b.mediaType(n) }
        let required = bool(&f, "required") ?? false
        return RequestBody(.init(
            description: description, content: content, required: required, extensions: finish(f), node: ctx.ref(node)))
    }

    mutating func mediaType(_ node: NodeID) -> MediaTypeObject? {
        if tree.isScalar(node) && tree.scalarType(node) == .null {
            return MediaTypeObject(.init(
                schema: nil, example: nil, examples: OrderedMap(), encoding: OrderedMap(), extensions: Extensions(),
                node: ctx.ref(node)))
        }
        guard var f = fields(node, "Media Type") else { return nil }
        let schema = f.take("schema", in: tree).flatMap { self.schema($0) }
        let (example, examples) = exampleFields(&f, node: node, owner: "media type")
        let encoding = map(&f, "encoding") { b, n, _ in b.encoding(n) }
        return MediaTypeObject(.init(
            schema: schema, example: example, examples: examples, encoding: encoding, extensions: finish(f),
            node: ctx.ref(node)))
    }

    mutating func encoding(_ node: NodeID) -> Encoding? {
        guard var f = fields(node, "Encoding") else { return nil }
        let contentType = string(&f, "contentType")
        let headers = map(&f, "headers") { b, n, _ in b.referenceable(n, kind: .header) { $0.header($1) } }
        let style = string(&f, "style").map(ParameterStyle.init(rawValue:))
        let explode = bool(&f, "explode")
        let allowReserved = bool(&f, "allowReserved")
        return Encoding(
            contentType: contentType, headers: headers, style: style, explode: explode, allowReserved: allowReserved,
            extensions: finish(f), node: ctx.ref(node))
    }

    mutating func responses(_ node: NodeID) -> Responses? {
        guard tree.isMapping(node) else {
            ctx.report(.typeMismatch, "`responses` must be a mapping, not \(ctx.describe(node))", at: node)
            return nil
        }
        var entries: [(status: StatusKey, response: Referenceable<Response>, keyNode: NodeRef)] = []
        var extensions = Extensions()
        for entry in tree.entries(node) {
            let key = tree.scalar(entry.key) ?? ""
            if key.hasPrefix("x-") {
                extensions.append(key, ctx.ref(entry.value), keyNode: ctx.ref(entry.key))
                continue
            }
            guard let status = StatusKey(key) else {
                ctx.report(
                    .invalidStatusKey, "`\(key)` is not a response status key", at: entry.key,
                    hint: "use a status code from 100 to 599, a range from `1XX` to `5XX`, or `default`")
                continue
            }
            if let response = referenceable(entry.value, kind: .response, { $0.response($1) }) {
                entries.append((status, response, ctx.ref(entry.key)))
            }
        }
        return Responses(entries: entries, extensions: extensions, node: ctx.ref(node))
    }

    mutating func response(_ node: NodeID) -> Response? {
        guard var f = fields(node, "Response") else { return nil }
        let description = string(&f, "description")
        if description == nil && !f.has("description", in: tree) { missing("description", in: f) }
        let headers = map(&f, "headers") { b, n, _ in b.referenceable(n, kind: .header) { $0.header($1) } }
        let content = map(&f, "content") { b, n, _ in b.mediaType(n) }
        let links = map(&f, "links") { b, n, _ in b.referenceable(n, kind: .link) { $0.link($1) } }
        return Response(.init(
            description: description, headers: headers, content: content, links: links, extensions: finish(f),
            node: ctx.ref(node)))
    }

    mutating func example(_ node: NodeID) -> Example? {
        guard var f = fields(node, "Example") else { return nil }
        let summary = string(&f, "summary")
        let description = string(&f, "description")
        let value = raw(&f, "value")
        let external = string(&f, "externalValue")
        if value != nil && external != nil {
            ctx.report(
                .exampleValueOrExternalValue, "an Example has both `value` and `externalValue`; use one", at: node,
                hint: "keep `value` for an inline example, or `externalValue` for one in another file")
        }
        return Example(
            summary: summary, description: description, value: value, externalValue: external, extensions: finish(f),
            node: ctx.ref(node))
    }

    mutating func link(_ node: NodeID) -> Link? {
        guard var f = fields(node, "Link") else { return nil }
        let operationRef = string(&f, "operationRef")
        let operationId = string(&f, "operationId")
        if operationRef != nil && operationId != nil {
            ctx.report(.conflictingFields, "a Link has both `operationRef` and `operationId`; use one", at: node)
        }
        let parameters = map(&f, "parameters") { b, n, _ in b.ctx.ref(n) }
        let body = raw(&f, "requestBody")
        let description = string(&f, "description")
        let server = f.take("server", in: tree).flatMap { self.server($0) }
        return Link(
            operationRef: operationRef, operationId: operationId, parameters: parameters, requestBody: body,
            description: description, server: server, extensions: finish(f), node: ctx.ref(node))
    }

    mutating func callback(_ node: NodeID) -> Callback? {
        guard tree.isMapping(node) else {
            ctx.report(.typeMismatch, "a Callback must be a mapping, not \(ctx.describe(node))", at: node)
            return nil
        }
        var expressions = OrderedMap<Referenceable<PathItem>>()
        var extensions = Extensions()
        for entry in tree.entries(node) {
            let key = tree.scalar(entry.key) ?? ""
            if key.hasPrefix("x-") {
                extensions.append(key, ctx.ref(entry.value), keyNode: ctx.ref(entry.key))
            } else if let item = referenceable(entry.value, kind: .pathItem, { $0.pathItem($1) }) {
                expressions.append(key, item, keyNode: ctx.ref(entry.key))
            }
        }
        return Callback(expressions: expressions, extensions: extensions, node: ctx.ref(node))
    }
}

extension HTTPMethod {
    /// The method's name as a static string, for allocation-free key comparison.
    var staticName: StaticString {
        switch self {
        case .get: return "get"
        case .put: return "put"
        case .post: return "post"
        case .delete: return "delete"
        case .options: return "options"
        case .head: return "head"
        case .patch: return "patch"
        case .trace: return "trace"
        }
    }
}
