import FlowSpecSchema

/// JSON text of a value, for tests that feed values to the byte paths; `escapeAll` writes every
/// non-ASCII character as `\u` escapes (so the same value also reaches the parser's escape path).
enum JSONText {
    static func of(_ value: JSONValue, escapeAll: Bool = false) -> String {
        var out = ""
        write(value, escapeAll: escapeAll, into: &out)
        return out
    }

    static func write(_ value: JSONValue, escapeAll: Bool, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): string(s, escapeAll: escapeAll, into: &out)
        case .array(let elements):
            out += "["
            for (k, element) in elements.enumerated() {
                if k > 0 { out += "," }
                write(element, escapeAll: escapeAll, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for k in 0..<object.keys.count {
                if k > 0 { out += ", " }
                string(object.keys[k], escapeAll: escapeAll, into: &out)
                out += ": "
                write(object.values[k], escapeAll: escapeAll, into: &out)
            }
            out += "}"
        }
    }

    static func string(_ s: String, escapeAll: Bool, into out: inout String) {
        out += "\""
        for unit in s.unicodeScalars {
            switch unit {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where unit.value < 0x20 || (escapeAll && unit.value >= 0x80):
                for u in String(unit).utf16 {
                    let hex = String(u, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: out.unicodeScalars.append(unit)
            }
        }
        out += "\""
    }
}
