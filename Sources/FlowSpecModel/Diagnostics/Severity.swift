/// How serious a finding is, from most to least.
///
/// The raw values are the spellings users write in `--fail-severity` and configuration files.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case error
    case warning = "warn"
    case info
    case hint

    /// Lower is more serious: `error` < `warn` < `info` < `hint`.
    public var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        case .hint: return 3
        }
    }

    /// Orders by seriousness, most serious first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Whether a finding of this severity reaches `threshold` (is at least as serious).
    public func reaches(_ threshold: Severity) -> Bool { rank <= threshold.rank }
}
