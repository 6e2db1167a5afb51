import FlowSpecLint
import FlowSpecModel
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ReporterJUnitTests {
    @Test func goldenReport() {
        let expected = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="flowspec" tests="6" failures="1" errors="0">
              <testsuite name="specs/flows.yaml" tests="5" failures="1" errors="0" skipped="0">
                <testcase name="spec-license at /info" classname="specs/flows.yaml">
                  <system-out>specs/flows.yaml: info: the spec has no license [spec-license]
            pointer: /info</system-out>
                </testcase>
                <testcase name="info-title-ascii at /info/title" classname="specs/flows.yaml">
                  <failure message="the title has characters outside ASCII" type="info-title-ascii">specs/flows.yaml:3:10: error: the title has characters outside ASCII [info-title-ascii]
            help: keep the title ASCII for old clients
            pointer: /info/title</failure>
                </testcase>
                <testcase name="description-length at /paths/~1flows" classname="specs/flows.yaml">
                  <system-out>specs/flows.yaml:6:3: warning: the description is \#(ReporterFixtures.longWord) [description-length]
            pointer: /paths/~1flows</system-out>
                </testcase>
                <testcase name="operation-operationId at /paths/~1flows/get" classname="specs/flows.yaml">
                  <system-out>specs/flows.yaml:7:5: warning: the operation has no operationId [operation-operationId]
            help: add `operationId: listFlows`
            pointer: /paths/~1flows/get</system-out>
                </testcase>
                <testcase name="hostile-text at /paths/~1flows/get/responses" classname="specs/flows.yaml">
                  <system-out>specs/flows.yaml:8:9: hint: summary is \e[31mred\e[0m and has a NUL \0 here [hostile-text]
            pointer: /paths/~1flows/get/responses
            instance: header X-Trace /items/0</system-out>
                </testcase>
              </testsuite>
              <testsuite name="specs/clean.yaml" tests="1" failures="0" errors="0" skipped="0">
                <testcase name="no problems" classname="specs/clean.yaml"/>
              </testsuite>
            </testsuites>

            """#
        #expect(JUnitReporter().render(ReporterFixtures.report) == expected)
    }

    @Test func failSeverityDecidesWhatFails() {
        let output = JUnitReporter(failSeverity: .warning).render(ReporterFixtures.report)
        #expect(output.contains(#"<testsuites name="flowspec" tests="6" failures="3" errors="0">"#))
        #expect(output.contains(#"<failure message="the operation has no operationId" type="operation-operationId">"#))
    }

    @Test func outputIsWellFormedXMLEvenForHostileText() {
        let diagnostic = Diagnostic(
            code: "r<&>", severity: .error, message: "a \"quoted\" 'one' <tag> & \u{1B}[0m \u{0} \u{FFFE}",
            location: SourceLocation(file: "x&y.yaml", line: 1, column: 1), hint: "line\nbreak")
        let report = LintReport(
            tool: ToolInfo(version: "1"), files: [FileResult(path: "x&y.yaml", diagnostics: [diagnostic])])
        let output = JUnitReporter().render(report)
        let parser = XMLParser(data: Data(output.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(output)")
        #expect(output.contains(#"message="a &quot;quoted&quot; &apos;one&apos; &lt;tag&gt; &amp; \e[0m \0 \u{fffe}""#))
    }

    @Test func emptyReportIsAnEmptySuiteList() {
        let output = JUnitReporter().render(LintReport(tool: ToolInfo(version: "1"), files: []))
        #expect(
            output == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="flowspec" tests="0" failures="0" errors="0">
                </testsuites>

                """)
    }
}
