public import FlowSpecModel

/// Why a media type (a `Content-Type` value, an `Accept` element or an OpenAPI media-type key) is invalid.
///
/// ``offset`` is the UTF-8 offset in ``input`` where the problem was found, and ``message`` says what was
/// expected there, for example:
///
/// ```
/// invalid media type "application/vnd.pingidentity.session.reset json": expected ';' before a parameter,
/// found a space (at offset 42)
/// ```
public struct MediaTypeParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that failed to parse.
    public let input: String
    /// The UTF-8 offset in ``input`` of the problem.
    public let offset: Int
    let kind: Kind

    enum Kind: Hashable {
        case empty
        case emptyType
        case invalidTypeCharacter
        case missingSlash(type: String)
        case emptySubtype
        case invalidSubtypeCharacter
        case expectedSemicolon
        case invalidParameterName
        case missingEquals(name: String)
        case whitespaceAroundEquals(name: String)
        case emptyValue(name: String)
        case invalidValueCharacter(name: String)
        case unterminatedQuotedString(name: String)
        case invalidQuotedCharacter(name: String)
        case duplicateParameter(name: String)
        case invalidQuality
    }

    init(input: String, offset: Int, kind: Kind) {
        self.input = input
        self.offset = offset
        self.kind = kind
    }

    /// The stable code: `invalid_media_type`.
    public var code: DiagnosticCode { .invalidMediaType }

    /// What is wrong, in one sentence, without the input or the position.
    public var reason: String {
        let found = HTTPSyntax.describeCharacter(in: input, atUTF8Offset: offset)
        switch kind {
        case .empty:
            return "it is empty; expected type/subtype such as application/json"
        case .emptyType:
            return "the type before '/' is empty"
        case .invalidTypeCharacter:
            return "\(found) is not allowed in a type name (RFC 9110 token)"
        case .missingSlash(let type):
            return "expected '/' and a subtype after the type \"\(type)\", found \(found)"
        case .emptySubtype:
            return "the subtype after '/' is empty"
        case .invalidSubtypeCharacter:
            return "\(found) is not allowed in a subtype (RFC 9110 token)"
        case .expectedSemicolon:
            return "expected ';' before a parameter, found \(found)"
        case .invalidParameterName:
            return "expected a parameter name (a token) after ';', found \(found)"
        case .missingEquals(let name):
            return "parameter \"\(name)\" has no value: expected '=', found \(found)"
        case .whitespaceAroundEquals(let name):
            return "whitespace is not allowed around '=' in parameter \"\(name)\""
        case .emptyValue(let name):
            return "parameter \"\(name)\" has an empty value; write \"\" for an empty string"
        case .invalidValueCharacter(let name):
            return "\(found) is not allowed in the value of parameter \"\(name)\"; quote the value"
        case .unterminatedQuotedString(let name):
            return "the quoted value of parameter \"\(name)\" has no closing '\"'"
        case .invalidQuotedCharacter(let name):
            return "\(found) is not allowed in the quoted value of parameter \"\(name)\""
        case .duplicateParameter(let name):
            return "parameter \"\(name)\" is given more than once (RFC 6838 §4.3)"
        case .invalidQuality:
            return "the weight q must be a number from 0 to 1 with at most three decimals, such as q=0.5"
        }
    }

    /// The full message: the input, what is wrong and where.
    public var message: String { "invalid media type \"\(input)\": \(reason) (at offset \(offset))" }

    public var description: String { message }
}

extension DiagnosticCode {
    /// A media type that does not follow RFC 9110's `type/subtype *(; name=value)` syntax.
    public static var invalidMediaType: DiagnosticCode { "invalid_media_type" }
}
