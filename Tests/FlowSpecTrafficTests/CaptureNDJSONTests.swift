import FlowSpecModel
import Testing

@testable import FlowSpecTraffic

@Suite("NDJSON capture reading")
struct CaptureNDJSONTests {
    static let lines = [
        #"{"method":"POST","url":"https://api.test/v1/flows?x=1","requestHeaders":{"Content-Type":"application/json","Accept":["a/b","c/d"]},"requestBody":"{\"a\":1}","status":201,"responseHeaders":[["Content-Type","application/json"],["Set-Cookie","s=1; Path=/"]],"responseBody":{"id":"f1","n":[1,2]},"startedAt":"2025-01-01T00:00:00Z","durationMs":3.5,"comment":"c","_bench":{"expect":"valid"}}"#,
        #"{"method":"GET","url":"/v1/ping"}"#,
        #"{"method":"PUT","url":"/v1/blob","requestHeaders":[{"name":"Content-Type","value":"application/octet-stream"}],"requestBody":"AAEC","requestBodyEncoding":"base64","status":0}"#,
    ]

    @Test("the flat shape is read with every part")
    func flatShape() throws {
        let entries = readCapture(Self.lines.joined(separator: "\n") + "\n", name: "t.ndjson", format: .ndjson)
        try #require(entries.count == 3)
        #expect(entries.allSatisfy { $0.problems.isEmpty })
        #expect(entries.map(\.location.line) == [1, 2, 3])
        #expect(entries[1].location.offset == Self.lines[0].utf8.count + 1)

        let first = try #require(entries[0].exchange)
        #expect(first.request.method == "POST")
        #expect(first.request.path == "/v1/flows")
        #expect(
            first.request.headers == [
                CapturedHeader(name: "Content-Type", value: "application/json"),
                CapturedHeader(name: "Accept", value: "a/b"), CapturedHeader(name: "Accept", value: "c/d"),
            ])
        #expect(first.request.body?.string == #"{"a":1}"#)
        #expect(first.request.body?.mimeType == "application/json")
        let response = try #require(first.response)
        #expect(response.status == 201)
        #expect(response.headers.map(\.name) == ["Content-Type", "Set-Cookie"])
        #expect(response.cookies == [CapturedCookie(name: "s", value: "1")])
        #expect(response.body?.string == #"{"id":"f1","n":[1,2]}"#)
        #expect(first.startedAt == "2025-01-01T00:00:00Z")
        #expect(first.timeMs == 3.5)
        #expect(first.comment == "c")
        #expect(first.extensions == ["_bench": #"{"expect":"valid"}"#])

        let second = try #require(entries[1].exchange)
        #expect(second.request.body == nil)
        #expect(second.response == nil)
        #expect(second.request.host == nil)

