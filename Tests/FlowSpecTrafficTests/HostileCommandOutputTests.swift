import FlowSpecModel
import Foundation
import Testing

@testable import FlowSpecTraffic

/// Every text output path, not only `lint`'s: `validate`'s report, and `inspect` and `check` in the
/// built binary, print input text escaped and shortened, and their JSON keeps it whole
/// (docs/security.md, "Messages"). `HostileMessageTests` covers `lint`.
@Suite("Hostile messages: validate, inspect and check output")
struct HostileCommandOutputTests {
    /// ESC sequences that clear the screen and retitle the window, a bell, NUL and a right-to-left
    /// override, as the input holds them.
    static let hostile = "x\u{1B}[2J\u{1B}]0;pwned\u{07}\u{0}\u{202E}y"
    /// Long enough to flood a terminal.
    static let long = "L" + String(repeating: "o", count: 20_000) + "ng"

    /// No terminal control (other than the line feed) reaches the text.
    static func expectTerminalSafe(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(
            HostileMessageTests.rawControls(in: text).isEmpty, "raw control characters in:\n\(text.prefix(2_000))",
            sourceLocation: sourceLocation)
        #expect(
            !text.contains(String(repeating: "o", count: 1_000)), "a long string is not shortened",
            sourceLocation: sourceLocation)
    }

    /// Every string in a JSON document (keys and values).
    static func strings(inJSON text: String) throws -> [String] {
        var found: [String] = []
        func walk(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                found += dictionary.keys
                dictionary.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            } else if let string = value as? String {
                found.append(string)
            }
        }
        walk(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        return found
    }

    // MARK: validate's reporter

    /// A report whose every input-derived field carries hostile text.
    static var report: TrafficReport {
        let finding = Diagnostic(
            code: "body-invalid", severity: .error, message: "member \(hostile) is not allowed; \(long)",
            location: FlowSpecModel.SourceLocation(file: "spec\(hostile).yaml", line: 3, column: 5),
            instancePointer: JSONPointer([hostile, long]), instanceLocation: "header \(hostile)",
            hint: "remove \(hostile)")
        let entry = TrafficEntryReport(
            index: 0, capture: "capture\(hostile).har", method: "PO\(hostile)ST", url: "https://x.example/\(hostile)",
            status: 200, findings: [finding])
        let coverage = TrafficCoverage(operations: [
            .init(
                id: "op\(hostile)", method: "post", path: "/a\(hostile)", requestMediaTypes: ["application/\(hostile)"],
                responseStatuses: ["2\(hostile)"])
        ])
        return TrafficReport(
            spec: "spec\(hostile).yaml", captures: ["capture\(hostile).har"], entries: [entry],
            captureFindings: [finding], coverage: coverage)
    }

    @Test("validate's text report escapes the method, URL, body pointer, spec file and coverage table")
    func validateText() {
        let text = TrafficTextReporter(colour: false, coverage: true).render(Self.report)
        Self.expectTerminalSafe(text)
        #expect(text.contains("POx\\e[2J\\e]0;pwned\\x07\\0\\u{202e}yST"), "the method is escaped:\n\(text)")
        #expect(text.contains("/ax\\e[2J"), "the coverage table's path is escaped")
        #expect(text.contains("characters omitted"))
    }

    @Test("validate's JSON report keeps the same text whole")
    func validateJSON() throws {
        let strings = try Self.strings(inJSON: TrafficJSONReporter().render(Self.report))
        #expect(strings.contains { $0.contains("member \(Self.hostile) is not allowed; \(Self.long)") })
        #expect(strings.contains("PO\(Self.hostile)ST"))
        #expect(strings.contains { $0.contains(Self.long) }, "the body pointer keeps the long member name")
    }

    // MARK: The built binary: inspect, check, validate

    /// A spec with hostile text in its title, server, path, operation id, media type and an
    /// unresolvable reference (a load diagnostic that quotes it), written as YAML escapes.
    static let spec = """
        openapi: 3.1.0
        info: {title: "T\\e]0;pwned\\a", version: "1\\0"}
        servers: [{url: "https://{host}.example", variables: {host: {default: x, enum: [x, "\\e[2J"]}}}]
        paths:
          /plain:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Body"}
              responses:
                "200": {description: ok}
          "/a\\e[31m":
            post:
              operationId: "op\\u202Eevil"
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Body"}
              responses:
                "200": {description: ok}
        components:
          schemas:
            Body:
              type: object
              properties:
                name: {type: string, enum: ["ok"]}
              additionalProperties: false
            Broken: {$ref: "#/components/schemas/\\e[31mRed\\x07\(long)"}

        """

    /// A body whose member name and value are hostile: one member too many, one value off the enum.
    static let body = """
        {"\(jsonEscaped(hostile + long))": 1, "name": "\(jsonEscaped(hostile))"}
        """

    static func jsonEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\"" || scalar == "\\" {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A HAR capture of one request with the hostile body to a plain path, so that it is routed and
    /// the body validated (the reporter's own test covers a hostile URL).
    static var capture: String {
        let url = "https://x.example/plain"
        return """
            {"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [
              {"startedDateTime": "2024-01-01T00:00:00Z", "time": 1,
               "request": {"method": "POST", "url": "\(url)", "httpVersion": "HTTP/1.1", "headers": [
                 {"name": "Content-Type", "value": "application/json"}], "queryString": [], "cookies": [],
                 "headersSize": -1, "bodySize": -1,
                 "postData": {"mimeType": "application/json", "text": "\(jsonEscaped(body))"}},
               "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [],
                 "cookies": [], "content": {"size": 0, "mimeType": "text/plain", "text": ""},
                 "redirectURL": "", "headersSize": -1, "bodySize": -1},
               "cache": {}, "timings": {"send": 0, "wait": 0, "receive": 0}}]}}
            """
    }

    /// Runs the built `flowspec` with `arguments` in a folder holding the spec, the body and the
    /// capture; returns standard output and error together.
    static func run(_ arguments: [String], spec: String = spec) throws -> String {
        let files = ["openapi.yaml": Array(spec.utf8), "body.json": Array(body.utf8), "capture.har": Array(capture.utf8)]
        return String(decoding: try HostileMessageTests.runFlowspec(files: files) { _ in arguments }, as: UTF8.self)
    }

    @Test(
        "flowspec inspect escapes the spec's title, server, path, operation id and diagnostics in text",
        .enabled(if: HostileMessageTests.binary != nil, "the flowspec binary is not built beside the tests"))
    func inspect() throws {
        let text = try Self.run(["inspect", "openapi.yaml"])
        Self.expectTerminalSafe(text)
        #expect(text.contains("\"T\\e]0;pwned\\x07\""), "the title is escaped:\n\(text)")
        #expect(text.contains("/a\\e[31m"))
        #expect(text.contains("op\\u{202e}evil"))
        #expect(text.contains("x|\\e[2J"), "the server variable's values are escaped")
        #expect(text.contains("characters omitted"), "the long reference is shortened")

        let strings = try Self.strings(inJSON: try Self.run(["inspect", "openapi.yaml", "--format", "json"]))
        #expect(strings.contains("T\u{1B}]0;pwned\u{07}"))
        #expect(strings.contains("/a\u{1B}[31m"))
        #expect(strings.contains { $0.contains("\u{1B}[31mRed\u{07}" + Self.long) }, "the diagnostic keeps the reference whole")
    }

    @Test(
        "flowspec check escapes the body's member names and values in text",
        .enabled(if: HostileMessageTests.binary != nil, "the flowspec binary is not built beside the tests"))
    func check() throws {
        let arguments = ["check", "--spec", "openapi.yaml", "--schema", "#/components/schemas/Body", "body.json"]
        let text = try Self.run(arguments)
        Self.expectTerminalSafe(text)
        #expect(text.contains("body.json: invalid"), "the body is checked:\n\(text)")
        #expect(text.contains("\\e[2J"))

        let strings = try Self.strings(inJSON: try Self.run(arguments + ["--format", "json"]))
        #expect(strings.contains { $0.contains(Self.hostile + Self.long) }, "the JSON keeps the member name whole")
    }

    @Test(
        "flowspec validate escapes the capture's body member names in text",
        .enabled(if: HostileMessageTests.binary != nil, "the flowspec binary is not built beside the tests"))
    func validate() throws {
        let arguments = ["validate", "--spec", "openapi.yaml", "capture.har", "--no-color"]
        // Without the broken reference, which makes the spec unusable for validation.
        let spec = Self.spec.split(separator: "\n").filter { !$0.contains("Broken:") }.joined(separator: "\n")
        let text = try Self.run(arguments + ["--format", "text"], spec: spec)
        Self.expectTerminalSafe(text)
        #expect(text.contains("capture.har entry 0"), "the entry is reported:\n\(text.prefix(3_000))")
        #expect(text.contains("\\e[2J"))

        let strings = try Self.strings(inJSON: try Self.run(arguments + ["--format", "json"], spec: spec))
        #expect(strings.contains { $0.contains(Self.hostile + Self.long) }, "the JSON keeps the member name whole")
    }
}
