import FlowSpecModel

/// Rules about `content` maps' media type keys: FlowSpec's `media-type-invalid`,
/// `media-type-case-duplicate` and `media-type-json-shape`.
public enum MediaTypeRules {
    public static let all: [LintRule] = [invalid, caseDuplicate, jsonShape]

    /// Every `content` map of the document (request bodies, responses, parameters, headers), each once.
    static func contentMaps(_ context: LintContext) -> [OrderedMap<MediaTypeObject>] {
        var result: [OrderedMap<MediaTypeObject>] = []
        var seen = Set<NodeRef>()
        func addContent(_ content: OrderedMap<MediaTypeObject>) {
            guard let first = content.keyNodes.first, seen.insert(first).inserted else { return }
            result.append(content)
        }
        func addHeader(_ header: Referenceable<Header>) {
            if let header = context.references.resolve(header) { addContent(header.content) }
        }
        func addResponse(_ response: Response) {
            addContent(response.content)
            for header in response.headers.values { addHeader(header) }
        }
        for site in context.operations {
            if let body = site.operation.requestBody.flatMap(context.references.resolve) { addContent(body.content) }
            for entry in site.operation.responses?.entries ?? [] {
                if let response = context.references.resolve(entry.response) { addResponse(response) }
            }
        }
        for parameter in ParameterRules.parameters(context) { addContent(parameter.content) }
        if let components = context.document.components {
            for case .value(let body) in components.requestBodies.values { addContent(body.content) }
            for case .value(let response) in components.responses.values { addResponse(response) }
            for header in components.headers.values { addHeader(header) }
        }
        return result
    }

    static let invalid = LintRule(
        id: "media-type-invalid", severity: .error,
        summary: "Every `content` key is a valid media type or media range.",
        description: """
            `content` keys are media types (`application/json`, `application/vnd.acme.order+json; \
            version=2`) or ranges (`text/*`, `*/*`), and requests are matched against them by their \
            `Content-Type`. A key that is not a media type (`json`, `application/json/v2`, a space in a name) \
            matches no request. Write it as `type/subtype` with RFC 6838 names and `; name=value` parameters.
            """,
        category: "media types"
    ) { context, findings in
        var syntax = MediaTypeSyntax.Cache()
        for content in contentMaps(context) {
            for (index, key) in content.keys.enumerated() {
                if case .failure(let error) = syntax.parse(key) {
                    findings.report(error.message, at: content.keyNodes[index], hint: error.hint)
                }
            }
        }
    }

    static let caseDuplicate = LintRule(
        id: "media-type-case-duplicate", severity: .error,
        summary: "A `content` map does not declare the same media type twice in different case.",
        description: """
            Media type names are case-insensitive (RFC 9110, section 8.3.1): `application/JSON` and \
            `application/json` are one media type, so a `content` map with both has two schemas for the same \
            requests and tools pick one arbitrarily. Keep one of the two keys.
            """,
        category: "media types"
    ) { context, findings in
        var syntax = MediaTypeSyntax.Cache()
        // A map of one key (most of them) has nothing to compare.
        for content in contentMaps(context) where content.keys.count > 1 {
            var first: [String: Int] = [:]
            for (index, key) in content.keys.enumerated() {
                guard case .success(let media) = syntax.parse(key) else { continue }
                let normalized =
                    media.essence + media.parameters.map { ";\($0.name)=\($0.value.lowercased())" }.joined()
                if let earlier = first[normalized] {
                    findings.report(
                        "`\(key)` is the same media type as `\(content.keys[earlier])` (line \(context.line(of: content.keyNodes[earlier]))), in different case",
                        at: content.keyNodes[index], hint: "keep one of the two keys, in lower case")
                } else {
                    first[normalized] = index
                }
            }
        }
    }

    static let jsonShape = LintRule(
        id: "media-type-json-shape", severity: .warning,
        summary: "A JSON media type (`application/json`, `+json`) does not have a binary schema.",
        description: """
            A body sent as `application/json` or a `+json` type is a JSON document; a schema of \
            `type: string, format: binary` says the body is raw bytes instead, so validators and generated \
            clients treat it as an opaque file. Either the media type is wrong (use \
            `application/octet-stream` or the file's own type) or the schema is (describe the JSON value).
            """,
        category: "media types"
    ) { context, findings in
        var syntax = MediaTypeSyntax.Cache()
        for site in context.mediaTypes {
            guard case .success(let media) = syntax.parse(site.key), media.isJSON,
                let written = site.mediaType.schema
            else { continue }
            let schema = context.references.resolve(written)
            guard let object = schema.object, object.format == "binary",
                object.type == nil || object.type?.contains("string") == true
            else { continue }
            let node: NodeRef
            if case .object(let inline) = written, inline.ref == nil {
                node = context.value("format", in: inline.node) ?? inline.node
            } else {
                node = context.value("schema", in: site.mediaType.node) ?? site.keyNode
            }
            findings.report(
                "`\(site.key)` is JSON, but its schema describes raw binary data (`format: binary`)", at: node,
                hint:
                    "describe the JSON value in the schema, or use a binary media type such as `application/octet-stream`"
            )
        }
    }
}
