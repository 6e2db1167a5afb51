import FlowSpecModel
import FlowSpecSchema
import HTTPTypes

extension PlanBuilder {
    mutating func requestBodyPlan(_ item: Referenceable<RequestBody>) -> RequestBodyPlan? {
        guard let body = references.resolve(item) else { return nil }
        let media = mediaPlans(body.content)
        return RequestBodyPlan(
            required: body.required, site: SpecSite(body.node, in: files),
            matcher: MediaTypeMatcher(declaredKeys: body.content.keys), media: media)
    }

    /// A plan per declared media type, in declaration order.
    mutating func mediaPlans(_ content: OrderedMap<MediaTypeObject>) -> [BodyMediaPlan] {
        var plans: [BodyMediaPlan] = []
        for (key, object) in content {
            let parsed = MediaType(parsing: key)
            let kind: BodyMediaPlan.Kind
            if let parsed, parsed.isJSON {
                kind = .json
            } else if let parsed, parsed.hasSameEssence(as: .formURLEncoded) {
                var shapes: [String: ParameterShape] = [:]
                if let typed = typed(object.schema, depth: 0) {
                    for (name, value) in typed.properties { shapes[name] = shape(of: value) }
                }
                kind = .form(FormURLEncodedDecoder(properties: shapes))
            } else if let parsed, HTTPSyntax.equalsIgnoringCase(parsed.type, "text") {
                kind = .text
            } else if let typed = typed(object.schema, depth: 0), let type = Self.mainType(typed),
                type == "object" || type == "array"
            {
                // A media type of unknown format whose schema describes an object or array can only
                // mean structured data, which HTTP APIs send as JSON (PingOne's
                // `password.sendRecoveryCode` without `+json`); treating it as opaque would skip the body.
                kind = .json
            } else {
                kind = .opaque
            }
            let strictNode: Int
            if options.strict, object.schema != nil {
                strictNode = properties.node(for: object.schema)
            } else {
                strictNode = -1
            }
            plans.append(
                BodyMediaPlan(
                    key: key, kind: kind, schema: schemaSlot(object.schema), site: SpecSite(object.node, in: files),
                    acceptsEmpty: false, properties: strictNode))
        }
        return plans
    }

    // MARK: - Responses

    mutating func responsesPlan(_ responses: Responses?, operationNode: NodeRef) -> ResponsesPlan {
        var plans: [ResponsePlan] = []
        var exact: [(code: Int, index: Int)] = []
        var ranges = [Int](repeating: -1, count: 10)
        var defaultIndex = -1
        for entry in responses?.entries ?? [] {
            guard let response = references.resolve(entry.response) else { continue }
            let index = plans.count
            switch entry.status.kind {
            case .code(let code): exact.append((code, index))
            case .range(let digit): if ranges[digit] < 0 { ranges[digit] = index }
            case .default: defaultIndex = index
            }
            plans.append(responsePlan(response, statusKey: entry.status.text, keyNode: entry.keyNode))
        }
        return ResponsesPlan(
            site: SpecSite(responses?.node ?? operationNode, in: files), responses: plans, exact: exact, ranges: ranges,
            defaultIndex: defaultIndex, declaredKeys: plans.map(\.statusKey))
    }

    mutating func responsePlan(_ response: Response, statusKey: String, keyNode: NodeRef) -> ResponsePlan {
        var headers: [HeaderCheck] = []
        for (name, item) in response.headers {
            // OpenAPI: a `Content-Type` response header definition is ignored.
            guard !HTTPSyntax.equalsIgnoringCase(name, "content-type"), let header = references.resolve(item) else {
                continue
            }
            let (definition, check) = parameterDefinition(
                name: name, location: .header, style: header.style, explode: header.explode, allowReserved: false,
                allowEmptyValue: false, required: header.required, schema: header.schema, content: header.content,
                node: header.node)
            do {
                let decoder = try ParameterDecoder(definition)
                headers.append(HeaderCheck(name: name, decoder: decoder, required: header.required, check: check))
            } catch {
                report(error.code, error.message, at: header.node)
            }
        }
        let media = mediaPlans(response.content)
        return ResponsePlan(
            statusKey: statusKey, site: SpecSite(keyNode, in: files), headers: headers,
            contentSite: SpecSite(response.node, in: files),
            matcher: response.content.isEmpty ? nil : MediaTypeMatcher(declaredKeys: response.content.keys),
            media: media, mediaTypes: response.content.keys.compactMap { MediaType(parsing: $0) })
    }
}
