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
        // stack): where `withUTF8` on copies of the two strings cost about 250 instructions per
        // comparison of two short names.
        let compared = lhs.utf8.withContiguousStorageIfAvailable { l in
            rhs.utf8.withContiguousStorageIfAvailable { r -> Bool in equalsIgnoringCase(l, r) }
        }
        if let compared, let compared { return compared }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { lowercased($0) == lowercased($1) }
    }

    /// Byte-for-byte equality of two strings, as `==` answers for ASCII text (the media types and
    /// field values it compares), without `==`'s general path (about a hundred instructions for two
    /// 16-byte strings).
    @inline(__always) static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        let compared = lhs.utf8.withContiguousStorageIfAvailable { l in
            rhs.utf8.withContiguousStorageIfAvailable { r -> Bool in
                guard let p = l.baseAddress, let q = r.baseAddress else { return true }
                var k = 0
                while k &+ 8 <= l.count {
                    if UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
                        != UnsafeRawPointer(q + k).loadUnaligned(as: UInt64.self)
                    {
                        return false
                    }
                    k &+= 8
                }
                while k < l.count {
                    if p[k] != q[k] { return false }
                    k &+= 1
                }
                return true
            }
        }
        if let compared, let compared { return compared }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// ASCII case-insensitive equality of two byte runs, eight bytes at a time.
    @inline(__always) static func equalsIgnoringCase(_ l: UnsafeBufferPointer<UInt8>, _ r: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = l.count
        guard count == r.count else { return false }
        guard count > 0, let p = l.baseAddress, let q = r.baseAddress else { return true }
        var k = 0
        while k &+ 8 <= count {
            let a = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(q + k).loadUnaligned(as: UInt64.self)
            if a != b && lowercasedWord(a) != lowercasedWord(b) { return false }
            k &+= 8
        }
        if k < count && count >= 8 {
            // The last eight bytes, overlapping the ones compared (the per-byte loop below cost
            // about ten instructions a byte).
            let a = UnsafeRawPointer(p + (count &- 8)).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(q + (count &- 8)).loadUnaligned(as: UInt64.self)
            return a == b || lowercasedWord(a) == lowercasedWord(b)
        }
        while k < count {
            if lowercased(p[k]) != lowercased(q[k]) { return false }
            k &+= 1
        }
        return true
    }

    /// The eight bytes of `word` with the ASCII capitals `A`-`Z` made small (other bytes, non-ASCII
    /// ones included, unchanged): what ``lowercased(_:)`` does to each byte, without a branch.
    @inline(__always) static func lowercasedWord(_ word: UInt64) -> UInt64 {
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        // Per byte, no carries between bytes: the high bit is set from `A` (0x41) on, and from
        // the byte after `Z` (0x5B) on.
        let fromA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = low7 &+ 0x2525_2525_2525_2525
        let capital = fromA & ~pastZ & ~word & 0x8080_8080_8080_8080
        return word | (capital &>> 2)
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
        index = tokenEnd(bytes, from: index)
        let typeEnd = index
        guard typeEnd > typeStart, index < count, bytes[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        let subtypeStart = index
        index = tokenEnd(bytes, from: index)
        let subtypeEnd = index
        guard subtypeEnd > subtypeStart else { return nil }
        while index < count, HTTPSyntax.isWhitespace(bytes[index]) { index += 1 }
        return (typeStart..<typeEnd, subtypeStart..<subtypeEnd, index)
    }

    /// The index of the first byte at or after `start` that is not a `tchar`. Media types are mostly
    /// letters, digits, `.`, `+` and `-`: eight such bytes are passed at once, and the byte loop
    /// decides from the first word that has anything else.
    @inline(__always) static func tokenEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        if let base = bytes.baseAddress {
            while index &+ 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                guard isCommonTokenWord(word) else { break }
                index &+= 8
            }
        }
        while index < count, isTokenCharacter(bytes[index]) { index += 1 }
        return index
    }

    /// Whether each of the eight bytes of `word` is an ASCII letter, a digit, `.`, `+` or `-` (all
    /// `tchar`s).
    @inline(__always) static func isCommonTokenWord(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Non-ASCII bytes fail at once; below, every byte is under 0x80, so adding at most 0x7F
        // never carries into the next byte.
        if word & high != 0 { return false }
        /// High bit per byte where `byte >= bound` (`bound` at most 0x80).
        @inline(__always) func atLeast(_ w: UInt64, _ bound: UInt64) -> UInt64 { (w &+ (0x80 &- bound) &* ones) & high }
        let folded = word | 0x2020_2020_2020_2020
        let letter = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        let digit = atLeast(word, 0x30) & ~atLeast(word, 0x3A)
        /// High bit per byte equal to `byte`, for words of ASCII bytes.
        @inline(__always) func equal(_ byte: UInt64) -> UInt64 {
            let x = word ^ (byte &* ones)
            return ~((x &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & high
        }
        let punctuation = equal(0x2E) | equal(0x2B) | equal(0x2D)
        return letter | digit | punctuation == high
    }
}
