import FlowSpecModel

/// Rules about `x-flowspec-ignore` suppressions themselves: a suppression must explain itself, and one
/// that expired or hides nothing is a finding.
public enum SuppressionRules {
    public static let all: [LintRule] = [
        LintRule(
            id: .suppressionMissingReason, severity: .error,
            summary: "Every `x-flowspec-ignore` entry gives a `reason`.",
            description: """
                A suppression hides a finding from everyone who reads the report later; the reason is what \
                tells them it was a decision and not a shortcut. Add `reason:`.
                """,
            category: "suppressions"),
        LintRule(
            id: .suppressionInvalidDate, severity: .error,
            summary: "A suppression's `until` is a date written YYYY-MM-DD.",
            description: "An `until` that is not a real calendar date cannot expire. Write it as `2026-06-30`.",
            category: "suppressions"),
        LintRule(
            id: .suppressionInvalid, severity: .error, summary: "`x-flowspec-ignore` entries are well formed.",
            description: """
                A suppression that cannot be read (no rule, unknown fields, wrong types) hides nothing. See \
                docs/configuration.md for its two forms.
                """,
            category: "suppressions"),
        LintRule(
            id: .suppressionExpired, severity: .warning,
            summary: "A suppression whose `until` date has passed no longer hides anything and should be removed.",
            description: """
                After its `until` date a suppression stops hiding its findings, which are reported again. \
                Fix them and remove the suppression, or, if the decision still stands, set a new date.
                """,
            category: "suppressions"),
        LintRule(
            id: .suppressionUnused, severity: .info, summary: "A suppression hides at least one finding.",
            description: """
                A suppression that hides nothing is left over from a finding that was fixed (or names the \
                wrong rule). Remove it, so that it does not hide a new finding later.
                """,
            category: "suppressions"),
    ]
}
