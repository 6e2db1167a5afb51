import FlowSpecModel

/// A place in the spec that violations point at, resolved once when the plan is built, so that a
/// violation costs no tree walk.
struct SpecSite: Sendable, Hashable {
    var location: SourceLocation?
    var pointer: JSONPointer?

    static let none = SpecSite(location: nil, pointer: nil)

    init(location: SourceLocation?, pointer: JSONPointer?) {
        self.location = location
        self.pointer = pointer
    }

    init(_ node: NodeRef, in files: SpecFileSet) {
        location = files.location(of: node)
        pointer = files.pointer(of: node)
    }

    /// A violation at this site.
    func diagnostic(
        _ code: DiagnosticCode, _ message: String, instanceLocation: String? = nil, instancePointer: JSONPointer? = nil,
        severity: Severity = .error, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            code: code, severity: severity, message: message, location: location, pointer: pointer,
            instancePointer: instancePointer, instanceLocation: instanceLocation, hint: hint)
    }
}
