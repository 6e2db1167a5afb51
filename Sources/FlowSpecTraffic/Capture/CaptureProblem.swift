public import FlowSpecModel

/// Something wrong with one capture entry: it could not be read at all, or a part of it could not.
///
/// An entry that cannot be read at all (invalid JSON, no `request`, larger than the budget) has no
/// ``CaptureEntry/exchange`` and at least one problem of severity ``Severity/error``. An entry that
/// is readable but damaged (a truncated body, invalid base64, a header that is not a name/value
/// pair) keeps what could be read and says what was lost. Codes are stable; match on them, not on
/// the message:
///
/// | code | meaning |
/// |---|---|
/// | `capture_empty` | the capture holds no bytes (or only whitespace) |
/// | `capture_not_har` | the document is JSON but not a HAR log (`{"log":{"entries":[...]}}`) |
/// | `capture_invalid_json` | the entry, or the HAR around the entries, is not valid JSON |
/// | `capture_truncated` | the capture ends in the middle of an entry or of the HAR document |
/// | `capture_entry_too_large` | the entry is larger than ``CaptureReader/Options/maxEntryBytes`` |
/// | `capture_missing_field` | a required member (`request`, `method`, `url`, ...) is absent |
/// | `capture_wrong_type` | a member has the wrong JSON type (`"status": "200"`) |
/// | `capture_invalid_value` | a member has the right type but an unusable value |
/// | `capture_invalid_base64` | a body marked base64 is not valid base64 |
/// | `capture_invalid_utf8` | a string in the entry holds bytes that are not UTF-8 |
/// | `capture_truncated_body` | a body was not captured, or not completely |
/// | `capture_io_error` | reading the capture failed part-way |
/// | `capture_too_many_problems` | the entry has more than 100 problems; the rest are counted, not listed |
public struct CaptureProblem: Hashable, Sendable, CustomStringConvertible {
    /// The stable code, one of the `capture_*` codes in the table above.
    public var code: DiagnosticCode
    /// ``Severity/error`` when the entry (or the part named by ``pointer``) is lost, ``Severity/warning``
    /// when what was read is usable but incomplete.
    public var severity: Severity
    /// What is wrong, for people.
    public var message: String
    /// Where in the capture file the problem is (for a problem inside an entry, the offending member).
    public var location: CaptureLocation
    /// The member of the entry the problem is about, such as `/response/status`; `nil` for the whole entry.
    public var pointer: JSONPointer?
    /// How to fix it, when we know.
    public var hint: String?

    public init(
        code: DiagnosticCode, severity: Severity = .error, message: String, location: CaptureLocation,
        pointer: JSONPointer? = nil, hint: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
        self.hint = hint
    }

    /// `file:line (byte offset): severity: message [code]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(code)]"
    }

    /// The problem as a ``Diagnostic``, for the reporters: the capture file's line stands in the
    /// location (column 1), and the entry's member in ``Diagnostic/instancePointer``.
    public var diagnostic: Diagnostic {
        Diagnostic(
            code: code, severity: severity, message: message,
            location: SourceLocation(file: location.file, line: location.line, column: 1, offset: location.offset),
            instancePointer: pointer, hint: hint)
    }
}

extension DiagnosticCode {
    /// The capture holds no bytes, or only whitespace.
    public static let captureEmpty: DiagnosticCode = "capture_empty"
    /// The document is not a HAR log.
    public static let captureNotHAR: DiagnosticCode = "capture_not_har"
    /// An entry, or the HAR document around the entries, is not valid JSON.
    public static let captureInvalidJSON: DiagnosticCode = "capture_invalid_json"
    /// The capture ends inside an entry or inside the HAR document.
    public static let captureTruncated: DiagnosticCode = "capture_truncated"
    /// An entry is larger than the per-entry budget.
    public static let captureEntryTooLarge: DiagnosticCode = "capture_entry_too_large"
    /// A required member is absent.
    public static let captureMissingField: DiagnosticCode = "capture_missing_field"
    /// A member has the wrong JSON type.
    public static let captureWrongType: DiagnosticCode = "capture_wrong_type"
    /// A member has an unusable value.
    public static let captureInvalidValue: DiagnosticCode = "capture_invalid_value"
    /// A body marked as base64 is not valid base64.
    public static let captureInvalidBase64: DiagnosticCode = "capture_invalid_base64"
    /// A string holds bytes that are not UTF-8.
    public static let captureInvalidUTF8: DiagnosticCode = "capture_invalid_utf8"
    /// A body was not captured, or only in part.
    public static let captureTruncatedBody: DiagnosticCode = "capture_truncated_body"
    /// Reading the capture failed part-way.
    public static let captureIOError: DiagnosticCode = "capture_io_error"
    /// An entry has more problems than are listed.
    public static let captureTooManyProblems: DiagnosticCode = "capture_too_many_problems"
}
