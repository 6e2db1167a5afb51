public import FlowSpecModel

/// Rules about `x-flowspec-ignore` suppressions themselves: a suppression must explain itself, and one
/// that expired or hides nothing is a finding.
public enum SuppressionRules {
    public static let all: [LintRule] = [
        LintRule(
            id: .suppressionMissingReason, severity: .error,
            summary: "Every `x-flowspec-ignore` entry gives a `reason`.", category: "suppressions"),
        LintRule(
            id: .suppressionInvalidDate, severity: .error,
            summary: "A suppression's `until` is a date written YYYY-MM-DD.", category: "suppressions"),
        LintRule(
            id: .suppressionInvalid, severity: .error, summary: "`x-flowspec-ignore` entries are well formed.",
            category: "suppressions"),
        LintRule(
            id: .suppressionExpired, severity: .warning,
            summary: "A suppression whose `until` date has passed no longer hides anything and should be removed.",
            category: "suppressions"),
        LintRule(
            id: .suppressionUnused, severity: .info, summary: "A suppression hides at least one finding.",
            category: "suppressions"),
    ]
}
