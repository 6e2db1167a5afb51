public import FlowSpecModel

/// A baseline file that cannot be read, with the place it went wrong.
public struct BaselineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `baseline-invalid`.
    public static let code: DiagnosticCode = "baseline-invalid"

    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(_ message: String, at location: SourceLocation?, hint: String?) {
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// The error as a finding, for the reporters.
    public var diagnostic: Diagnostic {
        Diagnostic(code: Self.code, severity: .error, message: message, location: location, hint: hint)
    }

    public var description: String { diagnostic.description }
}
