import FlowSpecLint

/// Writes JSON straight into a byte buffer, exactly as `JSONOutput.serialized(pretty: false)` would:
/// the traffic report's entries are written this way because building a `JSONOutput` tree and a
/// `String` for each of a capture's entries was a tenth of `flowspec validate`'s time.
///
/// Strings are escaped by ``JSONOutput/appendString(_:to:)``, the byte form of JSONOutput's own escaping.
struct JSONBytes {
    var bytes: [UInt8]

    init(into bytes: [UInt8] = []) { self.bytes = bytes }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        // Digits straight into the buffer: every entry writes three numbers, and `String(value)`
        // made a string for each.
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of any UInt
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { raw("null") }
    }

    mutating func string(_ value: String?) {
        guard var value else {
            raw("null")
            return
        }
        value.withUTF8 { text in
            if Self.isPlain(text) {
                // Nothing to escape (the common case: URLs, ids, media types), so the text goes in whole.
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: text)
                bytes.append(UInt8(ascii: "\""))
            } else {
                JSONOutput.appendString(text, to: &bytes)
            }
        }
    }

    /// Whether `text` is ASCII without `"`, `\` or control characters, which
    /// ``JSONOutput/appendString(_:to:)`` writes as they are (it only escapes those, and U+2028 and
    /// U+2029, which are not ASCII).
    static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        return SWAR.plainRunEnd(base, from: 0, to: text.count) == text.count
    }
}
