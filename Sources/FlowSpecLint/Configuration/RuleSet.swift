/// A built-in set of rules that a configuration's `extends` starts from.
public enum RuleSet: String, Sendable, Hashable, CaseIterable {
    /// The rules marked ``RuleDescriptor/isRecommended``, at their default severities. The default.
    case recommended
    /// Every rule, at its default severity.
    case all
    /// No rule: only those the configuration turns on run.
    case off

    /// Whether this set turns on a rule that is or is not recommended.
    func enables(isRecommended: Bool) -> Bool {
        switch self {
        case .recommended: return isRecommended
        case .all: return true
        case .off: return false
        }
    }
}
