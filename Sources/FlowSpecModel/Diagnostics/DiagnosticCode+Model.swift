extension DiagnosticCode {
    /// A field holds a value of the wrong type.
    public static let typeMismatch: DiagnosticCode = "oas-type-mismatch"
    /// A required field is missing.
    public static let missingField: DiagnosticCode = "oas-missing-field"
    /// A field that the object does not define (and that does not start with `x-`).
    public static let unknownField: DiagnosticCode = "oas-unknown-field"
    /// A value outside the values the specification allows.
    public static let invalidValue: DiagnosticCode = "oas-invalid-value"
    /// A Responses key that is not a status code from 100 to 599, a range from `1XX` to `5XX`, or `default`.
    public static let invalidStatusKey: DiagnosticCode = "response-status-key"
    /// An Example Object with both `value` and `externalValue` (Spectral's id).
    public static let exampleValueOrExternalValue: DiagnosticCode = "oas3-examples-value-or-externalValue"
    /// Two fields that may not be used together.
    public static let conflictingFields: DiagnosticCode = "oas-conflicting-fields"
    /// The document is not OpenAPI 3.0 or 3.1 (Swagger 2.0, a future major version, no `openapi`).
    public static let unsupportedVersion: DiagnosticCode = "oas-unsupported-version"
    /// A `$ref` that points nowhere.
    public static let refUnresolved: DiagnosticCode = "ref-unresolved"
    /// `$ref`s that point at each other without ever reaching an object.
    public static let refCycle: DiagnosticCode = "ref-cycle"
    /// A `$ref` to a remote URL, refused because remote references are off.
    public static let refRemoteRefused: DiagnosticCode = "ref-remote-refused"
    /// A `$ref` to a file outside the root spec's folder, refused.
    public static let refOutsideRoot: DiagnosticCode = "ref-outside-root"
    /// A referenced file that could not be read or parsed.
    public static let refFileUnreadable: DiagnosticCode = "ref-file-unreadable"
    /// A `$ref` where OpenAPI allows none, followed anyway.
    public static let refNotAllowed: DiagnosticCode = "ref-not-allowed"
    /// A `$ref` beside other fields, which this OpenAPI version ignores.
    public static let refSiblingIgnored: DiagnosticCode = "ref-sibling-ignored"
    /// The spec file itself could not be read.
    public static let fileUnreadable: DiagnosticCode = "file-unreadable"
    /// More diagnostics than ``LoadOptions/maxDiagnostics``.
    public static let tooManyDiagnostics: DiagnosticCode = "too-many-diagnostics"
}
