public import FlowSpecModel

/// The rules whose findings come from loading: what the document model must be (structure, types,
/// required and allowed fields) and its references. They have no `check`: the loader reports them,
/// and declaring them here gives them documentation, SARIF metadata and configurable severities.
public enum StructureRules {
    public static let all: [LintRule] = [
        LintRule(
            id: .typeMismatch, severity: .error, summary: "A field holds a value of the type the specification requires.",
            category: "structure"),
        LintRule(
            id: .missingField, severity: .error, summary: "Every required field of an object is present.",
            category: "structure"),
        LintRule(
            id: .unknownField, severity: .error,
            summary: "Objects have only the fields the specification defines, or `x-` extensions.", category: "structure"),
        LintRule(
            id: .invalidValue, severity: .error,
            summary: "Values are among those the specification allows (locations, styles, status keys, paths).",
            category: "structure"),
        LintRule(
            id: .conflictingFields, severity: .error, summary: "Mutually exclusive fields are not used together.",
            category: "structure"),
        LintRule(
            id: .unsupportedVersion, severity: .error, summary: "The document is OpenAPI 3.0.x or 3.1.x.",
            category: "structure"),
        LintRule(
            id: .refUnresolved, severity: .error, summary: "Every `$ref` resolves.", category: "references"),
        LintRule(
            id: .refCycle, severity: .error,
            summary: "References do not point at each other without ever reaching an object.", category: "references"),
        LintRule(
            id: .refSiblingIgnored, severity: .warning,
            summary: "No fields beside a `$ref` where the OpenAPI version ignores them.", category: "references"),
        LintRule(
            id: .refNotAllowed, severity: .warning,
            summary: "`$ref` is used only where OpenAPI allows it.", category: "references"),
        LintRule(
            id: .refRemoteRefused, severity: .warning,
            summary: "Remote references are not followed unless allowed.", category: "references"),
        LintRule(
            id: .refOutsideRoot, severity: .error,
            summary: "Referenced files stay inside the root spec's folder unless allowed.", category: "references"),
        LintRule(
            id: .refFileUnreadable, severity: .error, summary: "Referenced files can be read and parsed.",
            category: "references"),
        LintRule(
            id: "yaml_duplicate_key", severity: .error, summary: "A mapping does not have the same key twice.",
            category: "syntax"),
        LintRule(
            id: "yaml_syntax", severity: .error, summary: "The file is valid YAML or JSON.", category: "syntax"),
    ]
}
