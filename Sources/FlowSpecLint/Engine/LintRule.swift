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

    func applies(to version: OpenAPIVersion) -> Bool {
        switch versions {
        case .all: return true
        case .only30: return version.is30
        case .only31: return version.is31
        }
    }
}
