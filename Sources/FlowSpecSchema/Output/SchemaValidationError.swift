public import FlowSpecModel

/// One reason an instance does not match its schema.
///
/// Says where in the instance (``instancePointer``), which keyword failed and where it is in the
/// spec (``keyword``, ``keywordPointer``, ``location``), and what is wrong in a plain sentence
/// (``message``: "`password` is required", "must be at most 64 characters long (it is 70)").
public struct SchemaValidationError: Hashable, Sendable, CustomStringConvertible {
    /// A stable code such as `schema.required` or `schema.type`.
    public var code: DiagnosticCode
    /// What is wrong, in a plain sentence.
    public var message: String
    /// Where in the instance, as a JSON pointer.
    public var instancePointer: JSONPointer
    /// The keyword that failed (`required`, `maxLength`); empty for a `false` schema.
    public var keyword: String
    /// The keyword's JSON pointer in its spec file.
    public var keywordPointer: JSONPointer?
    /// The keyword's file, line and column.
    public var location: SourceLocation?

    public init(
        code: DiagnosticCode, message: String, instancePointer: JSONPointer, keyword: String,
        keywordPointer: JSONPointer? = nil, location: SourceLocation? = nil
    ) {
        self.code = code
        self.message = message
        self.instancePointer = instancePointer
        self.keyword = keyword
        self.keywordPointer = keywordPointer
        self.location = location
    }

    /// `/user/password: `password` is required`.
    public var description: String {
        let place = instancePointer.isRoot ? "(root)" : instancePointer.description
        return "\(place): \(message)"
    }

    /// The error as a ``Diagnostic``, for reporters.
    public func diagnostic(severity: Severity = .error) -> Diagnostic {
        Diagnostic(
            code: code, severity: severity, message: message, location: location, pointer: keywordPointer,
            instancePointer: instancePointer)
    }
}

/// The verdict of one validation.
public struct ValidationResult: Hashable, Sendable {
    /// Whether the instance matches the schema.
    public var isValid: Bool
    /// Why not, in evaluation order (deterministic), at most ``ValidationOptions/maxErrors``.
    public var errors: [SchemaValidationError]
    /// Whether collection stopped at ``ValidationOptions/maxErrors`` (more errors may exist).
    public var isTruncated: Bool

    public init(isValid: Bool, errors: [SchemaValidationError], isTruncated: Bool = false) {
        self.isValid = isValid
        self.errors = errors
        self.isTruncated = isTruncated
    }

    /// The result of a valid instance.
    public static let valid = ValidationResult(isValid: true, errors: [])
}

/// Per-validation choices.
public struct ValidationOptions: Hashable, Sendable {
    /// Which way the instance travels, for `readOnly` and `writeOnly`.
    public enum Direction: Hashable, Sendable {
        /// A request body: `readOnly` properties may be left out even when `required`.
        case request
        /// A response body: `writeOnly` properties may be left out even when `required`.
        case response
        /// Neither: `readOnly` and `writeOnly` change nothing.
        case none
    }

    /// Which way the instance travels. Default ``Direction-swift.enum/none``.
    public var direction: Direction
    /// With a direction: a `readOnly` property in a request, or a `writeOnly` one in a response, is
    /// an error. Default `false`.
    public var strictAccess: Bool
    /// Whether `format` is asserted (an invalid `uuid` fails). Default `true`, since that is what API
    /// users expect; `false` makes formats annotations, as JSON Schema 2020-12 does by default.
    public var assertFormats: Bool
    /// Most errors collected. Default 100.
    public var maxErrors: Int
    /// Deepest nesting of schema evaluation (a guard against hostile schemas and instances).
    /// Default 2,000.
    public var maxDepth: Int
    /// Most schema evaluations for one instance, so that validation ends in bounded time whatever the
    /// schema. Default 5,000,000 (a typical body takes well under a thousand); past it the instance
    /// is reported invalid with `schema.budget_exceeded`.
    public var maxSteps: Int

    public init(
        direction: Direction = .none, strictAccess: Bool = false, assertFormats: Bool = true, maxErrors: Int = 100,
        maxDepth: Int = 2_000, maxSteps: Int = 5_000_000
    ) {
        self.direction = direction
        self.strictAccess = strictAccess
        self.assertFormats = assertFormats
        self.maxErrors = maxErrors
        self.maxDepth = maxDepth
        self.maxSteps = maxSteps
    }
}
