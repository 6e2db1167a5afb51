import Testing

@testable import FlowSpecTraffic

@Suite("Report bytes: numbers and header names")
struct ReportBytesTests {
    @Test("JSONBytes writes every integer as String(value) does", arguments: [0, 7, 9, 10, 99, 100, 12_345, -1, -10, .max, .min])
    func integers(value: Int) {
        var json = JSONBytes()
        json.int(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
    }

    @Test("A header name is a literal only when its bytes are exactly a common name")
    func headerNames() {
        func literal(_ text: String) -> String? {
            var text = text
            return text.withUTF8 { HeaderNames.literal($0) }
        }
        #expect(literal("Content-Type") == "Content-Type")
        #expect(literal("content-type") == "content-type")
        #expect(literal("Content-TYPE") == nil)
        #expect(literal("X-Request-Ids") == nil)
        #expect(literal("") == nil)
        #expect(literal(String(repeating: "a", count: 40)) == nil)
    }
}
