public import FlowSpecModel

/// How many findings a report holds, by severity, and how many were left out of it.
public struct ReportSummary: Hashable, Sendable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var hints: Int
    /// Findings hidden by inline `x-flowspec-ignore` suppressions (not in the report).
    public var suppressed: Int
    /// Findings hidden because the baseline already knows them (not in the report).
    public var baselined: Int

    public init(
        errors: Int = 0, warnings: Int = 0, infos: Int = 0, hints: Int = 0, suppressed: Int = 0, baselined: Int = 0
    ) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.hints = hints
        self.suppressed = suppressed
        self.baselined = baselined
    }

    /// Counts `diagnostics` by severity.
    public init(counting diagnostics: some Sequence<Diagnostic>, suppressed: Int = 0, baselined: Int = 0) {
        self.init(suppressed: suppressed, baselined: baselined)
        for diagnostic in diagnostics { add(diagnostic.severity) }
    }

    /// All findings in the report.
    public var total: Int { errors + warnings + infos + hints }

    /// The number of findings of `severity`.
    public func count(of severity: Severity) -> Int {
        switch severity {
        case .error: return errors
        case .warning: return warnings
        case .info: return infos
        case .hint: return hints
        }
    }

    /// The number of findings at least as serious as `threshold`: the CLI fails when this is not 0.
    public func count(reaching threshold: Severity) -> Int {
        Severity.allCases.filter { $0.reaches(threshold) }.reduce(0) { $0 + count(of: $1) }
    }

    mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        case .hint: hints += 1
        }
    }
}
