import FlowSpecModel
import Testing

@testable import FlowSpecTraffic

@Suite("Hostile and broken captures")
struct CaptureHostileTests {
    @Test("an empty or blank capture is one capture_empty entry", arguments: ["", "  \n\t\r\n"])
    func empty(text: String) throws {
        for format in [CaptureFormat.har, .ndjson, nil] {
            let entries = readCapture(text, format: format)
            try #require(entries.count == 1)
            #expect(entries[0].codes == ["capture_empty"])
            #expect(entries[0].exchange == nil)
            #expect(entries[0].index == 0)
        }
    }

    @Test(
        "JSON that is not a HAR is one problem entry",
        arguments: [
            ("[]", "capture_not_har"),
            ("[{\"log\":{}}]", "capture_not_har"),
            ("{\"foo\":1}", "capture_not_har"),
            ("{\"log\":[]}", "capture_not_har"),
            ("{\"log\":{\"version\":\"1.2\"}}", "capture_not_har"),
            ("{\"log\":{\"entries\":{}}}", "capture_not_har"),
            ("\"just a string\"", "capture_not_har"),
            ("<html></html>", "capture_not_har"),
        ])
    func notHAR(text: String, code: String) throws {
        let entries = readCapture(text, format: .har)
        try #require(entries.count == 1)
        #expect(entries[0].codes == [code])
        #expect(entries[0].exchange == nil)
        #expect(entries[0].problems[0].hint != nil || entries[0].problems[0].message.contains("HAR"))
    }

    @Test("a non-HAR object with no format hint is still exactly one problem entry")
    func notHARSniffed() throws {
        for text in ["[]", "{\"foo\":1}", "{\"foo\":1}\n"] {
            let entries = readCapture(text, name: "capture.json", format: nil)
            try #require(entries.count == 1, "\(text)")
            #expect(entries[0].exchange == nil)
            #expect(!entries[0].problems.isEmpty)
        }
    }

    @Test("a file truncated inside an entry yields the entries before it and a located problem")
    func truncatedInsideEntry() throws {
        let full = harDocument([harEntry(url: "https://a.test/0"), harEntry(url: "https://a.test/1"), harEntry()])
        let bytes = Array(full.utf8)
        // Cut in the middle of the third entry.
        let third = readCapture(full)[2].location.offset
        let cut = Array(bytes[..<(third + 40)])
        for chunkSize in [5, 1 << 20] {
            let entries = readCaptureInChunks(cut, chunkSize: chunkSize)
            try #require(entries.count == 3)
            #expect(entries[0].exchange?.request.url == "https://a.test/0")
            #expect(entries[1].exchange?.request.url == "https://a.test/1")
            #expect(entries[2].exchange == nil)
            #expect(entries[2].codes == ["capture_truncated"])
            #expect(entries[2].index == 2)
            #expect(entries[2].location.offset == third)
            #expect(entries[2].location.line == 4)
            #expect(entries[2].problems[0].message.contains("inside entry 2"))
        }
    }

