import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes

/// Builds the sources for a parameter called `name` sent as `raw` in `location`: the path segment, the
/// query string, the header value, or the `Cookie` header value.
func parameterSources(_ location: ParameterLocation, name: String, raw: String) -> ParameterSources {
    switch location {
    case .path:
        return ParameterSources(path: [PathParameter(name: name, rawValue: raw, decodedValue: raw)])
    case .query:
        return ParameterSources(query: QueryString(raw))
    case .header:
        var fields = HTTPFields()
        if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: raw)) }
        return ParameterSources(headerFields: fields)
    case .cookie:
        return ParameterSources(headerFields: [.cookie: raw])
    }
}

func number(_ text: String) -> JSONValue { .number(JSONNumber(text: text)) }

/// Decodes with a fresh decoder; a definition error is returned as the error.
func decodeParameter(_ definition: ParameterDefinition, _ sources: ParameterSources) -> Result<
    JSONValue?, ParameterError
> {
    do {
        let decoder = try ParameterDecoder(definition)
        return .success(try decoder.decode(from: sources))
    } catch {
        return .failure(error)
    }
}
