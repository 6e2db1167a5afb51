import FlowSpecLint
import FlowSpecModel
import Testing

@Suite struct ReporterTextTests {
    @Test func goldenReport() {
        let long = String(repeating: "x", count: 141)
        let tail = String(repeating: "x", count: 80)
        let expected = #"""
            specs/flows.yaml: info: the spec has no license [spec-license]
               = at: /info

            specs/flows.yaml:3:10: error: the title has characters outside ASCII [info-title-ascii]
             3 |   title: Café ☕ API
               |          ^^^^^^^^^^^
               = help: keep the title ASCII for old clients

            specs/flows.yaml:6:3: warning: the description is \#(long)…[9779 characters omitted]…\#(tail) [description-length]
             6 |   /flows:
               |   ^^^^^^

            specs/flows.yaml:7:5: warning: the operation has no operationId [operation-operationId]
             7 |     get:
               |     ^^^
               = help: add `operationId: listFlows`

            specs/flows.yaml:8:9: hint: summary is \e[31mred\e[0m and has a NUL \0 here [hostile-text]
             8 |       responses: {}
               |         ^^^^^^^^^^^
               = instance: header X-Trace /items/0
               = note: see specs/flows.yaml:6:3

            ✖ 5 problems (1 error, 2 warnings, 1 info, 1 hint)

            """#
        #expect(TextReporter().render(ReporterFixtures.report) == expected)
    }

    @Test func noColourMeansNoEscapeByteEvenForHostileInput() {
        let output = TextReporter(colour: false).render(ReporterFixtures.report)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func colourWrapsSeverityAndResets() {
        let report = LintReport(
            tool: ReporterFixtures.tool,
            files: [
                FileResult(
                    path: "a.yaml",
                    diagnostics: [Diagnostic(code: "r", severity: .error, message: "m")])
            ])
        let expected =
            "\u{1B}[1ma.yaml:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mm\u{1B}[0m \u{1B}[2m[r]\u{1B}[0m\n\n"
            + "\u{1B}[1;31m✖ 1 problem (1 error, 0 warnings, 0 infos, 0 hints)\u{1B}[0m\n"
        #expect(TextReporter(colour: true).render(report) == expected)
    }

    @Test func cleanReportSaysNoProblems() {
        let report = LintReport(tool: ReporterFixtures.tool, files: [FileResult(path: "a.yaml", diagnostics: [])])
        #expect(TextReporter().render(report) == "✔ no problems\n")
    }

    @Test func summaryMentionsHiddenFindings() {
        let summary = ReportSummary(warnings: 1, suppressed: 2, baselined: 3)
        #expect(
            TextReporter().summaryLine(summary)
                == "✖ 1 problem (0 errors, 1 warning, 0 infos, 0 hints); not shown: 3 known in the baseline, 2 suppressed"
        )
        #expect(
            TextReporter().summaryLine(ReportSummary(baselined: 1))
                == "✔ no problems; not shown: 1 known in the baseline")
    }

    @Test func longMinifiedLineShowsAWindowAroundTheFinding() {
        // A one-line JSON spec of 10,000 characters with the finding at column 5,001.
        let prefix = "{\"a\":\"" + String(repeating: "a", count: 4994)
        let line = prefix + "TARGET" + String(repeating: "b", count: 10_000 - prefix.count - 6)
        let location = SourceLocation(
            file: "min.json", line: 1, column: prefix.count + 1, offset: prefix.utf8.count, endLine: 1,
            endColumn: prefix.count + 7)
        let report = LintReport(
            tool: ReporterFixtures.tool,
            files: [
                FileResult(
                    path: "min.json",
                    diagnostics: [Diagnostic(code: "r", severity: .warning, message: "m", location: location)],
                    source: SourceText(line))
            ])
        let window = "…" + String(repeating: "a", count: 40) + "TARGET" + String(repeating: "b", count: 74) + "…"
        let expected = """
            min.json:1:5001: warning: m [r]
             1 | \(window)
               | \(String(repeating: " ", count: 41))^^^^^^

            ✖ 1 problem (0 errors, 1 warning, 0 infos, 0 hints)

            """
        #expect(TextReporter().render(report) == expected)
    }

    @Test func hostileSourceLineIsEscapedAndTheCaretFollows() {
        let source = "title: \"\u{1B}[2J\tok\"\n"
        // `ok` starts at column 14: `title: "` (8), ESC [ 2 J (4), a tab (1).
        let location = SourceLocation(file: "h.yaml", line: 1, column: 14, offset: 13, endLine: 1, endColumn: 16)
        let report = LintReport(
            tool: ReporterFixtures.tool,
            files: [
                FileResult(
                    path: "h.yaml",
                    diagnostics: [Diagnostic(code: "r", severity: .error, message: "m", location: location)],
                    source: SourceText(source))
            ])
        let expected = #"""
            h.yaml:1:14: error: m [r]
             1 | title: "\e[2J    ok"
               |                  ^^

            ✖ 1 problem (1 error, 0 warnings, 0 infos, 0 hints)

            """#
        #expect(TextReporter().render(report) == expected)
    }

    @Test func multiLineSpanUnderlinesToTheEndOfTheFirstLine() {
        let source = "paths:\n  /a:\n    get: {}\n"
        let location = SourceLocation(file: "m.yaml", line: 2, column: 3, offset: 9, endLine: 3, endColumn: 12)
        let report = LintReport(
            tool: ReporterFixtures.tool,
            files: [
                FileResult(
                    path: "m.yaml",
                    diagnostics: [Diagnostic(code: "r", severity: .info, message: "m", location: location)],
                    source: SourceText(source))
            ])
        #expect(TextReporter().render(report).contains(" 2 |   /a:\n   |   ^^^\n"))
    }

    @Test func locationPastTheEndOfTheFileHasNoFrame() {
        let location = SourceLocation(file: "s.yaml", line: 40, column: 1)
        let report = LintReport(
            tool: ReporterFixtures.tool,
            files: [
                FileResult(
                    path: "s.yaml",
                    diagnostics: [Diagnostic(code: "r", severity: .info, message: "m", location: location)],
                    source: SourceText("a: 1\n"))
            ])
        #expect(
            TextReporter().render(report)
                == "s.yaml:40:1: info: m [r]\n\n✖ 1 problem (0 errors, 0 warnings, 1 info, 0 hints)\n")
    }

    @Test func referencedFilesUseAdditionalSources() {
        let location = SourceLocation(file: "schemas/flow.yaml", line: 1, column: 1, endLine: 1, endColumn: 5)
        let report = LintReport(
            tool: ReporterFixtures.tool,
            files: [
                FileResult(
                    path: "api.yaml",
                    diagnostics: [Diagnostic(code: "r", severity: .info, message: "m", location: location)])
            ],
            additionalSources: ["schemas/flow.yaml": SourceText("type: object\n")])
        #expect(TextReporter().render(report).contains(" 1 | type: object\n   | ^^^^\n"))
    }
}

@Suite struct ReporterTerminalTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("\u{1B}[31mred", "\\e[31mred"),
        ("nul\u{0}", "nul\\0"),
        ("bell\u{07}", "bell\\x07"),
        ("del\u{7F}", "del\\x7f"),
        ("csi\u{9B}2J", "csi\\u{9b}2J"),
        ("rtl\u{202E}txt", "rtl\\u{202e}txt"),
        ("two\nlines\r", "two\\nlines\\r"),
        ("tab\there", "tab\\there"),
        ("regex ^\\d+$ stays", "regex ^\\d+$ stays"),
        ("Café ☕", "Café ☕"),
    ])
    func escapes(input: String, expected: String) {
        #expect(TerminalText.escaped(input) == expected)
    }

    @Test func keepsNewlinesWhenAsked() {
        #expect(TerminalText.escaped("a\nb\u{1B}", keepNewlines: true) == "a\nb\\e")
    }

    @Test func shortensWithACount() {
        let text = String(repeating: "a", count: 200) + String(repeating: "b", count: 100)
        let short = TerminalText.shortened(text, limit: 30)
        #expect(
            short == String(repeating: "a", count: 20) + "…[270 characters omitted]…"
                + String(repeating: "b", count: 10))
        #expect(TerminalText.shortened("short", limit: 30) == "short")
        #expect(TerminalText.shortened(String(repeating: "é", count: 240)) == String(repeating: "é", count: 240))
    }

    @Test func shortensBeforeEscapingSoCountsAreOfTheInput() {
        let text = String(repeating: "\u{0}", count: 300)
        let safe = TerminalText.safe(text, limit: 30)
        #expect(
            safe == String(repeating: "\\0", count: 20) + "…[270 characters omitted]…"
                + String(repeating: "\\0", count: 10))
    }
}
