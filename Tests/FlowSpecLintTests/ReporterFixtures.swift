import FlowSpecLint
import FlowSpecModel

/// A small fixed set of findings every reporter's golden test renders: a non-ASCII line, a finding
/// without a location, a hostile message (an ANSI sequence and a NUL) and a 10,000-character string.
enum ReporterFixtures {
    static let specPath = "specs/flows.yaml"

    static let specText = """
        openapi: 3.1.0
        info:
          title: Café ☕ API
          version: "1.0"
        paths:
          /flows:
            get:
              responses: {}

        """

    static let longWord = String(repeating: "x", count: 10_000)
    static let hostile = "summary is \u{1B}[31mred\u{1B}[0m and has a NUL \u{0} here"

    static var diagnostics: [Diagnostic] {
        [
            Diagnostic(
                code: "operation-operationId", severity: .warning, message: "the operation has no operationId",
                location: SourceLocation(file: specPath, line: 7, column: 5, offset: 72, endLine: 7, endColumn: 8),
                pointer: ["paths", "/flows", "get"], hint: "add `operationId: listFlows`"),
            Diagnostic(
                code: "info-title-ascii", severity: .error, message: "the title has characters outside ASCII",
                location: SourceLocation(file: specPath, line: 3, column: 10, offset: 30, endLine: 3, endColumn: 20),
                pointer: ["info", "title"], hint: "keep the title ASCII for old clients"),
            Diagnostic(
                code: "spec-license", severity: .info, message: "the spec has no license", pointer: ["info"]),
            Diagnostic(
                code: "hostile-text", severity: .hint, message: hostile,
                location: SourceLocation(file: specPath, line: 8, column: 9, offset: 85, endLine: 8, endColumn: 22),
                pointer: ["paths", "/flows", "get", "responses"], instancePointer: ["items", "0"],
                instanceLocation: "header X-Trace", related: [SourceLocation(file: specPath, line: 6, column: 3)]),
            Diagnostic(
                code: "description-length", severity: .warning, message: "the description is \(longWord)",
                location: SourceLocation(file: specPath, line: 6, column: 3, offset: 57, endLine: 6, endColumn: 9),
                pointer: ["paths", "/flows"]),
        ]
    }

    static let rules = [
        RuleDescriptor(
            id: "operation-operationId", defaultSeverity: .warning, summary: "Every operation has an operationId.",
            description: "Generated clients name their methods after operationId.",
            helpURI: "https://example.com/rules#operation-operationId", category: "operations", tags: ["naming"]),
        RuleDescriptor(
            id: "info-title-ascii", defaultSeverity: .error, summary: "The title is ASCII.", category: "info"),
    ]

    static let tool = ToolInfo(name: "flowspec", version: "1.2.0", informationURI: "https://example.com/flowspec")

    static var report: LintReport {
        LintReport(
            tool: tool,
            files: [
                FileResult(path: specPath, diagnostics: diagnostics, source: SourceText(specText)),
                FileResult(path: "specs/clean.yaml", diagnostics: []),
            ],
            rules: rules)
    }
}
