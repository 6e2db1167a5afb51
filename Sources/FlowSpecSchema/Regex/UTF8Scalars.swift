/// Decoding code points straight from UTF-8 bytes, so matching never builds an intermediate scalar array.
///
/// Swift strings are always valid UTF-8; raw buffers given to `matches(utf8:)` may not be. An invalid or truncated
/// sequence decodes as U+FFFD consuming one byte, so every byte is visited once and matching always terminates.
enum UTF8Scalars {
    /// The code point starting at `index` (which must be `< bytes.count`) and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (codePoint: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        return decodeMultibyte(bytes, at: index, lead: lead)
    }

    private static func decodeMultibyte(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8
    ) -> (codePoint: UInt32, length: Int) {
        let length: Int
        var value: UInt32
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
            minimum = 0x80
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
            minimum = 0x800
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
            minimum = 0x10000
        default:
            return (0xFFFD, 1)
        }
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return (0xFFFD, 1) }
        return (value, length)
    }

    /// The code point that ends at `end` (which must be `> 0`) and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (codePoint: UInt32, length: Int) {
        let last = bytes[end - 1]
        if last < 0x80 { return (UInt32(last), 1) }
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let decoded = decode(bytes, at: start)
        if start + decoded.length == end { return decoded }
        return (0xFFFD, 1)
    }

    /// The index of the code point after the one starting at `index`.
    @inline(__always)
    static func next(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Int {
        index + decode(bytes, at: index).length
    }
}
