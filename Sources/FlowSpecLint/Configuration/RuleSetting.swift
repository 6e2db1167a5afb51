public import FlowSpecModel
public import FlowSpecSchema

/// One rule's entry under `rules:` in a configuration or an override.
public struct RuleSetting: Hashable, Sendable {
    public var level: RuleLevel
    /// The rule's `options`, merged key by key over earlier settings of the same rule.
    public var options: JSONObject
    /// Where the entry's key is, for messages about it.
    public var location: SourceLocation?

    public init(level: RuleLevel, options: JSONObject = JSONObject(), location: SourceLocation? = nil) {
        self.level = level
        self.options = options
        self.location = location
    }
}
