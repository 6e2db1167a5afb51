public import FlowSpecModel

/// One lint rule: a value with a stable id, a default severity, a one-line summary, the OpenAPI
/// versions it applies to and a `check` that reports findings.
///
/// Rules never print and never throw: they look at the ``LintContext`` and send findings to the
/// ``LintFindings`` collector, which places them at their line and column.
///
/// ```swift
/// let rule = LintRule(
///     id: "info-contact", severity: .warning, summary: "The API has a contact.", category: "info"
/// ) { context, findings in
///     if context.document.info.contact == nil {
///         findings.report("info has no `contact`", at: context.document.info.node)
///     }
/// }
/// ```
public struct LintRule: Sendable {
    public var descriptor: RuleDescriptor
    /// The OpenAPI versions the rule applies to; `nil` for all.
    public var versions: VersionFilter
    /// What the rule checks; `nil` for rules whose findings come from the loader (structure, references).
    public var check: (@Sendable (LintContext, inout LintFindings) -> Void)?

    /// How a rule's work splits into pieces that threads can share, for the few rules that take much
    /// longer than the others: ``Linter`` runs `parts` pieces (calling `check(context, part, parts,
    /// &findings)` for each `part` in `0..<parts`) instead of one, and the union of their findings is
    /// the rule's. `weight` says how the whole rule compares with a typical rule, so that the longest
    /// pieces are started first.
    struct Split: Sendable {
        var parts: Int
        var weight: Int
        var check: @Sendable (LintContext, _ part: Int, _ parts: Int, inout LintFindings) -> Void
    }

    /// The rule's work in parts (see ``Split``); `nil` for a rule that runs as one piece.
    var split: Split?

    /// How much longer than a typical rule this rule takes (1 for most), so that ``Linter`` starts
    /// the long ones first and the threads finish together.
    var weight = 1

    /// Which OpenAPI versions a rule applies to.
    public enum VersionFilter: Sendable {
        case all, only30, only31
    }

    public init(
        id: DiagnosticCode, severity: Severity, summary: String, description: String? = nil,
        category: String, recommended: Bool = true, versions: VersionFilter = .all,
        check: (@Sendable (LintContext, inout LintFindings) -> Void)? = nil
    ) {
        descriptor = RuleDescriptor(
            id: id, defaultSeverity: severity, summary: summary, description: description,
            helpURI: "https://github.com/flowspec/flowspec/blob/main/docs/rules.md#\(id.rawValue.lowercased())",
            category: category, isRecommended: recommended)
        self.versions = versions
        self.check = check
    }

    public var id: DiagnosticCode { descriptor.id }

    /// This rule, run by ``Linter`` in `parts` pieces (see ``Split``); `check` still runs it whole.
    func splitting(
        into parts: Int, weight: Int,
        _ check: @escaping @Sendable (LintContext, _ part: Int, _ parts: Int, inout LintFindings) -> Void
    ) -> LintRule {
        var rule = self
        rule.split = Split(parts: parts, weight: weight, check: check)
        rule.check = { context, findings in check(context, 0, 1, &findings) }
        return rule
    }

    /// This rule, marked as taking about `weight` times as long as a typical rule.
    func weighing(_ weight: Int) -> LintRule {
        var rule = self
        rule.weight = weight
        return rule
    }

    func applies(to version: OpenAPIVersion) -> Bool {
        switch versions {
        case .all: return true
        case .only30: return version.is30
        case .only31: return version.is31
        }
    }
}
