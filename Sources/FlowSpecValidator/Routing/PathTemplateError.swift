public import FlowSpecModel

/// Why a path template (or the path part of a server URL) is malformed, and where.
public struct PathTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template as written.
    public let template: String
    /// The UTF-8 offset of the problem in ``template``.
    public let offset: Int
    let kind: Kind

    enum Kind: Hashable {
        case empty
        case missingLeadingSlash
        case unterminatedVariable
        case unmatchedClosingBrace
        case nestedBrace
        case emptyVariableName
        case duplicateVariable(name: String)
        case adjacentVariables(first: String, second: String)
        case queryOrFragment
    }

    init(template: String, offset: Int, kind: Kind) {
        self.template = template
        self.offset = offset
        self.kind = kind
    }

    /// The stable code: `invalid_path_template`.
    public var code: DiagnosticCode { .invalidPathTemplate }

    /// What is wrong, without the template.
    public var reason: String {
        switch kind {
        case .empty:
            return "it is empty; a path starts with '/'"
        case .missingLeadingSlash:
            return "it must start with '/'"
        case .unterminatedVariable:
            return "'{' at offset \(offset) has no closing '}' in the same segment"
        case .unmatchedClosingBrace:
            return "'}' at offset \(offset) has no opening '{'"
        case .nestedBrace:
            return "'{' at offset \(offset) is inside another variable; variables do not nest"
        case .emptyVariableName:
            return "the variable at offset \(offset) has an empty name"
        case .duplicateVariable(let name):
            return "variable {\(name)} appears more than once; each path parameter has one value"
        case .adjacentVariables(let first, let second):
            return "{\(first)}{\(second)} has no literal between the variables, so a value cannot be split "
                + "between them; put a separator such as '.' or '-' between them"
        case .queryOrFragment:
            return "'\(HTTPSyntax.describeCharacter(in: template, atUTF8Offset: offset).dropFirst().dropLast())' "
                + "at offset \(offset) starts a query or fragment, which a path template must not contain; "
                + "declare query parameters instead"
        }
    }

    /// The full message.
    public var message: String { "invalid path template \"\(template)\": \(reason)" }

    public var description: String { message }
}

extension DiagnosticCode {
    /// A path template (a key of `paths`) that cannot be parsed.
    public static var invalidPathTemplate: DiagnosticCode { "invalid_path_template" }
}
