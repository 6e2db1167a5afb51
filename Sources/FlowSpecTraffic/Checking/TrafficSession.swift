public import FlowSpecLint
public import FlowSpecModel

/// The in-order part of `flowspec validate`: flow-order checks, configuration, the baseline,
/// coverage and the summary, applied to each checked entry in input order.
public struct TrafficSession: Sendable {
    public private(set) var flow: FlowOrderChecker
    public private(set) var coverage: TrafficCoverage
    public private(set) var counter = TrafficSummaryCounter()
    /// Findings hidden because the baseline knew them.
    public private(set) var baselined = 0
    /// The most serious severity of any finding kept so far.
    public private(set) var worst: Severity?
    /// Every finding kept, as baseline entries, when ``collectsFindings`` (for `--write-baseline`):
    /// `Baseline(entries: collected)`. Each identity is made as the baseline check makes it, with the
    /// entry's capture standing in for the file of a finding that has no spec location (flow-order
    /// findings), so that a written baseline hides exactly what it was written from.
    public private(set) var collected: [Baseline.Entry] = []
    public let collectsFindings: Bool
    private let configuration: LintConfiguration
    private let specFile: String
    /// What is left of the baseline's counts: each known finding hides one occurrence.
    private var remaining: [FindingIdentity: Int]

    public init(
        flow: FlowOrderChecker, coverage: TrafficCoverage, configuration: LintConfiguration = .defaults,
        specFile: String, baseline: Baseline? = nil, collectsFindings: Bool = false
    ) {
        self.flow = flow
        self.coverage = coverage
        self.configuration = configuration
        self.specFile = specFile
        self.collectsFindings = collectsFindings
        var remaining: [FindingIdentity: Int] = [:]
        for entry in baseline?.entries ?? [] { remaining[entry.identity, default: 0] += entry.count }
        self.remaining = remaining
    }

    /// Completes one entry, in input order: adds its flow-order findings, applies the configuration
    /// and the baseline, and counts it.
    public mutating func finish(_ checked: TrafficChecker.CheckedEntry) -> TrafficEntryReport {
        var report = checked.report
        if let exchange = checked.flow { report.findings += flow.check(exchange) }
        report.findings = keep(report.findings, capture: report.capture)
        coverage.record(
            operation: report.operation, requestMediaType: report.requestMediaType, responseStatus: report.responseStatus)
        counter.add(report)
        return report
    }

    /// Findings about the captures as a whole, once every entry is done.
    public mutating func captureFindings() -> [Diagnostic] {
        let findings = keep(flow.finish(), capture: specFile)
        counter.add(findings: findings)
        return findings
    }

    private mutating func keep(_ findings: [Diagnostic], capture: String) -> [Diagnostic] {
        var kept: [Diagnostic] = []
        for finding in findings {
            let rule = RuleDescriptor(id: finding.code, defaultSeverity: finding.severity, summary: "", category: "traffic")
            guard let configured = configuration.applying(to: finding, rule: rule, file: specFile) else { continue }
            // An identity hashes the finding's text; only worth making while the baseline has counts left.
            if !remaining.isEmpty {
                let identity = FindingIdentity(configured, defaultFile: capture)
                if let count = remaining[identity], count > 0 {
                    // Used-up counts are removed, so that a baseline used up costs nothing more.
                    remaining[identity] = count > 1 ? count - 1 : nil
                    baselined += 1
                    continue
                }
            }
            if collectsFindings { collected += Baseline(diagnostics: CollectionOfOne(configured), defaultFile: capture).entries }
            if worst.map({ configured.severity < $0 }) ?? true { worst = configured.severity }
            kept.append(configured)
        }
        return kept
    }
}

extension TrafficCoverage {
    /// Everything `validator` declares, with nothing counted yet.
    public init(catalog operations: [(id: String, method: String, path: String, mediaTypes: [String], statuses: [String])]) {
        self.init(
            operations: operations.map {
                Operation(id: $0.id, method: $0.method, path: $0.path, requestMediaTypes: $0.mediaTypes, responseStatuses: $0.statuses)
            })
    }
}
