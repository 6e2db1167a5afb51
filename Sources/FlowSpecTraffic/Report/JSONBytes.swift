import FlowSpecLint

/// Writes JSON straight into a byte buffer, exactly as `JSONOutput.serialized(pretty: false)` would:
/// the traffic report's entries are written this way because building a `JSONOutput` tree and a
/// `String` for each of a capture's entries was a tenth of `flowspec validate`'s time.
///
/// The buffer is a ``GrowableBuffer``: an entry is some twenty pieces, and appending each to an array
/// (a uniqueness check and a capacity check through calls, then a copy) cost more than writing them.
/// Strings are escaped by ``JSONOutput/appendString(_:to:)``, the byte form of JSONOutput's own escaping.
struct JSONBytes: ~Copyable {
    private var buffer: GrowableBuffer<UInt8>

    init(capacity: Int = 512) { buffer = GrowableBuffer(capacity: capacity) }

    /// What was written.
    var bytes: [UInt8] { buffer.array() }

    /// Appends what was written to `out`, in one copy.
    func append(to out: inout [UInt8]) {
        buffer.withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }

    @inline(__always) mutating func raw(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func int(_ value: Int) {
        // Digits straight into the buffer: every entry writes three numbers, and `String(value)`
        // made a string for each.
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of any UInt
        withUnsafeMutableBytes(of: &digits) { digits in
            var position = digits.count
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits.bindMemory(to: UInt8.self)[position...]))
        }
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { raw("null") }
    }

    @inline(__always) mutating func string(_ value: String?) {
        guard var value else {
            raw("null")
            return
        }
        value.withUTF8 { text in
            if Self.isPlain(text) {
                // Nothing to escape (the common case: URLs, ids, media types), so the text goes in whole.
                buffer.append(UInt8(ascii: "\""))
                buffer.append(contentsOf: text)
                buffer.append(UInt8(ascii: "\""))
            } else {
                var escaped: [UInt8] = []
                JSONOutput.appendString(text, to: &escaped)
                escaped.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
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
