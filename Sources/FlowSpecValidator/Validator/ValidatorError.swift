public import FlowSpecModel

/// Why a ``Validator`` could not be built: the spec did not load, or has errors (see
/// ``ValidatorOptions/acceptsSpecErrors``). ``diagnostics`` lists every problem, each at its line and
/// column.
public struct ValidatorError: Error, Sendable, CustomStringConvertible {
    /// The load and compile diagnostics, errors first.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One line per error, compiler-style.
    public var description: String {
        let errors = errors
        let shown = errors.prefix(10).map(\.description).joined(separator: "\n")
        let more = errors.count > 10 ? "\n... and \(errors.count - 10) more errors" : ""
        return "the spec cannot be used for validation:\n\(shown)\(more)"
    }
}
