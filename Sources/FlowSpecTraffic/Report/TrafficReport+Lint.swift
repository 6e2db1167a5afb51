public import FlowSpecLint
import FlowSpecModel

extension TrafficReport {
    /// The report as a lint report, so the SARIF, GitHub and JUnit reporters serve traffic too: one
    /// "file" per capture, each finding prefixed with its entry.
    public func lintReport(tool: ToolInfo) -> LintReport {
        var files: [FileResult] = []
        for capture in captures {
            var diagnostics: [Diagnostic] = []
            for entry in entries where entry.capture == capture {
                for finding in entry.findings {
                    var copy = finding
                    let request = [entry.method, entry.url].compactMap { $0 }.joined(separator: " ")
                    copy.message = "entry \(entry.index) (\(request)): \(finding.message)"
                    if copy.location == nil {
                        copy.location = SourceLocation(file: capture, line: entry.line ?? 1, column: 1)
                    }
                    diagnostics.append(copy)
                }
            }
            files.append(FileResult(path: capture, diagnostics: diagnostics))
        }
        if !captureFindings.isEmpty { files.append(FileResult(path: spec, diagnostics: captureFindings)) }
        let codes = Set(allFindings.map(\.code))
        let rules = codes.sorted { $0.rawValue < $1.rawValue }.map {
            RuleDescriptor(id: $0, defaultSeverity: .error, summary: "traffic check \($0.rawValue)", category: "traffic")
        }
        return LintReport(tool: tool, files: files, rules: rules, baselinedCount: baselinedCount)
    }
}
