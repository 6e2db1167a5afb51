public import FlowSpecModel

/// Everything `flowspec validate` found: one report per capture entry, in input order, findings that
/// belong to no entry (such as a flow left unfinished), and coverage.
public struct TrafficReport: Sendable {
    public var spec: String
    public var captures: [String]
    public var entries: [TrafficEntryReport]
    /// Findings about the capture as a whole (flows that never reached a terminal state).
    public var captureFindings: [Diagnostic]
    public var coverage: TrafficCoverage
    /// Findings hidden because the baseline knows them.
    public var baselinedCount: Int

    public init(
        spec: String, captures: [String], entries: [TrafficEntryReport], captureFindings: [Diagnostic] = [],
        coverage: TrafficCoverage, baselinedCount: Int = 0
    ) {
        self.spec = spec
        self.captures = captures
        self.entries = entries
        self.captureFindings = captureFindings
        self.coverage = coverage
        self.baselinedCount = baselinedCount
    }

    /// Every finding, entries first.
    public var allFindings: [Diagnostic] { entries.flatMap(\.findings) + captureFindings }

    public struct Summary: Sendable, Hashable {
        public var entries: Int
        public var valid: Int
        public var invalid: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        public var hints: Int
    }

    public var summary: Summary {
        let findings = allFindings
        return Summary(
            entries: entries.count, valid: entries.filter(\.isValid).count, invalid: entries.filter { !$0.isValid }.count,
            errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count,
            infos: findings.filter { $0.severity == .info }.count, hints: findings.filter { $0.severity == .hint }.count)
    }

    /// Whether any finding reaches `severity`.
    public func fails(at severity: Severity) -> Bool { allFindings.contains { $0.severity.reaches(severity) } }
}
