public import FlowSpecModel

/// One problem in a configuration file, with where it is and how to fix it.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var message: String
    /// Where in the configuration file; `nil` when the problem is about no place in a file.
    public var location: SourceLocation?
    public var hint: String?

    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// The problem as an error finding, for the reporters.
    public var diagnostic: Diagnostic {
        Diagnostic(code: code, severity: .error, message: message, location: location, hint: hint)
    }

    /// `file:line:col: error: message [code]`, then the hint on its own line.
    public var description: String {
        diagnostic.description + (hint.map { "\n  help: \($0)" } ?? "")
    }
}

/// A configuration file that cannot be used, with every problem found in it.
public struct InvalidConfiguration: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, in the order they are in the file; never empty.
    public var errors: [ConfigurationError]

    public init(_ errors: [ConfigurationError]) { self.errors = errors }

    public var diagnostics: [Diagnostic] { errors.map(\.diagnostic) }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension DiagnosticCode {
    /// The configuration file is not valid YAML or JSON (or has a key twice).
    public static let configSyntax: DiagnosticCode = "config-syntax"
    /// A key the configuration schema does not have.
    public static let configUnknownKey: DiagnosticCode = "config-unknown-key"
    /// A value of the wrong type or out of range.
    public static let configInvalidValue: DiagnosticCode = "config-invalid-value"
    /// A severity that is not `error`, `warn`, `info`, `hint` or `off`.
    public static let configInvalidSeverity: DiagnosticCode = "config-invalid-severity"
    /// A file pattern that can never match.
    public static let configInvalidGlob: DiagnosticCode = "config-invalid-glob"
    /// A pointer pattern that is not a JSON pointer.
    public static let configInvalidPointer: DiagnosticCode = "config-invalid-pointer"
    /// The configuration file cannot be read.
    public static let configUnreadable: DiagnosticCode = "config-unreadable"
    /// Two configuration files in one folder.
    public static let configAmbiguous: DiagnosticCode = "config-ambiguous"
    /// A rule id no rule has (a warning: the configuration still works).
    public static let configUnknownRule: DiagnosticCode = "config-unknown-rule"
}
