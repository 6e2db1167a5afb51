public import FlowSpecYAML

/// One finding of any part of FlowSpec: a load error, a lint rule's finding or a traffic violation.
///
/// Every finding says *what* (a stable ``code``), *how bad* (``severity``), *where in the spec*
/// (``location`` and ``pointer``), *where in the instance* when there is one (``instancePointer``,
/// or a parameter or header name in ``instanceLocation``) and, when we know, *how to fix* (``hint``).
/// Libraries never print diagnostics; they return them, and the CLI's reporters render them.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    /// Where in the spec (file, line, column); `nil` when the finding is about no place in a file.
    public var location: SourceLocation?
    /// The JSON pointer, in the spec file, of the node the finding is about.
    public var pointer: JSONPointer?
    /// Where in the instance (a request or response body), as a JSON pointer.
    public var instancePointer: JSONPointer?
    /// Where in the instance when that is not a body: `header Content-Type`, `query limit`, `path flowID`.
    public var instanceLocation: String?
    /// How to fix it.
    public var hint: String?
    /// Other places the message refers to, such as the first occurrence of a duplicate key.
    public var related: [SourceLocation]

    // Inlinable: called across modules, it took its fields as arguments and copied them into the
    // returned value (some six hundred instructions for each violation).
    @inlinable public init(
        code: DiagnosticCode, severity: Severity, message: String, location: SourceLocation? = nil,
        pointer: JSONPointer? = nil, instancePointer: JSONPointer? = nil, instanceLocation: String? = nil,
        hint: String? = nil, related: [SourceLocation] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
        self.instancePointer = instancePointer
        self.instanceLocation = instanceLocation
        self.hint = hint
        self.related = related
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `file:line:col: severity: message [code]`, the compiler-like form.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(code)]"
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, offset, then code, so reports are deterministic.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let l = lhs.location
        let r = rhs.location
        if l?.file != r?.file { return (l?.file ?? "") < (r?.file ?? "") }
        if l?.offset != r?.offset { return (l?.offset ?? -1) < (r?.offset ?? -1) }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

extension Diagnostic {
    /// A YAML-layer error as a diagnostic of `file`.
    public init(yaml error: YAMLError, file: String) {
        self.init(
            code: DiagnosticCode(error.code), severity: .error, message: error.message,
            location: SourceLocation(file: file, start: error.mark), hint: error.hint,
            related: error.relatedMark.map { [SourceLocation(file: file, start: $0)] } ?? [])
    }
}
