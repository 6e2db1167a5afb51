public import FlowSpecModel

/// Where a rule sends its findings: it places each at its file, line, column and JSON pointer.
public struct LintFindings: Sendable {
    let files: SpecFileSet
    let rule: RuleDescriptor
    public private(set) var diagnostics: [Diagnostic] = []

    init(files: SpecFileSet, rule: RuleDescriptor) {
        self.files = files
        self.rule = rule
    }

    /// Reports a finding of the current rule about `node`, at the rule's default severity.
    public mutating func report(_ message: String, at node: NodeRef, hint: String? = nil, severity: Severity? = nil) {
        diagnostics.append(
            Diagnostic(
                code: rule.id, severity: severity ?? rule.defaultSeverity, message: message,
                location: files.location(of: node), pointer: files.pointer(of: node), hint: hint))
    }

    /// Reports a finding that has no place in a file.
    public mutating func report(_ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(code: rule.id, severity: rule.defaultSeverity, message: message, hint: hint))
    }
}