        let third = try #require(entries[2].exchange)
        #expect(third.request.body?.bytes == [0, 1, 2])
        #expect(third.response == nil)
    }

    @Test("a line may hold a HAR entry")
    func harEntryLines() throws {
        let text = harEntry(url: "https://a.test/1") + "\n" + Self.lines[1] + "\n"
        let entries = readCapture(text, name: "t.jsonl", format: .ndjson)
        try #require(entries.count == 2)
        #expect(entries.allSatisfy { $0.problems.isEmpty })
        #expect(entries[0].exchange?.request.url == "https://a.test/1")
        #expect(entries[0].exchange?.response?.status == 200)
        #expect(entries[1].exchange?.request.url == "/v1/ping")
    }

    @Test("blank lines are skipped, CRLF is accepted and the last line needs no newline")
    func lineEndings() throws {
        let text = "\r\n" + Self.lines[1] + "\r\n\n   \n" + Self.lines[2]
        let entries = readCapture(text, format: .ndjson)
        try #require(entries.count == 2)
        #expect(entries.map(\.index) == [0, 1])
        #expect(entries.map(\.location.line) == [2, 5])
        #expect(entries.allSatisfy { $0.problems.isEmpty })
    }

    @Test("a broken line is an entry of its own, and reading goes on with the next line")
    func brokenLines() throws {
        let text = [Self.lines[1], #"{"method":"GET","url":"#, "not json", "[1]", #"{"url":"/x"}"#, Self.lines[1]]
            .joined(separator: "\n")
        let entries = readCapture(text, format: .ndjson)
        try #require(entries.count == 6)
        #expect(entries.map(\.index) == Array(0..<6))
        #expect(entries[1].codes == ["capture_invalid_json"])
        #expect(entries[1].problems[0].location.line == 2)
        #expect(entries[2].codes == ["capture_invalid_json"])
        #expect(entries[3].codes == ["capture_wrong_type"])
        #expect(entries[4].codes == ["capture_missing_field"])
        #expect(entries[4].problems[0].message == "the entry has no `method`")
        #expect(entries[5].exchange != nil)
    }

    @Test("response parts without a status are reported; bad statuses and headers are located")
    func responseProblems() throws {
        let all = readCapture(
            [
                #"{"method":"GET","url":"/a","responseBody":"x"}"#,
                #"{"method":"GET","url":"/a","status":null,"responseHeaders":{}}"#,
                #"{"method":"GET","url":"/a","status":"200"}"#,
                #"{"method":"GET","url":"/a","status":2000}"#,
                #"{"method":"GET","url":"/a","requestHeaders":"Accept: x"}"#,
                #"{"method":"GET","url":"/a","requestHeaders":{"A":1,"B":["x",2]},"status":200,"responseHeaders":[["A"],["B","b"],{"name":"C","value":"c"}]}"#,
            ].joined(separator: "\n"), format: .ndjson)
        try #require(all.count == 6)
        #expect(all[0].codes == ["capture_missing_field"])
        #expect(all[0].exchange?.response == nil)
        let entries = Array(all.dropFirst())
        #expect(entries[0].codes == ["capture_missing_field"])
        #expect(entries[1].codes == ["capture_wrong_type"])
        #expect(entries[2].codes == ["capture_invalid_value"])
        #expect(entries[3].codes == ["capture_wrong_type"])
        #expect(entries[4].codes == ["capture_wrong_type", "capture_wrong_type", "capture_wrong_type"])
        #expect(
            entries[4].problems.map(\.pointer) == [
                ["requestHeaders", "A"], ["requestHeaders", "B", "1"], ["responseHeaders", "0"],
            ])
        #expect(entries[4].exchange?.request.headers == [CapturedHeader(name: "B", value: "x")])
        #expect(entries[4].exchange?.response?.headers.map(\.name) == ["B", "C"])
    }

    @Test("truncation flags and invalid base64 in NDJSON bodies")
    func bodyFlags() throws {
        let entries = readCapture(
            [
                #"{"method":"POST","url":"/a","requestBody":"ab","requestBodyTruncated":true}"#,
                #"{"method":"POST","url":"/a","requestBody":"!!!!","requestBodyEncoding":"base64"}"#,
                #"{"method":"POST","url":"/a","requestBody":"x","requestBodyEncoding":"rot13"}"#,
            ].joined(separator: "\n"), format: .ndjson)
        try #require(entries.count == 3)
        #expect(entries[0].codes == ["capture_truncated_body"])
        #expect(entries[0].exchange?.request.body?.isTruncated == true)
        #expect(entries[1].codes == ["capture_invalid_base64"])
        #expect(entries[1].exchange?.request.body?.bytes == [])
        #expect(entries[2].codes == ["capture_invalid_value"])
        #expect(entries[2].exchange?.request.body?.string == "x")
    }

    @Test("a line larger than the budget is skipped with a problem, and the next line is read")
    func oversizedLine() throws {
        let big = #"{"method":"POST","url":"/a","requestBody":""# + String(repeating: "x", count: 50_000) + #""}"#
        let text = [Self.lines[1], big, Self.lines[1]].joined(separator: "\n")
        for chunkSize in [256, 4096, 1 << 20] {
            let entries = readCaptureInChunks(
                Array(text.utf8), chunkSize: chunkSize, format: .ndjson, maxEntryBytes: 10_000)
            try #require(entries.count == 3)
            #expect(entries[0].exchange != nil)
            #expect(entries[1].codes == ["capture_entry_too_large"])
            #expect(entries[1].problems[0].message.contains("\(big.utf8.count) bytes"))
            #expect(entries[1].location.line == 2)
            #expect(entries[2].exchange != nil)
            #expect(entries[2].location.line == 3)
        }
    }

    @Test("NDJSON read in tiny chunks gives the same entries", arguments: [1, 3, 17])
    func chunks(chunkSize: Int) throws {
        let text = Self.lines.joined(separator: "\n")
        let whole = readCapture(text, format: .ndjson)
        let pieces = readCaptureInChunks(Array(text.utf8), chunkSize: chunkSize, format: .ndjson)
        #expect(pieces.map(\.exchange) == whole.map(\.exchange))
        #expect(pieces.map(\.location.offset) == whole.map(\.location.offset))
        #expect(pieces.map(\.location.line) == whole.map(\.location.line))
    }
}

