/// Byte-level pieces of the HTTP grammar (RFC 9110 §5.6) shared by the media-type, `Accept`,
/// routing and parameter parsers. Everything works on UTF-8 bytes so that hot paths never build
/// intermediate strings.
enum HTTPSyntax {
    /// RFC 9110 §5.6.2 `tchar`: `!#$%&'*+-.^_`|~`, digits and letters, as a bit set over ASCII.
    @inline(__always)
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        // Bits 0-63: `!` `#` `$` `%` `&` `'` `*` `+` `-` `.` and the digits.
        // Bits 64-127: the letters, `^` `_` `` ` `` `|` `~`.
        let low: UInt64 = 0x03FF_6CFA_0000_0000
        let high: UInt64 = 0x57FF_FFFF_C7FF_FFFE
        if byte < 64 { return (low >> UInt64(byte)) & 1 == 1 }
        if byte < 128 { return (high >> UInt64(byte - 64)) & 1 == 1 }
        return false
    }

    /// RFC 9110 §5.6.3 `OWS`: space or horizontal tab.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Whether `text` is a non-empty `token`.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenCharacter)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
    }

    /// ASCII case-insensitive equality, without allocating (media-type and header names are ASCII
    /// tokens). Lengths first: most names that differ, differ in length.
    @inline(__always) static func equalsIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        // Contiguous bytes when both have them (native strings do; short ones are copied to the
        // stack): a plain byte loop, where `withUTF8` on copies of the two strings cost about 250
        // instructions per comparison of two short names.
        let compared = lhs.utf8.withContiguousStorageIfAvailable { l in
            rhs.utf8.withContiguousStorageIfAvailable { r -> Bool in
                var k = 0
                while k < l.count {
                    if lowercased(l[k]) != lowercased(r[k]) { return false }
                    k &+= 1
                }
                return true
            }
        }
        if let compared, let compared { return compared }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { lowercased($0) == lowercased($1) }
    }

    /// `text` as a `token` when it is one, otherwise as a `quoted-string` (RFC 9110 §5.6.4).
    static func tokenOrQuoted(_ text: String) -> String {
        if isToken(text) { return text }
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        result.append("\"")
        return result
    }

    /// A readable name for the character starting at `offset` of `text` (for error messages).
    static func describeCharacter(in text: String, atUTF8Offset offset: Int) -> String {
        let utf8 = text.utf8
        guard offset >= 0, offset < utf8.count else { return "end of input" }
        let index = utf8.index(utf8.startIndex, offsetBy: offset)
        guard let scalar = text.unicodeScalars[index...].first else { return "end of input" }
        switch scalar.value {
        case 0x21...0x7E: return "'\(Character(scalar))'"
        case 0x20: return "a space"
        case 0x09: return "a tab"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
        }
    }

    /// `OWS token "/" token OWS`: the ranges of the type and subtype, and where the whitespace after
    /// them ends.
    static func mediaTypeEssence(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (type: Range<Int>, subtype: Range<Int>, end: Int)? {
        let count = bytes.count
        var index = 0
        while index < count, HTTPSyntax.isWhitespace(bytes[index]) { index += 1 }
        let typeStart = index
        while index < count, HTTPSyntax.isTokenCharacter(bytes[index]) { index += 1 }
        let typeEnd = index
        guard typeEnd > typeStart, index < count, bytes[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        let subtypeStart = index
        while index < count, HTTPSyntax.isTokenCharacter(bytes[index]) { index += 1 }
        let subtypeEnd = index
        guard subtypeEnd > subtypeStart else { return nil }
        while index < count, HTTPSyntax.isWhitespace(bytes[index]) { index += 1 }
        return (typeStart..<typeEnd, subtypeStart..<subtypeEnd, index)
    }
}
