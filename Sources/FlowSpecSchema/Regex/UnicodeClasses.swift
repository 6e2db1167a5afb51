/// The fixed sets ECMA-262 defines for `.`, `\d`, `\w` and `\s`, and the word test behind `\b`.
///
/// ECMA-262 deliberately keeps `\d` and `\w` ASCII-only even with the `u` flag (no `i` flag here, so `\w` does not
/// grow to include U+017F and U+212A), while `\s` is Unicode-aware
/// ([ECMA-262 §22.2.2.9](https://tc39.es/ecma262/#sec-compiletocharset)).
enum UnicodeClasses {
    /// `.` without the `s` flag: everything but the line terminators LF, CR, U+2028 and U+2029.
    static let dot = CharSet(lineTerminators, negated: true)

    /// `[^]`: every code point.
    static let any = CharSet(ranges: [0...0x10FFFF])

    /// `\d`: 0-9.
    static let digit = CharSet(ranges: [0x30...0x39])

    /// `\w`: A-Z, a-z, 0-9 and `_`.
    static let word = CharSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])

    /// `\s`: WhiteSpace (TAB, VT, FF, SP, NBSP, ZWNBSP and Space_Separator) plus LineTerminator.
    static let whitespace = CharSet(
        ranges: [
            0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
            0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
        ]
    )

    /// LF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    static let lineTerminators: [UInt32] = [0x0A, 0x0D, 0x2028, 0x2029]

    /// Whether a UTF-8 byte is (the whole encoding of) a `\w` character. Bytes of multi-byte sequences never are,
    /// which is what lets `\b` look at single bytes.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