@Suite("Capture format detection")
struct CaptureFormatTests {
    @Test(
        "extensions name the format",
        arguments: [
            ("a.har", CaptureFormat.har), ("dir.v2/A.HAR", .har), ("x.ndjson", .ndjson), ("x.jsonl", .ndjson),
            ("x.ldjson", .ndjson),
        ])
    func extensions(path: String, format: CaptureFormat) {
        #expect(CaptureFormat(fileExtensionOf: path) == format)
    }

    @Test("other names leave it to the content", arguments: ["a.json", "-", "capture", "dir.har/file", ".har.txt"])
    func noExtension(path: String) {
        #expect(CaptureFormat(fileExtensionOf: path) == nil)
    }

    @Test(
        "content decides when the name does not",
        arguments: [
            (#"{"log":{"entries":[]}}"#, CaptureFormat.har),
            ("{\n  \"log\": {\n    \"entries\": []\n  }\n}\n", .har),
            ("\u{FEFF}{\"log\":{\"entries\":[]}}", .har),
            ("{\n  \"foo\": 1\n}", .har),
            (#"{"method":"GET","url":"/a"}"# + "\n" + #"{"method":"GET","url":"/b"}"#, .ndjson),
            (#"{"method":"GET","url":"/a","x":"{\n"}"#, .ndjson),
            ("[]", .har),
            ("", .har),
        ])
    func sniffing(text: String, format: CaptureFormat) {
        let reader = CaptureReader(bytes: Array(text.utf8), name: "capture.json")
        #expect(reader.format == format)
    }

    @Test("sniffing reads only as far as it must, whatever the chunking", arguments: [1, 2, 5, 1000])
    func sniffingInChunks(chunkSize: Int) {
        let cases: [(String, CaptureFormat)] = [
            ("\u{FEFF}  {\"log\":{\"entries\":[]}}", .har), (#"{"lo":1}"# + "\n", .ndjson), ("{\n\"x\":1}", .har),
            (#"{"method":"GET","url":"/a"}"#, .ndjson), ("\u{FEFF}", .har), ("{", .ndjson),
        ]
        for (text, format) in cases {
            let bytes = Array(text.utf8)
            var offset = 0
            let reader = CaptureReader(name: "-", options: CaptureReader.Options(chunkSize: chunkSize)) {
                guard offset < bytes.count else { return nil }
                defer { offset += chunkSize }
                return Array(bytes[offset..<min(offset + chunkSize, bytes.count)])
            }
            #expect(reader.format == format, "\(text)")
        }
        // A live stream: the first line decides before any more bytes are asked for.
        var calls = 0
        let live = CaptureReader(name: "-") {
            calls += 1
            return calls == 1 ? Array((#"{"method":"GET","url":"/a"}"# + "\n").utf8) : nil
        }
        #expect(live.format == .ndjson)
        #expect(calls == 1)

        // A long first line fed one byte at a time is looked at once, not once per byte.
        let long = Array((#"{"method":"GET","url":"/"# + String(repeating: "a", count: 60_000) + "\"}\n").utf8)
        var at = 0
        let trickle = CaptureReader(name: "-") {
            guard at < long.count else { return nil }
            defer { at += 1 }
            return [long[at]]
        }
        #expect(trickle.format == .ndjson)
        #expect(Array(trickle).first?.exchange?.request.path.count == 60_001)
    }

    @Test("files are read by path, with the format from the extension or the content")
    func files() throws {
        let har = try temporaryFile(Array(harDocument([harEntry()]).utf8), suffix: ".json")
        let ndjson = try temporaryFile(Array(#"{"method":"GET","url":"/a"}"#.utf8), suffix: ".jsonl")
        defer {
            _ = try? removeFile(har)
            _ = try? removeFile(ndjson)
        }
        let harReader = try CaptureReader(path: har)
        #expect(harReader.format == .har)
        #expect(harReader.name == har)
        let harEntries = Array(harReader)
        #expect(harEntries.count == 1)
        #expect(harEntries.first?.location.file == har)

        let ndjsonReader = try CaptureReader(path: ndjson)
        #expect(ndjsonReader.format == .ndjson)
        #expect(Array(ndjsonReader).first?.exchange?.request.url == "/a")

        let forced = try CaptureReader(path: ndjson, options: CaptureReader.Options(format: .har))
        #expect(Array(forced).first?.codes == ["capture_not_har"])
    }
}
