import Testing

@testable import FlowSpecTraffic

@Suite("Report bytes: numbers, header names and values")
struct ReportBytesTests {
    @Test("JSONBytes writes every integer as String(value) does", arguments: [0, 7, 9, 10, 99, 100, 12_345, -1, -10, .max, .min])
    func integers(value: Int) {
        var json = JSONBytes()
        json.int(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
    }

    @Test("A header name is a literal only when its bytes are exactly a common name")
    func headerNames() {
        func literal(_ text: String) -> String? { Self.literal(text, HeaderNames.literal) }
        #expect(literal("Content-Type") == "Content-Type")
        #expect(literal("content-type") == "content-type")
        #expect(literal("Content-TYPE") == nil)
        #expect(literal("X-Request-Ids") == nil)
        #expect(literal("") == nil)
        #expect(literal(String(repeating: "a", count: 40)) == nil)
    }

    @Test("A header value is a literal only when its bytes are exactly a common media type")
    func headerValues() {
        func literal(_ text: String) -> String? { Self.literal(text, HeaderNames.valueLiteral) }
        #expect(literal("application/json") == "application/json")
        #expect(literal("application/json; charset=utf-8") == "application/json; charset=utf-8")
        #expect(literal("application/json; charset=UTF-8") == "application/json; charset=UTF-8")
        #expect(literal("application/problem+json") == "application/problem+json")
        #expect(literal("Application/json") == nil)
        #expect(literal("application/jsox") == nil)
        #expect(literal("application/json; charset=utf-16") == nil)
        #expect(literal("") == nil)
    }

    private static func literal(_ text: String, _ lookup: (UnsafeBufferPointer<UInt8>) -> String?) -> String? {
        var text = text
        return text.withUTF8 { lookup($0) }
    }
}
