/// Writes JSON straight into a byte buffer, exactly as `JSONOutput.serialized(pretty: false)` would:
/// the traffic report's entries are written this way because building a `JSONOutput` tree and a
/// `String` for each of a capture's entries was a tenth of `flowspec validate`'s time.
///
/// Escaping is JSONOutput's: quotation mark, reverse solidus and C0 controls (`\n`, `\r`, `\t`, `\b`,
/// `\f` by name, others as `\u00xx`), and U+2028 and U+2029 as `\u2028` and `\u2029`.
struct JSONBytes {
    var bytes: [UInt8]

    init(into bytes: [UInt8] = []) { self.bytes = bytes }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { raw("null") }
    }

    mutating func string(_ value: String?) {
        guard var value else {
            raw("null")
            return
        }
        value.withUTF8 { string(bytes: $0) }
    }

    /// A JSON string of UTF-8 `text` (a Swift string's bytes, so always valid UTF-8).
    mutating func string(bytes text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let count = text.count
        while i < count {
            let c = text[i]
            let escape: StaticString?
            var width = 1
            switch c {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x00..<0x20: escape = nil
            case 0xE2 where i + 2 < count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9):
                escape = text[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                i += 1
                continue
            }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            if let escape {
                raw(escape)
            } else {
                let hex: StaticString = "0123456789abcdef"
                raw("\\u00")
                hex.withUTF8Buffer { digits in
                    bytes.append(digits[Int(c >> 4)])
                    bytes.append(digits[Int(c & 0xF)])
                }
            }
            i += width
            runStart = i
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<count])) }
        bytes.append(UInt8(ascii: "\""))
    }
}
