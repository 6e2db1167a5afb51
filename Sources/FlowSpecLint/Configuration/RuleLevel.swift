public import FlowSpecModel

/// What a configuration says about whether and how seriously a rule runs.
public enum RuleLevel: Hashable, Sendable {
    /// The rule does not run (`off` or `false`).
    case off
    /// The rule runs at its default severity (`true`, or an object without `severity`).
    case on
    /// The rule runs and its findings have this severity.
    case severity(Severity)
}
