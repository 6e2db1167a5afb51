import FlowSpecLint
import FlowSpecModel
import Foundation
import Testing

@Suite struct ReporterJSONTests {
    @Test func goldenReport() {
        let expected = #"""
            {
              "version": 1,
              "tool": {
                "name": "flowspec",
                "version": "1.2.0",
                "informationUri": "https://example.com/flowspec"
              },
              "files": [
                {
                  "path": "specs/flows.yaml",
                  "diagnostics": [
                    {
                      "code": "spec-license",
                      "severity": "info",
                      "message": "the spec has no license",
                      "location": null,
                      "pointer": "/info",
                      "instancePointer": null,
                      "instanceLocation": null,
                      "hint": null,
                      "related": []
                    },
                    {
                      "code": "info-title-ascii",
                      "severity": "error",
                      "message": "the title has characters outside ASCII",
                      "location": {
                        "file": "specs/flows.yaml",
                        "line": 3,
                        "column": 10,
                        "endLine": 3,
                        "endColumn": 20,
                        "offset": 30,
                        "endOffset": null
                      },
                      "pointer": "/info/title",
                      "instancePointer": null,
                      "instanceLocation": null,
                      "hint": "keep the title ASCII for old clients",
                      "related": []
                    },
                    {
                      "code": "description-length",
                      "severity": "warn",
                      "message": "the description is \#(ReporterFixtures.longWord)",
                      "location": {
                        "file": "specs/flows.yaml",
                        "line": 6,
                        "column": 3,
                        "endLine": 6,
                        "endColumn": 9,
                        "offset": 57,
                        "endOffset": null
                      },
                      "pointer": "/paths/~1flows",
                      "instancePointer": null,
                      "instanceLocation": null,
                      "hint": null,
                      "related": []
                    },
                    {
                      "code": "operation-operationId",
                      "severity": "warn",
                      "message": "the operation has no operationId",
                      "location": {
                        "file": "specs/flows.yaml",
                        "line": 7,
                        "column": 5,
                        "endLine": 7,
                        "endColumn": 8,
                        "offset": 72,
                        "endOffset": null
                      },
                      "pointer": "/paths/~1flows/get",
                      "instancePointer": null,
                      "instanceLocation": null,
                      "hint": "add `operationId: listFlows`",
                      "related": []
                    },
                    {
                      "code": "hostile-text",
                      "severity": "hint",
                      "message": "summary is \u001b[31mred\u001b[0m and has a NUL \u0000 here",
                      "location": {
                        "file": "specs/flows.yaml",
                        "line": 8,
                        "column": 9,
                        "endLine": 8,
                        "endColumn": 22,
                        "offset": 85,
                        "endOffset": null
                      },
                      "pointer": "/paths/~1flows/get/responses",
                      "instancePointer": "/items/0",
                      "instanceLocation": "header X-Trace",
                      "hint": null,
                      "related": [
                        {
                          "file": "specs/flows.yaml",
                          "line": 6,
                          "column": 3,
                          "endLine": null,
                          "endColumn": null,
                          "offset": 0,
                          "endOffset": null
                        }
                      ]
                    }
                  ]
                },
                {
                  "path": "specs/clean.yaml",
                  "diagnostics": []
                }
              ],
              "summary": {
                "errors": 1,
                "warnings": 2,
                "infos": 1,
                "hints": 1,
                "total": 5,
                "suppressed": 0,
                "baselined": 0
              }
            }

            """#
        #expect(JSONReporter().render(ReporterFixtures.report) == expected)
    }

    @Test func stringsAreKeptWholeAndExact() throws {
        let output = JSONReporter(pretty: false).render(ReporterFixtures.report)
        let object = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let diagnostics = try #require(files.first?["diagnostics"] as? [[String: Any]])
        let messages = diagnostics.compactMap { $0["message"] as? String }
        #expect(messages.contains(ReporterFixtures.hostile))
        #expect(messages.contains("the description is \(ReporterFixtures.longWord)"))
    }

    @Test func compactFormIsOneLine() {
        let report = LintReport(tool: ToolInfo(version: "1.0.0"), files: [FileResult(path: "a.yaml", diagnostics: [])])
        let expected =
            #"{"version":1,"tool":{"name":"flowspec","version":"1.0.0","informationUri":null},"#
            + #""files":[{"path":"a.yaml","diagnostics":[]}],"#
            + #""summary":{"errors":0,"warnings":0,"infos":0,"hints":0,"total":0,"suppressed":0,"baselined":0}}"#
            + "\n"
        #expect(JSONReporter(pretty: false).render(report) == expected)
    }

    @Test func escapesQuotesBackslashesAndSeparators() {
        let diagnostic = Diagnostic(code: "r", severity: .error, message: "say \"hi\" \\ \u{8}\u{C}\u{2028}")
        let report = LintReport(tool: ToolInfo(version: "1"), files: [FileResult(path: "a", diagnostics: [diagnostic])])
        #expect(JSONReporter().render(report).contains(#""message": "say \"hi\" \\ \b\f\u2028""#))
    }
}
