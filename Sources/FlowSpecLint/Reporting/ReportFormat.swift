public import FlowSpecModel

/// The output formats of `flowspec lint` (and of `flowspec validate` for captured traffic).
///
/// `html` belongs here too once `flowspec validate` adds its traffic report (rendered in
/// FlowSpecTraffic); adding the case makes the compiler point at every `switch` that must learn it.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Compiler-like lines with code frames, for people (see ``TextReporter``).
    case text
    /// The documented, stable JSON report (see ``JSONReporter``).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (see ``SARIFReporter``).
    case sarif
    /// GitHub Actions workflow commands that annotate the pull request (see ``GitHubReporter``).
    case github
    /// JUnit XML, for CI systems that show test results (see ``JUnitReporter``).
    case junit

    /// Parses a `--format` argument (case-insensitive); `nil` if it names no format.
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    /// Renders `report` in this format with the reporters' default options, except `colour` for text.
    public func render(_ report: LintReport, colour: Bool = false, failSeverity: Severity = .error) -> String {
        switch self {
        case .text: return TextReporter(colour: colour).render(report)
        case .json: return JSONReporter().render(report)
        case .sarif: return SARIFReporter().render(report)
        case .github: return GitHubReporter().render(report)
        case .junit: return JUnitReporter(failSeverity: failSeverity).render(report)
        }
    }
}
