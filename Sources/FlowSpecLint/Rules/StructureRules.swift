import FlowSpecModel

/// The rules whose findings come from loading: what the document model must be (structure, types,
/// required and allowed fields) and its references. They have no `check`: the loader reports them,
/// and declaring them here gives them documentation, SARIF metadata and configurable severities.
public enum StructureRules {
    public static let all: [LintRule] = [
        LintRule(
            id: .typeMismatch, severity: .error,
            summary: "A field holds a value of the type the specification requires.",
            description: """
                A field of the wrong type (a list where an object is required, a number where a string is) is \
                not read: tools ignore it or reject the document. Write the value in the type the OpenAPI \
                specification gives for the field.
                """,
            category: "structure"),
        LintRule(
            id: .missingField, severity: .error, summary: "Every required field of an object is present.",
            description: """
                Required fields (`info.title`, a response's `description`, a parameter's `name` and `in`, ...) \
                are what tools need to use the object at all. Add the field.
                """,
            category: "structure"),
        LintRule(
            id: .unknownField, severity: .error,
            summary: "Objects have only the fields the specification defines, or `x-` extensions.",
            description: """
                A field the object does not define is ignored by every tool, so it is usually a typo \
                (`descripton`) or a field of another OpenAPI version. Fix its name, or prefix it with `x-` to \
                make it an extension.
                """,
            category: "structure"),
        LintRule(
            id: .invalidValue, severity: .error,
            summary: "Values are among those the specification allows (locations, styles, paths).",
            description: """
                Some fields take one of a fixed set of values (a parameter's `in` and `style`, a security \
                scheme's `type`) or a value of a given form (paths start with `/`; path parameters are \
                required). A value outside them makes the object meaningless. Use one of the allowed values.
                """,
            category: "structure"),
        LintRule(
            id: .invalidStatusKey, severity: .error,
            summary: "Response keys are status codes from 100 to 599, ranges from `1XX` to `5XX`, or `default`.",
            description: """
                A Responses key that is none of the three forms (`600`, `2xx0`, `OK`) matches no response, so \
                the response it describes is never used or validated. Write the status code, quoted \
                (`'200'`), a range such as `'4XX'`, or `default`.
                """,
            category: "structure"),
        LintRule(
            id: .exampleValueOrExternalValue, severity: .error,
            summary: "An Example has a `value` or an `externalValue`, not both.",
            description: """
                `value` and `externalValue` are mutually exclusive: with both, tools pick one and readers cannot \
                tell which example is meant. Keep `value` for an example written in place, or `externalValue` \
                for one in another file. (Spectral's default severity is a warning; the OpenAPI specification \
                forbids the combination.)
                """,
            category: "structure"),
        LintRule(
            id: .conflictingFields, severity: .error, summary: "Mutually exclusive fields are not used together.",
            description: """
                Some fields exclude each other (`schema` and `content` on a parameter, `example` and \
                `examples`, `operationRef` and `operationId`): with both, tools pick one arbitrarily. Keep one.
                """,
            category: "structure"),
        LintRule(
            id: .unsupportedVersion, severity: .error, summary: "The document is OpenAPI 3.0.x or 3.1.x.",
            description: """
                FlowSpec reads OpenAPI 3.0 and 3.1. A Swagger 2.0 document, a document without `openapi`, or \
                another major version is not linted. Convert Swagger 2.0 documents to OpenAPI 3 first.
                """,
            category: "structure"),
        LintRule(
            id: .fileUnreadable, severity: .error, summary: "The spec file can be read.",
            description: "The file does not exist, is not readable, or is not UTF-8 text. Check the path.",
            category: "structure"),
        LintRule(
            id: .tooManyDiagnostics, severity: .warning,
            summary: "Loading stops collecting findings after the configured maximum.",
            description: """
                A document with more load findings than the limit is probably not OpenAPI at all, or broken \
                everywhere in the same way; the first findings say why. Fix those and lint again.
                """,
            category: "structure"),
        LintRule(
            id: .refUnresolved, severity: .error, summary: "Every `$ref` resolves.",
            description: """
                A `$ref` that points nowhere (a missing file, a wrong name, a pointer that is not `#/...`) \
                leaves a hole in the document: tools fail or silently skip the object. Fix the reference; the \
                hint names close matches.
                """,
            category: "references"),
        LintRule(
            id: .refCycle, severity: .error,
            summary: "References do not point at each other without ever reaching an object.",
            description: """
                `$ref`s that only point at other `$ref`s in a loop never reach an object, so nothing is \
                described. (Recursive schemas, whose objects refer to themselves, are fine.) Make one of them \
                point at a real object.
                """,
            category: "references"),
        LintRule(
            id: .refSiblingIgnored, severity: .warning,
            summary: "No fields beside a `$ref` where the OpenAPI version ignores them.",
            description: """
                In OpenAPI 3.0 (and outside schemas in 3.1, except `summary` and `description`), fields next \
                to a `$ref` are ignored: a `description` or `nullable` written there has no effect. Move them \
                into the referenced object, or wrap the reference in `allOf`.
                """,
            category: "references"),
        LintRule(
            id: .refNotAllowed, severity: .warning,
            summary: "`$ref` is used only where OpenAPI allows it.",
            description: """
                OpenAPI allows `$ref` only where a Reference Object may stand (components, parameters, \
                responses, schemas, ...). Elsewhere (a description, the `info` object) tools do not follow it, \
                although FlowSpec does. Write the value in place, or bundle the document first.
                """,
            category: "references"),
        LintRule(
            id: .refRemoteRefused, severity: .warning,
            summary: "Remote references are not followed unless allowed.",
            description: """
                Following `http(s)` references makes linting depend on the network and on servers that may \
                change. Download the file next to the spec and reference it by a relative path, or pass \
                `--allow-remote-refs`.
                """,
            category: "references"),
        LintRule(
            id: .refOutsideRoot, severity: .error,
            summary: "Referenced files stay inside the root spec's folder unless allowed.",
            description: """
                A reference that leaves the spec's folder (`../../secrets.yaml`, an absolute path) could read \
                any file on the machine. Keep the spec's files together under one folder, or allow it \
                explicitly.
                """,
            category: "references"),
        LintRule(
            id: .refFileUnreadable, severity: .error, summary: "Referenced files can be read and parsed.",
            description:
                "A file that a `$ref` names could not be read, or is not valid YAML or JSON. Fix the file or the path.",
            category: "references"),
        LintRule(
            id: "yaml_duplicate_key", severity: .error, summary: "A mapping does not have the same key twice.",
            description: """
                YAML forbids repeated keys, and parsers disagree about which occurrence wins (FlowSpec keeps \
                the first). Merge the two entries.
                """,
            category: "syntax"),
        LintRule(
            id: "yaml_syntax", severity: .error, summary: "The file is valid YAML or JSON.",
            description: "The file cannot be parsed; the message says where and why. Fix the syntax.",
            category: "syntax"),
    ]
}
