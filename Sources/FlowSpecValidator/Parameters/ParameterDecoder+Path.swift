import FlowSpecModel
import FlowSpecSchema

extension ParameterDecoder {
    /// Path styles: `simple`, `label` and `matrix`, on the raw segment the router captured.
    func decodePath(_ parameters: [PathParameter]) throws(ParameterError) -> JSONValue? {
        guard let parameter = parameters.first(where: { $0.name == definition.name }) else { return nil }
        let raw = Substring(parameter.rawValue)
        if definition.contentMediaType != nil { return .string(try percentDecode(raw)) }
        switch style {
        case .label:
            guard raw.first == "." else {
                throw syntax("uses label style, so its value must start with '.', but it is \"\(raw)\"")
            }
            let separator: Character = explode ? "." : ","
            return try delimited(raw.dropFirst(), separator: separator, assignments: explode, decodesPieces: true)
        case .matrix:
            return try decodeMatrix(raw)
        default:
            return try delimited(raw, separator: ",", assignments: explode, decodesPieces: true)
        }
    }

    /// `;color=blue`, `;color=blue,black`, `;color=blue;color=black`, `;R=100;G=200`.
    func decodeMatrix(_ raw: Substring) throws(ParameterError) -> JSONValue {
        let name = definition.name
        guard raw.first == ";" else {
            throw syntax("uses matrix style, so its value must start with ';\(name)', but it is \"\(raw)\"")
        }
        // Each piece is `name` or `name=value`, names decoded.
        var entries: [(name: String, value: Substring?)] = []
        for piece in Self.split(raw.dropFirst(), ";") {
            if let equals = piece.firstIndex(of: "=") {
                entries.append((try percentDecode(piece[..<equals]), piece[piece.index(after: equals)...]))
            } else {
                entries.append((try percentDecode(piece), nil))
            }
        }
        if case .object = definition.shape, explode {
            // `;R=100;G=200`; the empty object is `;color`.
            if entries.count == 1, entries[0].name == name, entries[0].value == nil { return .object(JSONObject()) }
            var pairs: [(key: String, value: String)] = []
            for entry in entries {
                guard let value = entry.value else {
                    throw syntax("has \";\(entry.name)\" where ;name=value was expected")
                }
                pairs.append((entry.name, try percentDecode(value)))
            }
            return try object(pairs)
        }
        for entry in entries where entry.name != name {
            throw syntax("uses matrix style, so it must be sent as ;\(name)=value, but it has \";\(entry.name)\"")
        }
        if case .array(let type) = definition.shape, explode {
            var items: [JSONValue] = []
            for entry in entries {
                guard let value = entry.value else { continue }
                items.append(type.coerce(try percentDecode(value)))
            }
            return .array(items)
        }
        guard entries.count == 1 else { throw fail(.repeated(count: entries.count)) }
        return try delimited(entries[0].value ?? "", separator: ",", assignments: false, decodesPieces: true)
    }
}
