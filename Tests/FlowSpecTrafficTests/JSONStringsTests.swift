import Foundation
import Testing

@testable import FlowSpecTraffic

/// Unescaping string tokens (which copies whole words up to each backslash) gives what Foundation's
/// JSON reader gives, at every length and every position of the escapes.
@Suite("JSON string unescaping")
struct JSONStringsTests {
    static let pieces = [
        "a", "bc", "defghij", "0123456789abcdef", "é", "😀", #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\t"#, #"\b"#,
        #"\f"#, #"\r"#, #"\u00e9"#, #"\u0041"#, #"\ud83d\ude00"#, " ",
    ]

    @Test func matchesFoundation() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3_000 {
            var body = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 59) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                body += Self.pieces[Int(state >> 33) % Self.pieces.count]
            }
            let token = Array("\"\(body)\"".utf8)
            let ours = token.withUnsafeBufferPointer { JSONStrings.unescaped($0) }
            let parsed = try JSONSerialization.jsonObject(with: Data("[\"\(body)\"]".utf8)) as? [String]
            let expected = try #require(parsed?.first)
            #expect(String(decoding: ours, as: UTF8.self) == expected, "\(body)")
        }
    }
}
