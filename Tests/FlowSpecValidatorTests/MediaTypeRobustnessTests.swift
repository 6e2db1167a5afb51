import FlowSpecModel
import FlowSpecTestSupport
import FlowSpecValidator
import Testing

@Suite("Media type robustness")
struct MediaTypeRobustnessTests {
    static let alphabet = [
        "a", "B", "/", "*", "+", "json", ";", "=", "\"", "\\", " ", "\t", ",", "q", "0", ".", "é", "(", "\u{1}",
    ]

    @Test(arguments: 0..<20)
    func randomInputParsesOrFailsWithAPosition(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed) &+ 99)
        let matcher = MediaTypeMatcher(declaredKeys: ["application/json", "text/*", "a/b; q=\"x\""])
        for _ in 0..<300 {
            let text = randomText(&generator, alphabet: Self.alphabet, maxLength: 16)
            do {
                let mediaType = try MediaType.parse(text)
                // What we print, we read back as the same media type.
                #expect(try MediaType.parse(mediaType.description) == mediaType, "\(text)")
                _ = mediaType.isJSON
                _ = mediaType.suffix
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.utf8.count, "\(text)")
                #expect(!error.message.isEmpty)
            }
            _ = matcher.match(text)
            if let accept = try? AcceptHeader(parsing: text) {
                let quality = accept.quality(of: .json)
                #expect((0...1000).contains(quality))
            }
            var skipped: [MediaTypeParseError] = []
            _ = AcceptHeader(lenientlyParsingFields: [text], skipped: &skipped)
        }
    }
}
