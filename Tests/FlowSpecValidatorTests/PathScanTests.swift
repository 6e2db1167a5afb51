import Testing

@testable import FlowSpecValidator

/// The word-at-a-time scans of the hot path against their byte-by-byte definitions.
@Suite("Path and media-type scans")
struct PathScanTests {
    /// Every byte value at every position of a word, among neighbours that are and are not
    /// delimiters (a carry or borrow between bytes would flag the wrong one).
    @Test func delimitersAreFlaggedExactly() {
        for fill: UInt8 in [0x00, 0x2F, 0x61, 0xFF, 0x3F] {
            for position in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: fill, count: 8)
                    bytes[position] = UInt8(value)
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    var expected: UInt64 = 0
                    for (k, byte) in bytes.enumerated()
                    where byte == UInt8(ascii: "/") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") {
                        expected |= 0x80 << UInt64(8 * k)
                    }
                    #expect(PathMatcher.delimiters(word) == expected)
                }
            }
        }
    }

    /// The sixteen- and eight-byte scan for the next delimiter against the byte loop: a delimiter
    /// (or none) at every offset of texts of every length up to 40, from every start.
    @Test func nextDelimiterIsTheFirstDelimiter() {
        for length in 0...40 {
            for position in -1..<length {
                for delimiter in [UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "?")] {
                    var bytes = (0..<length).map { UInt8(ascii: "a") &+ UInt8($0 % 26) }
                    if position >= 0 { bytes[position] = delimiter }
                    // Bytes that differ from a delimiter in one bit only.
                    if length > 3 { bytes[length - 1] = position == length - 1 ? delimiter : 0x2E }
                    bytes.withUnsafeBufferPointer { raw in
                        for start in 0...length {
                            let found = PathMatcher.nextDelimiter(raw, from: start)
                            var byByte = start
                            while byByte < length && ![0x2F, 0x25, 0x3F].contains(raw[byByte]) { byByte += 1 }
                            // It may stop in the last seven bytes, for the byte loop to go on; never
                            // past a delimiter.
                            #expect(found <= byByte && found >= start, "\(length) \(position) \(start)")
                            if found < byByte { #expect(length - found < 8, "\(length) \(position) \(start)") }
                        }
                    }
                }
            }
        }
    }

    @Test func commonTokenWordsAndCaseFolding() {
        for fill: UInt8 in [UInt8(ascii: "a"), UInt8(ascii: "Z"), UInt8(ascii: "0"), UInt8(ascii: "+")] {
            for position in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: fill, count: 8)
                    bytes[position] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let common = bytes.allSatisfy { byte in
                        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    }
                    #expect(HTTPSyntax.isCommonTokenWord(word) == common)
                    if common { #expect(bytes.allSatisfy(HTTPSyntax.isTokenCharacter)) }
                    let lowered = bytes.map(HTTPSyntax.lowercased).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(HTTPSyntax.lowercasedWord(word) == lowered)
                }
            }
        }
    }

    @Test(arguments: [
        ("Content-Type", "content-type", true), ("CONTENT-TYPE", "content-type", true), ("Content-Typf", "content-type", false),
        ("X-Request-Id", "x-request-id", true), ("accept", "Accept", true), ("Accepu", "accept", false),
        ("application/vnd.pingidentity.usernamePassword.check+JSON", "application/vnd.pingidentity.usernamepassword.check+json", true),
        ("[]", "{}", false), ("@", "`", false), ("é", "É", false), ("", "", true),
    ])
    func caseInsensitiveNames(_ lhs: String, _ rhs: String, _ equal: Bool) {
        #expect(HTTPSyntax.equalsIgnoringCase(lhs, rhs) == equal)
    }
}