    @Test("a file truncated anywhere never crashes: the entries before the cut are read and one problem follows")
    func truncatedEverywhere() throws {
        let bytes = Array(harDocument([harEntry(), harEntry(method: "POST")]).utf8)
        let complete = readCapture(bytes: bytes)
        try #require(complete.count == 2)
        for cut in 0..<bytes.count {
            let entries = readCapture(bytes: Array(bytes[..<cut]))
            let readable = entries.filter { $0.exchange != nil }
            #expect(readable.count <= 2)
            #expect(entries.count == readable.count + 1, "cut at \(cut)")
            #expect(entries.map(\.index) == Array(0..<entries.count))
            guard let last = entries.last else { continue }
            #expect(last.exchange == nil)
            #expect(
                ["capture_empty", "capture_truncated"].contains(last.codes.first ?? ""), "cut at \(cut): \(last.codes)")
        }
    }

    @Test("a truncated tail after the entries array is reported")
    func truncatedTail() throws {
        let entries = readCapture(#"{"log":{"entries":[\#(harEntry())]"#)
        try #require(entries.count == 2)
        #expect(entries[0].problems.isEmpty)
        #expect(entries[1].codes == ["capture_truncated"])
        #expect(entries[1].problems[0].message.contains("after 1 entries"))
    }

    @Test("text after the HAR document is reported")
    func trailingText() throws {
        let entries = readCapture(harDocument([harEntry()]) + "\n{\"log\":{}}")
        try #require(entries.count == 2)
        #expect(entries[1].codes == ["capture_invalid_json"])
        #expect(entries[1].location.line == 4)
    }

    @Test("invalid JSON inside one entry is that entry's problem, and reading goes on")
    func invalidEntryJSON() throws {
        let entries = readCapture(
            harDocument([
                harEntry(url: "https://a.test/0"), #"{"request": tru, "x": 1}"#, #"{"a":1 "b":2}"#,
                "{\"a\":\"\u{01}\"}",
                harEntry(url: "https://a.test/4"),
            ]))
        try #require(entries.count == 5)
        #expect(entries.map(\.index) == [0, 1, 2, 3, 4])
        #expect(entries[0].exchange != nil)
        for i in 1...3 {
            #expect(entries[i].exchange == nil)
            #expect(entries[i].codes == ["capture_invalid_json"])
        }
        #expect(entries[1].problems[0].message == "the entry is not valid JSON: invalid literal; expected `true`")
        #expect(entries[1].problems[0].location.offset == entries[1].location.offset + 12)
        #expect(entries[3].problems[0].message.contains("control character U+0001"))
        #expect(entries[4].exchange?.request.url == "https://a.test/4")
    }

    @Test("brackets that do not match stop the capture at the place they go wrong")
    func mismatchedBrackets() throws {
        let text = harDocument([harEntry(), #"{"request":{"method":"GET","url":"/x"],"a":1}"#, harEntry()])
        let entries = readCapture(text)
        try #require(entries.count == 2)
        #expect(entries[0].exchange != nil)
        #expect(entries[1].codes == ["capture_invalid_json"])
        let offset = try #require(text.utf8.ranges(of: #""/x"]"#.utf8).first?.upperBound)
        #expect(
            entries[1].problems[0].location.offset == text.utf8.distance(from: text.utf8.startIndex, to: offset) - 1)
        #expect(entries[1].problems[0].message.contains("`]` closes a `{`"))
    }

    @Test("a missing comma between entries stops the capture with a located problem")
    func missingComma() throws {
        let entries = readCapture(#"{"log":{"entries":[\#(harEntry()) \#(harEntry())]}}"#)
        try #require(entries.count == 2)
        #expect(entries[1].codes == ["capture_invalid_json"])
        #expect(entries[1].problems[0].message.contains("expected `,` or `]` after entry 0"))
    }

    @Test("entries that are not objects are problem entries", arguments: ["42", "\"x\"", "null", "[1,2]", "true"])
    func nonObjectEntries(entry: String) throws {
        let entries = readCapture(harDocument([entry, harEntry()]))
        try #require(entries.count == 2)
        #expect(entries[0].codes == ["capture_wrong_type"])
        #expect(entries[0].exchange == nil)
        #expect(entries[1].exchange != nil)
    }

    @Test("wrong types lose only their own part of the entry")
    func wrongTypes() throws {
        let entries = readCapture(
            harDocument([
                harEntry(response: harResponse(status: #""200""#)),
                harEntry(requestHeaders: #"{"Accept":"x"}"#),
                harEntry(
                    requestHeaders:
                        #"[{"name":"A","value":"1"},"oops",{"name":"B","value":2},{"name":"C","value":"3"}]"#),
                #"{"request":{"method":5,"url":"/x"}}"#,
                #"{"response":{"status":200}}"#,
                #"{"request":[],"response":{}}"#,
                harEntry(response: harResponse(status: "200.5")),
                harEntry(response: harResponse(status: "-1")),
                harEntry(response: #""no""#),
                harEntry(response: harResponse(content: #"{"size":"big","text":7}"#)),
            ]))
        try #require(entries.count == 10)
        #expect(entries[0].codes == ["capture_wrong_type"])
        #expect(entries[0].exchange?.request.method == "GET")
        #expect(entries[0].exchange?.response == nil)

        #expect(entries[1].codes == ["capture_wrong_type"])
        #expect(entries[1].problems[0].message == "`request.headers` is an object; expected an array")
        #expect(entries[1].exchange?.request.headers == [])

        #expect(entries[2].codes == ["capture_wrong_type", "capture_wrong_type"])
        #expect(
            entries[2].problems.map(\.pointer) == [["request", "headers", "1"], ["request", "headers", "2", "value"]])
        #expect(entries[2].exchange?.request.headers.map(\.name) == ["A", "C"])

        #expect(entries[3].exchange == nil)
        #expect(entries[3].problems[0].message == "`request.method` is a number (5); expected a string")
        #expect(entries[4].exchange == nil)
        #expect(entries[4].codes == ["capture_missing_field"])
        #expect(entries[4].problems[0].message == "the entry has no `request`")
        #expect(entries[5].exchange == nil)
        #expect(entries[5].codes == ["capture_wrong_type"])
        #expect(entries[6].codes == ["capture_invalid_value"])
        #expect(entries[7].codes == ["capture_invalid_value"])
        #expect(entries[8].codes == ["capture_wrong_type"])
        #expect(entries[8].exchange?.response == nil)
        #expect(entries[9].codes == ["capture_wrong_type", "capture_wrong_type", "capture_truncated_body"])
        #expect(entries[9].exchange?.response?.body?.isTruncated == true)
    }

    @Test("NUL bytes: inside a string they break that entry; between entries they stop the capture")
    func nulBytes() throws {
        let inString = Array(
            harDocument([harEntry(), #"{"request":{"method":"GET","url":"/a\#u{0}b"}}"#, harEntry()]).utf8)
        let entries = readCapture(bytes: inString)
        try #require(entries.count == 3)
        #expect(entries[1].codes == ["capture_invalid_json"])
        #expect(entries[1].problems[0].message.contains("U+0000"))
        #expect(entries[2].exchange != nil)

        let between = Array(#"{"log":{"entries":[\#(harEntry())"#.utf8) + [0, 0] + Array(",\(harEntry())]}}".utf8)
        let stopped = readCapture(bytes: between)
        try #require(stopped.count == 2)
        #expect(stopped[1].codes == ["capture_invalid_json"])
        #expect(stopped[1].problems[0].message.contains("byte 0x00"))

        let onlyNul = readCapture(bytes: [0, 0, 0, 0], format: nil)
        #expect(onlyNul.count == 1)
        #expect(onlyNul.first?.codes == ["capture_not_har"])
    }

    @Test("invalid UTF-8 is kept in bodies, replaced in names and values, and flagged")
    func invalidUTF8() throws {
        var bytes = Array(harDocument([harEntry(response: harResponse(content: #"{"size":4,"text":"aXXb"}"#))]).utf8)
        // Put the invalid bytes 0xFF 0xC3 in place of the "XX".
        let at = try #require(bytes.indices.first { bytes[$0] == UInt8(ascii: "X") })
        bytes[at] = 0xFF
        bytes[at + 1] = 0xC3
        let entries = readCapture(bytes: bytes)
        try #require(entries.count == 1)
        #expect(entries[0].codes == ["capture_invalid_utf8"])
        #expect(entries[0].problems[0].severity == .warning)
        #expect(entries[0].problems[0].location.offset == at)
        #expect(entries[0].exchange?.response?.body?.bytes == [UInt8(ascii: "a"), 0xFF, 0xC3, UInt8(ascii: "b")])
        #expect(entries[0].exchange?.response?.body?.text == nil)

        let fixed = Array(
            harDocument([harEntry(requestHeaders: #"[{"name":"X","value":"aZ"}]"#)]).utf8
        ).map { $0 == UInt8(ascii: "Z") ? 0xFE : $0 }
        let fixedEntries = readCapture(bytes: fixed)
        #expect(fixedEntries.first?.exchange?.request.headers.first?.value == "a\u{FFFD}")
        #expect(fixedEntries.first?.codes == ["capture_invalid_utf8"])
    }

    @Test("deeply nested JSON in a body is only bytes; deeply nested entries do not crash")
    func deepNesting() throws {
        let depth = 100_000
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let entries = readCapture(
            harDocument([harEntry(response: harResponse(content: #"{"size":\#(2 * depth),"text":"\#(nested)"}"#))]))
        try #require(entries.count == 1)
        #expect(entries[0].problems.isEmpty)
        #expect(entries[0].exchange?.response?.body?.bytes.count == 2 * depth)

        let hostile = readCapture(harDocument([#"{"x":\#(nested)}"#, harEntry()]))
        try #require(hostile.count == 2)
        #expect(hostile[0].codes == ["capture_missing_field"])
        #expect(hostile[1].exchange != nil)

        let unbalanced = readCapture(harDocument([String(repeating: "[", count: depth)]))
        #expect(unbalanced.count == 1)
        #expect(unbalanced.first?.codes == ["capture_invalid_json"])  // the document's `}` closes a `[`
        let endless = readCapture(#"{"log":{"entries":["# + String(repeating: "[", count: depth))
        #expect(endless.count == 1)
        #expect(endless.first?.codes == ["capture_truncated"])
    }

    @Test("an entry with a great many problems lists 100 and counts the rest")
    func manyProblems() throws {
        let headers = "[" + Array(repeating: "7", count: 50_000).joined(separator: ",\n") + "]"
        let entries = readCapture(harDocument([harEntry(requestHeaders: headers)]))
        try #require(entries.count == 1)
        let problems = entries[0].problems
        #expect(problems.count == 101)
        #expect(problems[99].location.line == entries[0].location.line + 99)
        #expect(problems[100].code == .captureTooManyProblems)
        #expect(problems[100].message == "49900 more problems in this entry are not listed")
        #expect(entries[0].exchange?.request.headers == [])
    }

    @Test("a read error part-way ends the capture with a capture_io_error entry")
    func readError() throws {
        struct Boom: Error, CustomStringConvertible {
            var description: String { "disk on fire" }
        }
        let text = Array(harDocument([harEntry(), harEntry()]).utf8)
        var calls = 0
        let reader = CaptureReader(name: "pipe", options: CaptureReader.Options(format: .har, chunkSize: 64)) {
            calls += 1
            if calls == 1 { return Array(text[..<(text.count - 10)]) }
            throw Boom()
        }
        let entries = Array(reader)
        try #require(entries.count == 2)
        #expect(entries[0].exchange != nil)
        #expect(entries[1].codes == ["capture_io_error"])
        #expect(entries[1].problems[0].message == "reading the capture failed: disk on fire")
        #expect(entries[1].location.line == 3)

        let lines = Array("{\"method\":\"GET\",\"url\":\"/a\"}\n\n{\"method\":".utf8)
        var sent = false
        let ndjson = CaptureReader(name: "pipe", options: CaptureReader.Options(format: .ndjson)) {
            if sent { throw Boom() }
            sent = true
            return lines
        }
        let ndjsonEntries = Array(ndjson)
        try #require(ndjsonEntries.count == 2)
        #expect(ndjsonEntries[1].codes == ["capture_io_error"])
        #expect(ndjsonEntries[1].location.line == 3)
    }

    @Test("a file that cannot be opened throws; nothing else does")
    func unopenable() throws {
        #expect(throws: CaptureReadError.self) { try CaptureReader(path: "/nonexistent/dir/x.har") }
        let error = try #require(throws: CaptureReadError.self) { try CaptureReader(path: "/tmp") }
        #expect(error.reason == "it is a directory")
        #expect(error.description.hasPrefix("cannot read the capture /tmp"))
    }
}
