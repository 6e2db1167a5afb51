import FlowSpecModel
import FlowSpecSchema

extension ParameterDecoder {
    /// Query styles: `form`, `spaceDelimited`, `pipeDelimited` and `deepObject`.
    func decodeQuery(_ query: QueryString) throws(ParameterError) -> JSONValue? {
        if style == .deepObject { return try decodeDeepObject(query) }
        if case .object = definition.shape, explode, definition.contentMediaType == nil {
            // `R=100&G=200`: the properties are names of their own.
            var pairs: [(key: String, value: String)] = []
            for item in query.items where collects(item.name) {
                pairs.append((item.name, try percentDecode(item.rawValue ?? "")))
            }
            if pairs.isEmpty { return nil }
            return try object(pairs)
        }
        let items = query.items(named: definition.name)
        guard !items.isEmpty else { return nil }
        if case .array(let type) = definition.shape, explode, definition.contentMediaType == nil {
            var values: [JSONValue] = []
            for item in items {
                values.append(type.coerce(try nonEmptyValue(item)))
            }
            return .array(values)
        }
        guard items.count == 1 else { throw fail(.repeated(count: items.count)) }
        let raw = items[0].rawValue ?? ""
        if raw.isEmpty && !definition.allowEmptyValue { throw fail(.emptyValue) }
        if definition.contentMediaType != nil { return .string(try percentDecode(raw)) }
        switch style {
        case .spaceDelimited:
            return try delimited(
                Substring(try percentDecode(raw)), separator: " ", assignments: false, decodesPieces: false)
        case .pipeDelimited:
            return try delimited(
                Substring(try percentDecode(raw)), separator: "|", assignments: false, decodesPieces: false)
        default:
            return try delimited(raw, separator: ",", assignments: false, decodesPieces: true)
        }
    }

    func nonEmptyValue(_ item: QueryString.Item) throws(ParameterError) -> String {
        let raw = item.rawValue ?? ""
        if raw.isEmpty && !definition.allowEmptyValue { throw fail(.emptyValue) }
        return try percentDecode(raw)
    }

    /// `color[R]=100&color[G]=200`.
    func decodeDeepObject(_ query: QueryString) throws(ParameterError) -> JSONValue? {
        let name = definition.name
        let prefix = name + "["
        var pairs: [(key: String, value: String)] = []
        for item in query.items {
            if item.name == name {
                throw syntax("uses deepObject style, so it must be sent as \(name)[key]=value, not \(name)=value")
            }
            guard item.name.hasPrefix(prefix) else { continue }
            let rest = item.name.dropFirst(prefix.count)
            guard rest.last == "]", !rest.dropLast().contains("["), !rest.dropLast().contains("]") else {
                throw syntax(
                    "has \"\(item.name)\", but deepObject keys are one level deep: \(name)[key]=value")
            }
            pairs.append((String(rest.dropLast()), try percentDecode(item.rawValue ?? "")))
        }
        if pairs.isEmpty { return nil }
        return try object(pairs)
    }
}
