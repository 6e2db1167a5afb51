import FlowSpecLint
import Foundation
import FlowSpecModel
import Testing

@testable import FlowSpecTraffic

/// HAR header and cookie lists take a shortcut for the `{"name": ..., "value": ...}` shape every
/// exporter writes; any other shape must decode exactly as the member-by-member path decodes it.
@Suite("HAR name/value lists")
struct CaptureNameValueTests {
    static func requestHeaders(_ list: String) -> (headers: [CapturedHeader], problems: [CaptureProblem]) {
        let entries = readCapture(harDocument([harEntry(requestHeaders: list)]))
        return (entries.first?.exchange?.request.headers ?? [], entries.first?.problems ?? [])
    }

    @Test func plainItemsKeepTheirOrderAndText() {
        let (headers, problems) = Self.requestHeaders(
            #"[{"name":"Accept","value":"application/json"},{"name":"X-Note","value":"a \"quoted\" word"},"#
                + #"{"name":"","value":""}]"#)
        #expect(problems.isEmpty)
        #expect(
            headers == [
                CapturedHeader(name: "Accept", value: "application/json"),
                CapturedHeader(name: "X-Note", value: #"a "quoted" word"#), CapturedHeader(name: "", value: ""),
            ])
    }

    @Test("other shapes read as before: order, repeats, escaped keys, extra members")
    func otherShapes() {
        let (headers, problems) = Self.requestHeaders(
            #"[{"value":"v1","name":"Reversed"},{"name":"first","name":"Repeated","value":"v2"},"#
                + #"{"na\u006de":"Escaped","value":"v3"},{"name":"Extra","value":"v4","comment":"c"}]"#)
        #expect(problems.isEmpty)
        #expect(
            headers == [
                CapturedHeader(name: "Reversed", value: "v1"), CapturedHeader(name: "Repeated", value: "v2"),
                CapturedHeader(name: "Escaped", value: "v3"), CapturedHeader(name: "Extra", value: "v4"),
            ])
    }

    @Test("escaped member names of the entry, request, response and content are found like plain ones")
    func escapedMemberNames() {
        // `r\u0065quest`, `m\u0065thod`, `st\u0061tus`, `t\u0065xt` and a repeated `url`, whose last
        // one counts: the one-walk look-up must find the same members the name-by-name one did.
        let entry = harEntry(
            method: "POST", url: #"/first","url":"https://api.example.test/v1/second"#,
            response: #"{"st\u0061tus":201,"headers":[],"content":{"mimeType":"application/json","t\u0065xt":"{}"}}"#
        )
        .replacingOccurrences(of: #""request":{"method""#, with: #""r\u0065quest":{"m\u0065thod""#)
        let entries = readCapture(harDocument([entry]))
        let exchange = entries.first?.exchange
        #expect(entries.first?.problems == [])
        #expect(exchange?.request.method == "POST")
        #expect(exchange?.request.url == "https://api.example.test/v1/second")
        #expect(exchange?.response?.status == 201)
        #expect(exchange?.response?.body?.bytes == Array("{}".utf8))
    }

    @Test("a wrong type in the two-member shape is still a finding at its place")
    func wrongTypes() {
        let (headers, problems) = Self.requestHeaders(
            #"[{"name":"A","value":1},{"name":null,"value":"x"},{"name":"B","value":"ok"}]"#)
        #expect(headers == [CapturedHeader(name: "B", value: "ok")])
        #expect(problems.map(\.code) == [.captureWrongType, .captureMissingField])
        #expect(problems.map(\.pointer) == [["request", "headers", "0", "value"], ["request", "headers", "1", "name"]])
    }

    @Test("the report writes a string whole only when escaping would not change it")
    func plainStringsMatchTheEscaper() {
        let samples = [
            "", "/v1/flows/4d49ffce-73d8-4fd7-8ec9-521c94c05053?expand=all", "seven77", "eight888", "a\"b",
            "0123456789\\x", "tab\there", "line\nbreak", "\u{7F}del", "caf\u{E9}", "sep\u{2028}arator", "\u{0}",
            String(repeating: "x", count: 63) + "\"",
        ]
        for sample in samples {
            var expected: [UInt8] = []
            var text = sample
            text.withUTF8 { JSONOutput.appendString($0, to: &expected) }
            var json = JSONBytes()
            json.string(sample)
            #expect(json.bytes == expected, "\(sample.debugDescription)")
        }
        #expect(Array("/v1/users?limit=2".utf8).withUnsafeBufferPointer { JSONBytes.isPlain($0) })
        #expect(!Array("/v1/users?q=\"".utf8).withUnsafeBufferPointer { JSONBytes.isPlain($0) })
    }
}
