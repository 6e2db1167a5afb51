import FlowSpecYAML

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
        return UTF8Check.decodeMultibyte(bytes, at: index) ?? (0xFFFD, 1)
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
