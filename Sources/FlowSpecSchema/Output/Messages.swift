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

    /// `"\(shown) is not a valid \(kind.name)"` for a string value whose UTF-8 bytes are `bytes`,
    /// written straight from the bytes when they need no escape and are short enough not to be cut
    /// (``show(_:)``'s rule), else through ``show(_:)``. Wording an invalid path or query value
    /// through a `JSONValue` cost more than the rest of its request's checks.
    static func format(_ kind: FormatKind, string bytes: UnsafeBufferPointer<UInt8>) -> String {
        // ASCII only: invalid UTF-8 would be repaired into more bytes than were measured.
        if bytes.count <= 58, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }) {
            return join("`\"", bytes, "\"` is not a valid ", kind.name)
        }
        return format(kind, show(.string(String(decoding: bytes, as: UTF8.self))))
    }

    /// The pieces end to end, in one string of their total length (interpolating or `+` grows the
    /// result, an allocation and a copy each time).
    static func join(_ a: String, _ b: String, _ c: String = "", _ d: String = "", _ e: String = "") -> String {
        let count = a.utf8.count &+ b.utf8.count &+ c.utf8.count &+ d.utf8.count &+ e.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = copy(a, into: buffer, at: 0)
            at = copy(b, into: buffer, at: at)
            at = copy(c, into: buffer, at: at)
            at = copy(d, into: buffer, at: at)
            return copy(e, into: buffer, at: at)
        }
    }

    /// ``join(_:_:_:_:_:)`` with raw bytes second.
    static func join(_ a: String, _ b: UnsafeBufferPointer<UInt8>, _ c: String, _ d: String) -> String {
        let count = a.utf8.count &+ b.count &+ c.utf8.count &+ d.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = copy(a, into: buffer, at: 0)
            if let base = b.baseAddress, b.count > 0 {
                (buffer.baseAddress! + at).update(from: base, count: b.count)
                at &+= b.count
            }
            at = copy(c, into: buffer, at: at)
            return copy(d, into: buffer, at: at)
        }
    }

    @inline(__always)
    private static func copy(_ piece: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        let written = piece.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return at }
            (buffer.baseAddress! + at).update(from: base, count: bytes.count)
            return at &+ bytes.count
        }
        if let written { return written }
        var end = at
        for byte in piece.utf8 {
            buffer[end] = byte
            end &+= 1
        }
        return end
    }

    /// `must be at most 100 (it is 150)`: `prefix`, the limit's text, the value's text.
    static func bound(_ prefix: String, _ limit: JSONNumber, _ tape: JSONTape, _ r: Int) -> String {
        // An integer on the tape is written as `JSONNumber(Int)` would write it, without the number.
        let value = tape.tag(r) == .int ? String(tape.int(r)) : tape.number(r).text
        return join(prefix, limit.text, " (it is ", value, ")")
    }

    /// `must be at least 8 characters long (it is 3)`: `prefix`, ``characters(_:)`` of `limit`,
    /// `length`.
    static func length(_ prefix: String, _ limit: Int, _ length: Int) -> String {
        join(prefix, String(limit), limit == 1 ? " character long (it is " : " characters long (it is ", String(length), ")")
    }

    static func characters(_ n: Int) -> String { n == 1 ? "1 character" : "\(n) characters" }
    static func items(_ n: Int) -> String { n == 1 ? "1 item" : "\(n) items" }
    static func properties(_ n: Int) -> String { n == 1 ? "1 property" : "\(n) properties" }
}
