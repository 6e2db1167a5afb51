import FlowSpecLint
import FlowSpecModel
import Testing

@Suite struct BaselineTests {
    func finding(
        _ code: DiagnosticCode, line: Int, pointer: JSONPointer?, message: String = "the operation has no operationId",
        file: String = "specs/api.yaml"
    ) -> Diagnostic {
        Diagnostic(
            code: code, severity: .warning, message: message,
            location: SourceLocation(file: file, line: line, column: 5),
            pointer: pointer)
    }

    var findings: [Diagnostic] {
        [
            finding("operation-operationId", line: 12, pointer: ["paths", "/flows", "get"]),
            finding("operation-operationId", line: 30, pointer: ["paths", "/flows", "post"]),
            finding("info-contact", line: 2, pointer: ["info"], message: "the spec has no contact"),
            finding("operation-operationId", line: 12, pointer: ["paths", "/flows", "get"]),
        ]
    }

    @Test func encodesSortedStableJSON() {
        let expected = """
            {
              "version": 1,
              "tool": "flowspec",
              "findings": [
                {
                  "rule": "info-contact",
                  "file": "specs/api.yaml",
                  "pointer": "/info",
                  "messageHash": "\(FindingIdentity(findings[2]).messageHash)",
                  "count": 1,
                  "message": "the spec has no contact"
                },
                {
                  "rule": "operation-operationId",
                  "file": "specs/api.yaml",
                  "pointer": "/paths/~1flows/get",
                  "messageHash": "\(FindingIdentity(findings[0]).messageHash)",
                  "count": 2,
                  "message": "the operation has no operationId"
                },
                {
                  "rule": "operation-operationId",
                  "file": "specs/api.yaml",
                  "pointer": "/paths/~1flows/post",
                  "messageHash": "\(FindingIdentity(findings[0]).messageHash)",
                  "count": 1,
                  "message": "the operation has no operationId"
                }
              ]
            }

            """
        #expect(String(decoding: Baseline(diagnostics: findings).encoded(), as: UTF8.self) == expected)
        #expect(Baseline(diagnostics: findings.reversed()).encoded() == Baseline(diagnostics: findings).encoded())
        #expect(FindingIdentity(findings[0]).messageHash.count == 16)
    }

    @Test func roundTrips() throws {
        let baseline = Baseline(diagnostics: findings)
        let decoded = try Baseline(decoding: baseline.encoded())
        #expect(decoded == baseline)
        #expect(decoded.count == 4)
    }

    @Test func identityIgnoresLinesColumnsNumbersAndSpacing() {
        let a = finding("r", line: 3, pointer: ["a"], message: "duplicate of  line 12\n(3 times)")
        var b = finding("r", line: 90, pointer: ["a"], message: " duplicate of line 140 (45 times) ")
        b.location?.column = 40
        #expect(FindingIdentity(a) == FindingIdentity(b))
        #expect(
            FindingIdentity.normalizedMessage("duplicate of  line 12\n(3 times)") == "duplicate of line # (# times)")
        #expect(FindingIdentity(a) != FindingIdentity(finding("r", line: 3, pointer: ["b"], message: a.message)))
        #expect(FindingIdentity(a) != FindingIdentity(finding("s", line: 3, pointer: ["a"], message: a.message)))
        #expect(FindingIdentity(a) != FindingIdentity(finding("r", line: 3, pointer: ["a"], message: "another text")))
        #expect(FindingIdentity(finding("r", line: 1, pointer: nil, file: "./x\\y.yaml")).file == "x/y.yaml")
    }

    @Test func knownFindingsSurviveLineMoves() {
        let baseline = Baseline(diagnostics: findings)
        let moved = findings.map { d -> Diagnostic in
            var copy = d
            copy.location?.line += 7
            return copy
        }
        let (new, known) = baseline.filter(moved)
        #expect(new.isEmpty)
        #expect(known == moved)
    }

    @Test func filteringIsAMultiset() {
        let baseline = Baseline(diagnostics: findings)
        let third = finding("operation-operationId", line: 40, pointer: ["paths", "/flows", "get"])
        let first = finding("operation-operationId", line: 12, pointer: ["paths", "/flows", "get"])
        let second = finding("operation-operationId", line: 13, pointer: ["paths", "/flows", "get"])
        // Given out of order: the latest in the file is the new one.
        let (new, known) = baseline.filter([third, first, second])
        #expect(new == [third])
        #expect(known == [first, second])

        let fixed = baseline.filter([first])
        #expect(fixed.new.isEmpty)
        #expect(fixed.known == [first])

        let other = finding("new-rule", line: 1, pointer: ["info"])
        #expect(baseline.filter([other]).new == [other])
    }

    @Test func findingsWithoutLocationUseTheFilePath() {
        let loose = Diagnostic(code: "spec-license", severity: .info, message: "no license", pointer: ["info"])
        let baseline = Baseline(files: [FileResult(path: "specs/api.yaml", diagnostics: [loose])])
        #expect(baseline.entries.map(\.identity.file) == ["specs/api.yaml"])
        #expect(baseline.filter([loose], defaultFile: "specs/api.yaml").known == [loose])
        #expect(baseline.filter([loose], defaultFile: "specs/other.yaml").new == [loose])
    }

    @Test func readsNewerFilesThatOnlyAddKeys() throws {
        let text =
            #"{"version": 1, "extra": true, "findings": [{"rule": "r", "file": "f", "pointer": "", "messageHash": "h", "note": "x"}]}"#
        let baseline = try Baseline(decoding: Array(text.utf8))
        #expect(
            baseline.entries == [
                Baseline.Entry(
                    identity: FindingIdentity(rule: "r", file: "f", pointer: "", messageHash: "h"), count: 1,
                    message: "")
            ])
    }

    @Test(arguments: [
        (
            "{\"version\": 1, \"findings\": [",
            "b.json:1:29: error: the baseline is not valid JSON: expected a value (the input ends early) [baseline-invalid]"
        ),
        (
            "{\"version\": 2, \"findings\": []}",
            "b.json:1:13: error: the baseline's version is 2; this flowspec reads version 1 [baseline-invalid]"
        ),
        ("{\"findings\": []}", "b.json:1:1: error: the baseline has no `version` [baseline-invalid]"),
        ("{\"version\": 1}", "b.json:1:1: error: the baseline has no `findings` list [baseline-invalid]"),
        (
            "{\"version\": 1, \"findings\": [3]}",
            "b.json:1:29: error: a finding in the baseline is not an object [baseline-invalid]"
        ),
        (
            "{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"file\": \"f\", \"pointer\": \"\", \"messageHash\": \"h\", \"count\": 0}]}",
            "b.json:1:100: error: `count` must be a whole number of at least 1 [baseline-invalid]"
        ),
        (
            "{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"file\": 1}]}",
            "b.json:1:29: error: a finding in the baseline has no string `file` [baseline-invalid]"
        ),
        ("[]", "b.json:1:1: error: the baseline must be a JSON object [baseline-invalid]"),
    ])
    func refusesBrokenFilesWithAPlace(text: String, expected: String) {
        #expect {
            try Baseline(decoding: Array(text.utf8), path: "b.json")
        } throws: { error in
            guard let error = error as? BaselineError else { return false }
            #expect(error.description.hasPrefix(expected), "\(error.description)")
            return true
        }
    }
}
