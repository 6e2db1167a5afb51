public import FlowSpecModel

/// Everything a reporter renders: the tool, the findings grouped by file, the rules that produced
/// them and counts.
///
/// A plain value built by the CLI (for `flowspec lint`, or `flowspec validate` for captured
/// traffic) and handed to a reporter such as ``TextReporter`` or ``SARIFReporter``; reporters return
/// text and never print.
///
/// ```swift
/// let report = LintReport(
///     tool: ToolInfo(version: "1.0.0"),
///     files: [FileResult(path: "openapi.yaml", diagnostics: findings, source: SourceText(bytes: bytes))],
///     rules: engine.descriptors)
/// let output = TextReporter(colour: false).render(report)
/// ```
public struct LintReport: Sendable {
    public var tool: ToolInfo
    /// One entry per file that was checked, in the order to show them; a clean file has no diagnostics.
    public var files: [FileResult]
    /// The rules that ran (or could have produced the findings); SARIF lists them.
    public var rules: [RuleDescriptor]
    /// Findings left out of ``files`` by suppressions, for the summary line.
    public var suppressedCount: Int
    /// Findings left out of ``files`` because the baseline knows them, for the summary line.
    public var baselinedCount: Int
    /// Texts of files that have findings in them but no ``FileResult`` of their own (files reached by
    /// `$ref`), keyed by the path their diagnostics' locations use.
    public var additionalSources: [String: SourceText]

    public init(
        tool: ToolInfo, files: [FileResult], rules: [RuleDescriptor] = [], suppressedCount: Int = 0,
        baselinedCount: Int = 0, additionalSources: [String: SourceText] = [:]
    ) {
        self.tool = tool
        self.files = files
        self.rules = rules
        self.suppressedCount = suppressedCount
        self.baselinedCount = baselinedCount
        self.additionalSources = additionalSources
    }

    /// Counts of the findings in ``files`` by severity, and of those left out.
    public var summary: ReportSummary {
        ReportSummary(
            counting: files.lazy.flatMap(\.diagnostics), suppressed: suppressedCount, baselined: baselinedCount)
    }

    /// The text of `path`, from a ``FileResult`` or ``additionalSources``.
    public func source(forFile path: String) -> SourceText? {
        if let file = files.first(where: { $0.path == path }), let source = file.source { return source }
        return additionalSources[path]
    }

    /// The descriptor of the rule `code`, if the report has one.
    public func rule(_ code: DiagnosticCode) -> RuleDescriptor? { rules.first { $0.id == code } }
}

extension FileResult {
    /// The diagnostics in a deterministic order: those without a location first, then by file,
    /// line, column, code and message; ties keep the order they were given in.
    var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element
            let r = rhs.element
            switch (l.location, r.location) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (.some(let a), .some(let b)):
                if a.file != b.file { return a.file < b.file }
                if a.line != b.line { return a.line < b.line }
                if a.column != b.column { return a.column < b.column }
            case (nil, nil): break
            }
            if l.code != r.code { return l.code.rawValue < r.code.rawValue }
            if l.message != r.message { return l.message < r.message }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
