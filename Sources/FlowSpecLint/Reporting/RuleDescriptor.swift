public import FlowSpecModel

/// What a reporter and the configuration need to know about one lint rule: its id, how serious
/// its findings are by default, a one-line summary and where to read more.
///
/// The rule engine produces one descriptor per rule; the SARIF reporter turns them into
/// `tool.driver.rules`, and ``LintConfiguration`` uses ``defaultSeverity`` and ``isRecommended`` to
/// decide whether a rule runs.
///
/// ```swift
/// let rule = RuleDescriptor(
///     id: "operation-operationId", defaultSeverity: .warning,
///     summary: "Every operation has an operationId.", category: "operations")
/// ```
public struct RuleDescriptor: Hashable, Sendable {
    /// The rule's stable id, which is also the ``Diagnostic/code`` of its findings.
    public var id: DiagnosticCode
    /// The severity of the rule's findings when the configuration does not say otherwise.
    public var defaultSeverity: Severity
    /// One line, without a trailing period requirement, shown as SARIF's `shortDescription`.
    public var summary: String
    /// A longer explanation (SARIF's `fullDescription`); `nil` to reuse ``summary``.
    public var description: String?
    /// Where the rule is documented, as an absolute URI (a page, or a page with an anchor).
    public var helpURI: String?
    /// A coarse grouping such as `operations`, `schemas` or `security`, shown as a SARIF tag.
    public var category: String
    /// Further SARIF tags.
    public var tags: [String]
    /// Whether the rule is part of the `recommended` rule set (see ``RuleSet/recommended``).
    public var isRecommended: Bool

    public init(
        id: DiagnosticCode, defaultSeverity: Severity, summary: String, description: String? = nil,
        helpURI: String? = nil, category: String = "general", tags: [String] = [], isRecommended: Bool = true
    ) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.description = description
        self.helpURI = helpURI
        self.category = category
        self.tags = tags
        self.isRecommended = isRecommended
    }

    /// The rule's id in UpperCamelCase (`operation-operationId` becomes `OperationOperationId`),
    /// which SARIF wants as a rule's `name`.
    public var name: String {
        var result = ""
        var upperNext = true
        for character in id.rawValue {
            if character.isLetter || character.isNumber {
                result.append(upperNext ? Character(character.uppercased()) : character)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        return result.isEmpty ? "Rule" : result
    }
}
