/// The plain-language pieces of validation messages, in one place.
enum Messages {
    static func article(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let n): return n.isInteger ? "an integer" : "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func article(_ tape: JSONTape, _ r: Int) -> String {
        switch tape.tag(r) {
        case .null: return "null"
        case .true, .false: return "a boolean"
        case .int: return "an integer"
        case .number: return tape.isIntegral(r) ? "an integer" : "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// ``typeList(_:nullable:)`` for every mask of the seven types, with and without `nullable`,
    /// worded on the first type error (wording one costs more than the rest of reporting it).
    static let typeLists: [String] = (0..<256).map { key in
        wordTypeList(TypeMask(rawValue: UInt8(key >> 1)), nullable: key & 1 == 1)
    }

    static func typeList(_ mask: TypeMask, nullable: Bool) -> String {
        guard mask.rawValue < 128 else { return wordTypeList(mask, nullable: nullable) }
        return typeLists[Int(mask.rawValue) << 1 | (nullable ? 1 : 0)]
    }

    static func wordTypeList(_ mask: TypeMask, nullable: Bool) -> String {
        var names = mask.names.map { name -> String in
            switch name {
            case "null": return "null"
            case "integer", "object", "array": return "an \(name)"
            default: return "a \(name)"
            }
        }
        if nullable && !mask.contains(.null) { names.append("null") }
        if names.count <= 1 { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// A value shown in a message: short, on one line.
    static func show(_ value: JSONValue) -> String {
        let text = render(value)
        // A character has at least one byte, so a short text is never cut (and is not counted by
        // characters, which walks grapheme breaks).
        if text.utf8.count <= 60 { return "`" + text + "`" }
        return "`" + (text.count > 60 ? String(text.prefix(57)) + "..." : text) + "`"
    }

    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(let s): return quote(s)
        case .array(let a): return "[" + a.map(render).joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + zip(o.keys, o.values).map { quote($0) + ": " + render($1) }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        // Only ASCII bytes are escaped, and no byte of a multi-byte character is ASCII, so a string
        // without those bytes is quoted as it is.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var result = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    result +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func enumeration(_ values: [JSONValue]) -> String {
        if values.count <= 10 {
            return "must be one of " + values.map(show).joined(separator: ", ")
        }
        return "must be one of the \(values.count) allowed values"
    }

    static func format(_ kind: FormatKind, _ shown: String) -> String {
        "\(shown) is not a valid \(kind.name)"
    }

    static func characters(_ n: Int) -> String { n == 1 ? "1 character" : "\(n) characters" }
    static func items(_ n: Int) -> String { n == 1 ? "1 item" : "\(n) items" }
    static func properties(_ n: Int) -> String { n == 1 ? "1 property" : "\(n) properties" }
}
