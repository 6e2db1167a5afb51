/// A JSON value to write, with object members in the order they were given.
///
/// The JSON, SARIF and baseline writers build one of these and serialise it, so key order is exactly
/// what the documentation shows and output is byte-for-byte deterministic (`JSONEncoder` orders keys
/// only alphabetically, and its number and escape formatting is not ours to document).
///
/// Not `indirect`: the arrays already hold their elements out of line, and an indirect enum put every
/// string and number of a large report in a heap box of its own, allocated and freed one by one.
package enum JSONOutput: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    package static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool { lhs.serialized() == rhs.serialized() }

    package func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// `value` as a string, or `null`.
    package static func optional(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }

    /// `value` as a number, or `null`.
    package static func optional(_ value: Int?) -> JSONOutput { value.map(JSONOutput.int) ?? .null }

    /// The JSON text: two-space indentation when `pretty`, one line otherwise; no trailing newline.
    package func serialized(pretty: Bool = true) -> String {
        // Written as bytes and made a String once: a report of thousands of findings is hundreds of
        // thousands of small pieces, and appending each to a String cost more than linting some rules.
        var output: [UInt8] = []
        write(to: &output, indent: pretty ? 0 : nil)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: Self.append("null", to: &output)
        case .bool(let value): Self.append(value ? "true" : "false", to: &output)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .string(let value): Self.appendString(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                Self.append("[]", to: &output)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent.map { $0 + 1 })
                item.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                Self.append("{}", to: &output)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent.map { $0 + 1 })
                Self.appendString(member.0, to: &output)
                Self.append(indent == nil ? ":" : ": ", to: &output)
                member.1.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func append(_ text: StaticString, to output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        output.append(0x0A)
        // Copied from a run of spaces: appending a `repeatElement` went element by element, a third
        // of the writing of a large report's lines.
        var left = 2 * indent
        while left > 0 {
            let count = min(left, spaces.count)
            spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
            left -= count
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// ``writeString(_:to:)`` on bytes.
    private static func appendString(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendString($0, to: &output) }
    }

    /// RFC 8259 string escaping: quotation mark, reverse solidus and C0 controls; also U+2028 and
    /// U+2029, so the output is safe to embed in JavaScript. Everything else is written as UTF-8.
    package static func writeString(_ value: String, to output: inout String) {
        // Most strings need no escape: copy them whole (the traffic report writes millions of them).
        // U+2028/U+2029 start with 0xE2, so a string without that byte, quotes, backslashes or C0
        // controls is safe as it is.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            output += "\""
            output += value
            output += "\""
            return
        }
        var value = value
        var bytes: [UInt8] = []
        value.withUTF8 { appendString($0, to: &bytes) }
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// ``writeString(_:to:)``'s escaping on bytes: a JSON string of UTF-8 `text` (a Swift string's
    /// bytes, so always valid UTF-8) appended to `bytes`, copying runs that need no escape whole.
    package static func appendString(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
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
                escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else {
                let hex: StaticString = "0123456789abcdef"
                ("\\u00" as StaticString).withUTF8Buffer { bytes.append(contentsOf: $0) }
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
