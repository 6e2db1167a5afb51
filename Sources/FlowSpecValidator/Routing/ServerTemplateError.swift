public import FlowSpecModel

/// Why a server URL cannot be turned into base paths.
public struct ServerTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server URL as written.
    public let url: String
    let kind: Kind

    enum Kind: Hashable {
        case unterminatedVariable(offset: Int)
        case unmatchedClosingBrace(offset: Int)
        case emptyVariableName(offset: Int)
        case tooManyCombinations(count: Int)
        case invalidPath(PathTemplateError)
    }

    init(url: String, kind: Kind) {
        self.url = url
        self.kind = kind
    }

    /// The stable code: `invalid_server_url`.
    public var code: DiagnosticCode { .invalidServerURL }

    /// What is wrong, without the URL.
    public var reason: String {
        switch kind {
        case .unterminatedVariable(let offset):
            return "'{' at offset \(offset) has no closing '}'"
        case .unmatchedClosingBrace(let offset):
            return "'}' at offset \(offset) has no opening '{'"
        case .emptyVariableName(let offset):
            return "the variable at offset \(offset) has an empty name"
        case .tooManyCombinations(let count):
            return "its variables' enum values make \(count) different base paths, more than the "
                + "\(ServerTemplate.maximumBasePaths) the router accepts; drop the enum of a path variable "
                + "so that it matches any segment"
        case .invalidPath(let error):
            return "its path \"\(error.template)\" is not a valid path: \(error.reason)"
        }
    }

    /// The full message.
    public var message: String { "invalid server URL \"\(url)\": \(reason)" }

    public var description: String { message }
}

extension DiagnosticCode {
    /// A server URL whose template cannot be parsed.
    public static var invalidServerURL: DiagnosticCode { "invalid_server_url" }
}
