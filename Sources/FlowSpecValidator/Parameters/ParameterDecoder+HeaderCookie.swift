import FlowSpecModel
import FlowSpecSchema
import HTTPTypes

extension ParameterDecoder {
    /// Header style `simple`; values are not percent-decoded.
    func decodeHeader(_ fields: HeaderSource) throws(ParameterError) -> JSONValue? {
        guard let headerName else { return nil }
        let values = fields.values(of: headerName)
        guard !values.isEmpty else { return nil }
        let joined = Substring(values.joined(separator: ", "))
        if definition.contentMediaType != nil { return .string(String(joined)) }
        if case .primitive(let type) = definition.shape { return type.coerce(String(joined)) }
        return try delimited(joined, separator: ",", assignments: explode, decodesPieces: false, trims: true)
    }

    /// Cookie style `form`; values are not percent-decoded.
    func decodeCookie(_ cookies: CookieList) throws(ParameterError) -> JSONValue? {
        if case .object = definition.shape, explode, definition.contentMediaType == nil {
            var pairs: [(key: String, value: String)] = []
            for cookie in cookies.cookies where collects(cookie.name) {
                pairs.append((cookie.name, cookie.value))
            }
            if pairs.isEmpty { return nil }
            return try object(pairs)
        }
        let values = cookies.values(named: definition.name)
        guard !values.isEmpty else { return nil }
        if case .array(let type) = definition.shape, explode, definition.contentMediaType == nil {
            return .array(values.map(type.coerce))
        }
        guard values.count == 1 else { throw fail(.repeated(count: values.count)) }
        if definition.contentMediaType != nil { return .string(values[0]) }
        return try delimited(Substring(values[0]), separator: ",", assignments: false, decodesPieces: false)
    }
}
