public import FlowSpecModel

/// A parameter that cannot be decoded from a request, or a definition the decoder cannot use.
///
/// Each error has a stable ``code``, the parameter's ``name`` and ``location`` (reports show them as
/// ``instanceLocation``, `query limit`), and a plain ``message``:
///
/// ```
/// query parameter "limit" is given 2 times, but it takes a single value
/// ```
public struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The parameter's name.
    public let name: String
    /// The parameter's location.
    public let location: ParameterLocation
    let kind: Kind

    enum Kind: Hashable {
        case unknownStyle(ParameterStyle)
        case styleNotAllowed(ParameterStyle)
        case styleNeedsObject(ParameterStyle)
        case styleNeedsArrayOrObject(ParameterStyle)
        case invalidHeaderName
        case missing
        case repeated(count: Int)
        case emptyValue
        case malformedEscape(value: String)
        case notUTF8(value: String)
        /// A value that does not follow its style; the text completes "parameter "x" …".
        case syntax(String)
    }

    init(_ kind: Kind, name: String, location: ParameterLocation) {
        self.kind = kind
        self.name = name
        self.location = location
    }

    init(_ kind: Kind, _ definition: ParameterDefinition) {
        self.init(kind, name: definition.name, location: definition.location)
    }

    /// The stable code.
    public var code: DiagnosticCode {
        switch kind {
        case .unknownStyle, .styleNotAllowed, .styleNeedsObject, .styleNeedsArrayOrObject: return .invalidParameterStyle
        case .invalidHeaderName: return .invalidParameterName
        case .missing: return .missingRequiredParameter
        case .repeated: return .parameterRepeated
        case .emptyValue: return .emptyParameterValue
        case .malformedEscape, .notUTF8: return .invalidPercentEncoding
        case .syntax: return .invalidParameterSyntax
        }
    }

    /// Whether the error is about the spec's definition rather than a request.
    public var isDefinitionError: Bool {
        switch kind {
        case .unknownStyle, .styleNotAllowed, .styleNeedsObject, .styleNeedsArrayOrObject, .invalidHeaderName:
            return true
        default:
            return false
        }
    }

    /// `query limit`, `header X-Request-ID`.
    public var instanceLocation: String { "\(location.rawValue) \(name)" }

    /// One sentence, naming the parameter.
    public var message: String {
        let subject = "\(location.rawValue) parameter \"\(name)\""
        let allowed = location.allowedStyles.map(\.rawValue).joined(separator: ", ")
        switch kind {
        case .unknownStyle(let style):
            return "\(subject) has style \"\(style)\", which OpenAPI does not define; use one of \(allowed)"
        case .styleNotAllowed(let style):
            return "\(subject) has style \"\(style)\", which is not for \(location.rawValue) parameters; "
                + "use one of \(allowed)"
        case .styleNeedsObject(let style):
            return "\(subject) has style \"\(style)\", which applies to objects only, but its schema is not an object"
        case .styleNeedsArrayOrObject(let style):
            return "\(subject) has style \"\(style)\", which applies to arrays and objects only, "
                + "but its schema is a primitive"
        case .invalidHeaderName:
            return "\(subject) has a name that is not a valid HTTP field name (RFC 9110 token)"
        case .missing:
            return "\(subject) is required but missing"
        case .repeated(let count):
            return "\(subject) is given \(count) times, but it takes a single value"
        case .emptyValue:
            return "\(subject) is empty, which it does not allow (it does not set allowEmptyValue)"
        case .malformedEscape(let value):
            return "\(subject) has a '%' that is not followed by two hexadecimal digits in \"\(value)\""
        case .notUTF8(let value):
            return "\(subject) has percent-escapes that do not decode to UTF-8 text in \"\(value)\""
        case .syntax(let detail):
            return "\(subject) \(detail)"
        }
    }

    public var description: String { message }

    /// The error as a ``Diagnostic`` at `severity`, with ``instanceLocation`` filled in.
    public func diagnostic(severity: Severity = .error) -> Diagnostic {
        Diagnostic(code: code, severity: severity, message: message, instanceLocation: instanceLocation)
    }
}

extension DiagnosticCode {
    /// A parameter whose `style` is unknown, not allowed where it is, or does not fit its schema.
    public static var invalidParameterStyle: DiagnosticCode { "invalid_parameter_style" }
    /// A parameter whose name cannot be used where it is (a header name that is not a token).
    public static var invalidParameterName: DiagnosticCode { "invalid_parameter_name" }
    /// A required parameter that the request does not carry.
    public static var missingRequiredParameter: DiagnosticCode { "missing_required_parameter" }
    /// A single-valued parameter given more than once.
    public static var parameterRepeated: DiagnosticCode { "parameter_repeated" }
    /// A query parameter sent empty (`?flag=` or `?flag`) without `allowEmptyValue`.
    public static var emptyParameterValue: DiagnosticCode { "empty_parameter_value" }
    /// A value that does not follow its style's syntax (a label value without `.`, an odd object list).
    public static var invalidParameterSyntax: DiagnosticCode { "invalid_parameter_syntax" }
}
