import FlowSpecModel
import Foundation
import Testing

@testable import FlowSpecLint

/// Validates SARIF against the SARIF 2.1.0 JSON schema with Python's `jsonschema` (the project's own
/// JSON Schema engine lives on another branch for now).
enum SarifSchema {
    /// `<package root>/../shared/conformance/sarif/sarif-schema-2.1.0.json`.
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/sarif/sarif-schema-2.1.0.json").path

    static let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        document = json.loads(sys.stdin.read())
        validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    /// Whether python3 with jsonschema and the schema file are there; the test is skipped otherwise.
    static let available: Bool = {
        guard FileManager.default.fileExists(atPath: schemaPath) else { return false }
        return (try? run(["-c", "import jsonschema"], input: "").status) == 0
    }()

    static func run(_ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The schema violations in `sarif`, one per line; empty when it is valid.
    static func violations(_ sarif: String) throws -> String {
        let result = try run(["-c", script, schemaPath], input: sarif)
        return result.status == 0 ? "" : result.output.isEmpty ? "python exited \(result.status)" : result.output
    }
}

@Suite struct SarifReporterTests {
    static var edgeCaseReport: LintReport {
        LintReport(
            tool: ToolInfo(version: "dev-build"),
            files: [
                FileResult(
                    path: "/abs/dir with space/api.yaml",
                    diagnostics: [
                        Diagnostic(code: "load", severity: .error, message: "no file at all"),
                        Diagnostic(
                            code: "x", severity: .hint, message: "m",
                            location: SourceLocation(file: "/abs/dir with space/api.yaml", line: 1, column: 1)),
                    ]),
                FileResult(path: "", diagnostics: [Diagnostic(code: "y", severity: .info, message: "nowhere")]),
            ])
    }

    @Test(
        .enabled(
            if: SarifSchema.available,
            "needs python3 with the jsonschema package and ../shared/conformance/sarif/sarif-schema-2.1.0.json"),
        arguments: [0, 1, 2, 3])
    func validatesAgainstTheSarifSchema(variant: Int) throws {
        let output: String
        switch variant {
        case 0: output = SARIFReporter().render(ReporterFixtures.report)
        case 1: output = SARIFReporter(sourceRoot: "/work/repo").render(ReporterFixtures.report)
        case 2: output = SARIFReporter().render(Self.edgeCaseReport)
        default: output = SARIFReporter(pretty: false).render(LintReport(tool: ToolInfo(version: "1.0.0"), files: []))
        }
        #expect(try SarifSchema.violations(output) == "")
    }

    @Test(.enabled(if: SarifSchema.available, "needs python3 with jsonschema and the SARIF schema"))
    func theSchemaCheckRejectsBadSarif() throws {
        let bad =
            #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}"#
        #expect(try SarifSchema.violations(bad).contains("runs/0/results/0/level"))
    }

