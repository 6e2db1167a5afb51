public import FlowSpecModel

/// Counts a traffic report's summary as entries stream by, so the report itself need not be kept.
public struct TrafficSummaryCounter: Sendable {
    public private(set) var summary = TrafficReport.Summary(
        entries: 0, valid: 0, invalid: 0, errors: 0, warnings: 0, infos: 0, hints: 0)

    public init() {}

    public mutating func add(_ entry: TrafficEntryReport) {
        summary.entries += 1
        if entry.isValid { summary.valid += 1 } else { summary.invalid += 1 }
        add(findings: entry.findings)
    }

    public mutating func add(findings: [Diagnostic]) {
        for finding in findings {
            switch finding.severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            case .info: summary.infos += 1
            case .hint: summary.hints += 1
            }
        }
    }
}
