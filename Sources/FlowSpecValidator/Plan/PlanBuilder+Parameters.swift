import FlowSpecModel
import FlowSpecSchema

extension PlanBuilder {
    /// Header parameters that OpenAPI says to ignore: the fields HTTP itself defines for them.
    static let ignoredHeaderParameters: Set<String> = ["accept", "content-type", "authorization"]

    /// The path item's and the operation's parameters (the operation's win on the same name and
    /// location), each with its decoder and compiled schema.
    mutating func parameterPlans(
        _ pathLevel: [Referenceable<Parameter>], _ operationLevel: [Referenceable<Parameter>], template: String = ""
    ) -> ParameterPlanSet {
        var merged: [Parameter] = []
        for item in pathLevel + operationLevel {
            guard let parameter = references.resolve(item) else { continue }
            if parameter.location == .header, Self.ignoredHeaderParameters.contains(parameter.name.lowercased()) {
                continue
            }
            if let existing = merged.firstIndex(where: {
                $0.location == parameter.location
                    && ($0.location == .header
                        ? $0.name.lowercased() == parameter.name.lowercased() : $0.name == parameter.name)
            }) {
                merged[existing] = parameter
            } else {
                merged.append(parameter)
            }
        }
        var definitions: [ParameterDefinition] = []
        var checks: [String: ParameterCheck] = [:]
        func key(_ location: ParameterLocation, _ name: String) -> String { "\(location.rawValue) \(name)" }
        for parameter in merged {
            let location = Self.location(parameter.location)
            let (definition, check) = parameterDefinition(
                name: parameter.name, location: location, style: parameter.style, explode: parameter.explode,
                allowReserved: parameter.allowReserved ?? false, allowEmptyValue: parameter.allowEmptyValue ?? false,
                required: parameter.location == .path ? true : parameter.required, schema: parameter.schema,
                content: parameter.content, node: parameter.node)
            definitions.append(definition)
            checks[key(location, parameter.name)] = check
        }
        let decoder = ParameterSetDecoder(definitions)
        for error in decoder.definitionErrors {
            let node = merged.first { $0.name == error.name && Self.location($0.location) == error.location }?.node
            if let node { report(error.code, error.message, at: node) }
        }
        let aligned = decoder.decoders.map { decoder in
            checks[key(decoder.definition.location, decoder.definition.name)]
                ?? ParameterCheck(site: .none, schema: -1, contentIsJSON: false, instanceLocation: "")
        }
        return ParameterPlanSet(
            decoder: decoder, checks: aligned,
            queryNames: Set(definitions.filter { $0.location == .query }.map(\.name)),
            headerNames: Set(definitions.filter { $0.location == .header }.map { $0.name.lowercased() }),
            cookieNames: Set(definitions.filter { $0.location == .cookie }.map(\.name)),
            readsQuery: definitions.contains { $0.location == .query },
            readsCookies: definitions.contains { $0.location == .cookie },
            pathCaptures: Self.captureNames(template))
    }

    /// The variables a route reports in place for `template`, in order: the first variable of each
    /// segment that is not literal (see ``PathMatcher``); empty when the template does not parse.
    static func captureNames(_ template: String) -> [String] {
        guard let parsed = try? PathTemplate(parsing: template) else { return [] }
        return parsed.segments.filter { !$0.isLiteral }.map { segment in
            for part in segment.parts {
                if case .variable(let name) = part { return name }
            }
            return ""
        }
    }

    /// A decoder definition and a check for a parameter or header.
    mutating func parameterDefinition(
        name: String, location: ParameterLocation, style: FlowSpecModel.ParameterStyle?, explode: Bool?,
        allowReserved: Bool, allowEmptyValue: Bool, required: Bool, schema: Schema?,
        content: OrderedMap<MediaTypeObject>, node: NodeRef
    ) -> (ParameterDefinition, ParameterCheck) {
        var contentType: String?
        var effectiveSchema = schema
        var contentIsJSON = false
        if let first = content.first {
            contentType = first.key
            effectiveSchema = first.value.schema
            contentIsJSON = MediaType(parsing: first.key)?.isJSON ?? false
        }
        let definition = ParameterDefinition(
            name: name, location: location, style: style.map { ParameterStyle($0.rawValue) }, explode: explode,
            allowReserved: allowReserved, allowEmptyValue: allowEmptyValue, required: required,
            shape: contentType == nil ? shape(of: schema) : .primitive(.string), contentMediaType: contentType)
        var pathPrimitive: PrimitiveType?
        if location == .path, contentType == nil, definition.effectiveStyle == .simple,
            case .primitive(let type) = definition.shape
        {
            pathPrimitive = type
        }
        let check = ParameterCheck(
            site: SpecSite(node, in: files), schema: schemaSlot(effectiveSchema), contentIsJSON: contentIsJSON,
            instanceLocation: definition.instanceLocation, pathPrimitive: pathPrimitive,
            scalar: contentType == nil ? schema.flatMap { ScalarCheck($0, references: references, files: files) } : nil)
        return (definition, check)
    }

    static func location(_ location: FlowSpecModel.ParameterLocation) -> ParameterLocation {
        switch location {
        case .path: return .path
        case .query: return .query
        case .header: return .header
        case .cookie: return .cookie
        }
    }

    // MARK: - Shapes

    /// The decoder's shape hint from a schema: its type after following `$ref`s and looking into
    /// `allOf`/`anyOf`/`oneOf` when the schema itself names none.
    func shape(of schema: Schema?) -> ParameterShape {
        guard let object = typed(schema, depth: 0) else { return .primitive(.string) }
        switch Self.mainType(object) {
        case "array":
            return .array(items: primitive(object.items))
        case "object":
            var properties: [String: PrimitiveType] = [:]
            for (name, value) in object.properties { properties[name] = primitive(value) }
            let additional: PrimitiveType?
            switch object.additionalProperties.map(references.resolve) {
            case .boolean(false, _)?: additional = nil
            case .object(let value)? where !value.properties.isEmpty || value.type != nil:
                additional = primitive(.object(value))
            default: additional = .string
            }
            return .object(properties: properties, additionalProperties: additional)
        default:
            return .primitive(primitive(schema))
        }
    }

    func primitive(_ schema: Schema?) -> PrimitiveType {
        guard let object = typed(schema, depth: 0) else { return .string }
        switch Self.mainType(object) {
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        default: return .string
        }
    }

    /// The schema object that names a type: the schema itself or a member of its combinators.
    func typed(_ schema: Schema?, depth: Int) -> SchemaObject? {
        guard let schema, depth < 16, case .object(let object) = references.resolve(schema) else { return nil }
        if Self.mainType(object) != nil { return object }
        for member in (object.allOf ?? []) + (object.oneOf ?? []) + (object.anyOf ?? []) {
            if let found = typed(member, depth: depth + 1) { return found }
        }
        return nil
    }

    /// The first type other than `null`, or what the keywords imply.
    static func mainType(_ object: SchemaObject) -> String? {
        if let type = object.type?.first(where: { $0 != "null" }) { return type }
        if !object.properties.isEmpty || object.additionalProperties != nil { return "object" }
        if object.items != nil { return "array" }
        return nil
    }
}
