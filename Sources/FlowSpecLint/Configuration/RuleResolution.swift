public import FlowSpecModel
public import FlowSpecSchema

/// Whether a rule runs for one finding's place, at what severity and with which options: the result of
/// ``LintConfiguration/resolve(rule:defaultSeverity:isRecommended:file:pointer:)``.
public struct RuleResolution: Hashable, Sendable {
    /// The effective severity, or `nil` when the rule is off here.
    public var severity: Severity?
    /// Whether the configuration chose the severity (otherwise it is the rule's default, and a rule
    /// that gives some findings another severity may keep it).
    public var isExplicit: Bool
    /// The rule's options, merged from the top-level `rules` and every matching override.
    public var options: JSONObject

    public init(severity: Severity?, isExplicit: Bool, options: JSONObject = JSONObject()) {
        self.severity = severity
        self.isExplicit = isExplicit
        self.options = options
    }

    /// Whether the rule runs here.
    public var isEnabled: Bool { severity != nil }
}