    func parsed(_ report: LintReport, reporter: SARIFReporter = SARIFReporter()) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(reporter.render(report).utf8))
        return try #require(object as? [String: Any])
    }

    func run(_ document: [String: Any]) throws -> [String: Any] {
        let runs = try #require(document["runs"] as? [[String: Any]])
        return try #require(runs.first)
    }

    @Test func runHeaderAndRules() throws {
        let document = try parsed(ReporterFixtures.report)
        #expect(document["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(document["version"] as? String == "2.1.0")
        let run = try run(document)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "flowspec")
        #expect(driver["informationUri"] as? String == "https://example.com/flowspec")
        #expect(driver["semanticVersion"] as? String == "1.2.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(
            rules.map { $0["id"] as? String } == [
                "operation-operationId", "info-title-ascii", "description-length", "hostile-text", "spec-license",
            ])
        #expect(rules[0]["name"] as? String == "OperationOperationId")
        #expect(
            (rules[0]["shortDescription"] as? [String: Any])?["text"] as? String
                == "Every operation has an operationId.")
        #expect(
            (rules[0]["fullDescription"] as? [String: Any])?["text"] as? String
                == "Generated clients name their methods after operationId.")
        #expect(rules[0]["helpUri"] as? String == "https://example.com/rules#operation-operationId")
        #expect((rules[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect((rules[0]["properties"] as? [String: Any])?["tags"] as? [String] == ["operations", "naming"])
        #expect((rules[3]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
    }

    @Test func resultsPointAtTheirRulesAndPlaces() throws {
        let run = try run(try parsed(ReporterFixtures.report))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(results.map { $0["level"] as? String } == ["note", "error", "warning", "warning", "note"])
        let title = results[1]
        #expect(
            (title["message"] as? [String: Any])?["text"] as? String
                == "the title has characters outside ASCII\nHelp: keep the title ASCII for old clients")
        let physical = try #require(
            ((title["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "specs/flows.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region == ["startLine": 3, "startColumn": 10, "endLine": 3, "endColumn": 20])
        let hostile = results[4]
        #expect((hostile["message"] as? [String: Any])?["text"] as? String == ReporterFixtures.hostile)
        #expect((hostile["properties"] as? [String: String])?["instanceLocation"] == "header X-Trace")
        #expect((hostile["relatedLocations"] as? [[String: Any]])?.count == 1)
    }

    @Test func fingerprintsSurviveLineMovesAndCountRepeats() {
        func diagnostic(line: Int, pointer: JSONPointer) -> Diagnostic {
            Diagnostic(
                code: "r", severity: .warning, message: "found at line \(line)",
                location: SourceLocation(file: "./a.yaml", line: line, column: 1), pointer: pointer)
        }
        let before = SARIFReporter.fingerprint(diagnostic(line: 3, pointer: ["paths", "/a"]), defaultFile: "")
        let after = SARIFReporter.fingerprint(diagnostic(line: 30, pointer: ["paths", "/a"]), defaultFile: "")
        let elsewhere = SARIFReporter.fingerprint(diagnostic(line: 3, pointer: ["paths", "/b"]), defaultFile: "")
        #expect(before == after)
        #expect(before != elsewhere)
        #expect(before.count == 32)

        let report = LintReport(
            tool: ToolInfo(version: "1"),
            files: [
                FileResult(
                    path: "a.yaml",
                    diagnostics: [diagnostic(line: 1, pointer: ["x"]), diagnostic(line: 2, pointer: ["x"])])
            ])
        let output = SARIFReporter().render(report)
        #expect(
            output.contains(
                "\"\(SARIFReporter.fingerprintKey)\": \"\(SARIFReporter.fingerprint(diagnostic(line: 1, pointer: ["x"]), defaultFile: "")):1\""
            ))
        #expect(output.contains(":2\""))
    }

    @Test(arguments: [
        ("specs/api.yaml", "{\"uri\":\"specs/api.yaml\",\"uriBaseId\":\"%SRCROOT%\"}"),
        ("./specs/é 1.yaml", "{\"uri\":\"specs/%C3%A9%201.yaml\",\"uriBaseId\":\"%SRCROOT%\"}"),
        ("specs\\win.yaml", "{\"uri\":\"specs/win.yaml\",\"uriBaseId\":\"%SRCROOT%\"}"),
        ("a:b#c?.yaml", "{\"uri\":\"a%3Ab%23c%3F.yaml\",\"uriBaseId\":\"%SRCROOT%\"}"),
        ("/abs/dir with space/x.yaml", "{\"uri\":\"file:///abs/dir%20with%20space/x.yaml\"}"),
        ("C:\\work\\x.yaml", "{\"uri\":\"file:///C:/work/x.yaml\"}"),
    ])
    func artifactLocations(path: String, expected: String) {
        #expect(SARIFReporter.artifactLocation(path).serialized(pretty: false) == expected)
    }

    @Test func sourceRootBecomesOriginalUriBaseIds() throws {
        let run = try run(try parsed(ReporterFixtures.report, reporter: SARIFReporter(sourceRoot: "/work/my repo")))
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        #expect(bases == ["%SRCROOT%": ["uri": "file:///work/my%20repo/"]])
    }

    @Test func findingsWithoutAPlace() throws {
        let run = try run(try parsed(Self.edgeCaseReport))
        let results = try #require(run["results"] as? [[String: Any]])
        let fileLevel = try #require(
            (results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((fileLevel["region"] as? [String: Int]) == ["startLine": 1])
        #expect(
            (fileLevel["artifactLocation"] as? [String: String]) == ["uri": "file:///abs/dir%20with%20space/api.yaml"])
        #expect((results[2]["locations"] as? [Any])?.isEmpty == true)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["semanticVersion"] == nil)
        #expect(driver["version"] as? String == "dev-build")
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256KnownAnswers(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }
}
