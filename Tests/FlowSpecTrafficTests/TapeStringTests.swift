import FlowSpecTestSupport
import Foundation
import Testing

@testable import FlowSpecTraffic

/// The tape's string scanner takes sixteen bytes at a time and the two-byte escapes inside each block,
/// so escapes that straddle a block, errors right after an escape and multi-byte characters at block
/// edges are checked here against a byte-at-a-time reference, on strings made at random.
@Suite("Tape strings against a byte-at-a-time reference")
struct TapeStringTests {
    /// Pieces a string is made of: plain runs, multi-byte UTF-8, every kind of escape, and the bytes
    /// a string may not hold (a raw control character, a bad escape, a byte that is not UTF-8).
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("bcdefghijklmnopq".utf8), Array("é".utf8), Array("😀".utf8), Array(#"\""#.utf8),
        Array(#"\\"#.utf8), Array(#"\/"#.utf8), Array(#"\n"#.utf8), Array(#"\u00e9"#.utf8),
        Array(#"\ud83d\ude00"#.utf8), [0x09], Array(#"\x"#.utf8), [0xFF], Array(#"\u12"#.utf8),
    ]

    struct Reference: Equatable {
        var end: Int?
        var errorOffset: Int?
        var escaped = false
        var invalidUTF8 = false
    }

    /// What the scanner must find for the string starting at `start` (its opening quote).
    static func reference(_ b: [UInt8], from start: Int) -> Reference {
        var r = Reference()
        var i = start + 1
        while true {
            guard i < b.count else { return Reference(errorOffset: start) }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                r.end = i + 1
                return r
            } else if c == UInt8(ascii: "\\") {
                r.escaped = true
                guard i + 1 < b.count else { return Reference(errorOffset: i) }
                switch b[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= b.count, b[(i + 2)..<(i + 6)].allSatisfy({ JSONStrings.hexValue($0) != nil }) else {
                        return Reference(errorOffset: i)
                    }
                    i += 6
                default:
                    return Reference(errorOffset: i)
                }
            } else if c < 0x20 {
                return Reference(errorOffset: i)
            } else if c < 0x80 {
                i += 1
            } else if c == 0xFF {
                r.invalidUTF8 = true
                i += 1
            } else {
                i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2  // the pieces' own valid sequences
            }
        }
    }

    @Test("random strings scan as the reference scans them", arguments: 0..<8)
    func randomStrings(seed: Int) throws {
        var generator = SplitMix64(state: UInt64(seed) &+ 0x7A9E)
        for _ in 0..<400 {
            // Up to 15 bytes of padding before the string moves it across the 16-byte blocks.
            let padding = Int.random(in: 0..<16, using: &generator)
            var bytes = Array("[".utf8) + Array(repeating: UInt8(ascii: " "), count: padding)
            let start = bytes.count
            bytes.append(UInt8(ascii: "\""))
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                // Mostly clean pieces, so that most strings reach their end.
                let piece = Int.random(in: 0..<100, using: &generator) < 90
                    ? Self.pieces[Int.random(in: 0..<10, using: &generator)]
                    : Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &generator)]
                bytes += piece
            }
            if Int.random(in: 0..<20, using: &generator) > 0 { bytes.append(UInt8(ascii: "\"")) }
            bytes += Array(",1]".utf8)

            let expected = Self.reference(bytes, from: start)
            let result = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(JSONTape.SyntaxError) in try JSONTape.parse(buffer) }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            switch result {
            case .failure(let error):
                #expect(error.offset == expected.errorOffset, "\(text): \(error.message)")
            case .success(let tape):
                let node = tape.nodes[1]
                #expect(expected.errorOffset == nil, "\(text) should not parse")
                #expect(node.kind == .string && node.start == start && node.end == expected.end, "\(text)")
                #expect((node.flags & JSONTape.escapedFlag != 0) == expected.escaped, "\(text)")
                #expect((node.flags & JSONTape.invalidUTF8Flag != 0) == expected.invalidUTF8, "\(text)")
                guard !expected.invalidUTF8, let end = expected.end else { continue }
                // The unescaped text is what Foundation reads from the same JSON string.
                let token = Array(bytes[start..<end])
                let unescaped = token.withUnsafeBufferPointer { JSONStrings.unescaped($0) }
                let decoded = try JSONSerialization.jsonObject(with: Data(token), options: .fragmentsAllowed) as? String
                #expect(String(decoding: unescaped, as: UTF8.self) == decoded, "\(text)")
            }
        }
    }
}
