/// A server URL with variables (OpenAPI 3.1 §4.8.5, "Server Object"), reduced to the base paths a
/// request path may start with.
///
/// Only the path part of the URL matters for routing: a request's path is the base path followed by a
/// path template. Variables in the scheme and host (`https://auth.pingone.{tld}`) are ignored, so that
/// URL has one empty base path. A variable in the path part is expanded into its enum values (each a
/// literal base path); without an enum it matches any one non-empty segment.
///
/// ```swift
/// let server = try ServerTemplate(
///     url: "https://api.pingone.{tld}/{version}",
///     variables: [
///         ServerTemplate.Variable(name: "tld", defaultValue: "com", enumValues: ["com", "eu", "asia", "ca", "com.au", "sg"]),
///         ServerTemplate.Variable(name: "version", defaultValue: "v1", enumValues: ["v1", "v2"]),
///     ])
/// server.basePaths.map(\.text)   // ["/v1", "/v2"]
/// ```
///
/// Which part is the path:
/// - `scheme://authority/path` and `//authority/path`: what follows the authority;
/// - `/path`: all of it (relative to the host serving the document);
/// - a URL that starts with a variable (`{baseURL}`) and has no literal `://`: every combination of the
///   variables' values is substituted, then each result is read as above; when the result still has no
///   scheme, its first component is taken to be the host (`{host}/v1` with `host = api.example.com`);
/// - other relative URLs (`v1`, `api/v2`) are resolved against the document's root: `/v1`, `/api/v2`.
///
/// A trailing `/` is dropped (`https://example.com/v1/` has base path `/v1`), since path templates
/// start with `/`. A query or fragment in the URL is ignored. A variable used in the path but not
/// declared matches any one segment and is listed in ``undeclaredVariables``.
public struct ServerTemplate: Sendable, Hashable {
    /// The most base paths one server may expand to.
    public static let maximumBasePaths = 256

    /// The URL as written.
    public let url: String
    /// The declared variables.
    public let variables: [ServerTemplate.Variable]
    /// The base paths, without duplicates, in expansion order; `""` (no segments) when the URL has no path.
    public let basePaths: [PathTemplate]
    /// Variables used in the URL that ``variables`` does not declare.
    public let undeclaredVariables: [String]

    /// Parses `url` and computes its base paths; throws when its braces are unbalanced, a variable name
    /// is empty, its path is not a valid path, or its enums expand to more than ``maximumBasePaths``.
    public init(url: String, variables: [ServerTemplate.Variable] = []) throws(ServerTemplateError) {
        self.url = url
        self.variables = variables
        let tokens = try Self.tokenize(url)
        var undeclared: [String] = []
        for case .variable(let name) in tokens
        where !variables.contains(where: { $0.name == name }) && !undeclared.contains(name) {
            undeclared.append(name)
        }
        self.undeclaredVariables = undeclared
        var paths: [PathTemplate] = []
        for tokens in try Self.pathTokenLists(url: url, tokens: tokens, variables: variables) {
            for path in try Self.expand(url: url, tokens: tokens, variables: variables) where !paths.contains(path) {
                paths.append(path)
            }
        }
        guard paths.count <= Self.maximumBasePaths else {
            throw ServerTemplateError(url: url, kind: .tooManyCombinations(count: paths.count))
        }
        self.basePaths = paths
    }

    enum Token: Hashable {
        case literal(String)
        case variable(String)
    }

    static func tokenize(_ url: String) throws(ServerTemplateError) -> [Token] {
        let bytes = Array(url.utf8)
        var tokens: [Token] = []
        var literalStart = 0
        var position = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{"):
                guard let close = bytes[position...].firstIndex(of: UInt8(ascii: "}")) else {
                    throw ServerTemplateError(url: url, kind: .unterminatedVariable(offset: position))
                }
                if bytes[(position + 1)..<close].contains(UInt8(ascii: "{")) {
                    throw ServerTemplateError(url: url, kind: .unterminatedVariable(offset: position))
                }
                guard close > position + 1 else {
                    throw ServerTemplateError(url: url, kind: .emptyVariableName(offset: position))
                }
                if literalStart < position {
                    tokens.append(.literal(String(decoding: bytes[literalStart..<position], as: UTF8.self)))
                }
                tokens.append(.variable(String(decoding: bytes[(position + 1)..<close], as: UTF8.self)))
                position = close + 1
                literalStart = position
            case UInt8(ascii: "}"):
                throw ServerTemplateError(url: url, kind: .unmatchedClosingBrace(offset: position))
            default:
                position += 1
            }
        }
        if literalStart < bytes.count {
            tokens.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self)))
        }
        return tokens
    }

    /// The token lists of the path part: one list, or one per substitution when the URL starts with a
    /// variable that may hold the scheme and host.
    static func pathTokenLists(url: String, tokens: [Token], variables: [ServerTemplate.Variable]) throws(ServerTemplateError)
        -> [[Token]]
    {
        let hasScheme = tokens.contains {
            if case .literal(let text) = $0 { return text.contains("://") }
            return false
        }
        if hasScheme { return [pathTokens(tokens, skippingAuthority: true)] }
        switch tokens.first {
        case .none:
            return [[]]
        case .literal(let text) where text.hasPrefix("//"):
            return [pathTokens(tokens, skippingAuthority: true)]
        case .literal(let text) where text.hasPrefix("/"):
            return [pathTokens(tokens, skippingAuthority: false)]
        case .literal:
            return [[.literal("/")] + pathTokens(tokens, skippingAuthority: false)]
        case .variable:
            // The URL may live in the variable: substitute everything, then read each result.
            var results: [[Token]] = []
            let combinations = try substitutions(url: url, tokens: tokens, variables: variables)
            for text in combinations {
                let concrete = [Token.literal(text)]
                if text.contains("://") || text.hasPrefix("//") {
                    results.append(pathTokens(concrete, skippingAuthority: true))
                } else if text.hasPrefix("/") {
                    results.append(pathTokens(concrete, skippingAuthority: false))
                } else {
                    results.append(pathTokens([.literal("//" + text)], skippingAuthority: true))
                }
            }
            return results
        }
    }

    /// Every full substitution of the variables' allowed values (undeclared ones stay as `{name}`).
    static func substitutions(url: String, tokens: [Token], variables: [ServerTemplate.Variable]) throws(ServerTemplateError)
        -> [String]
    {
        var results = [""]
        for token in tokens {
            switch token {
            case .literal(let text):
                results = results.map { $0 + text }
            case .variable(let name):
                let values = variables.first { $0.name == name }?.allowedValues ?? ["{\(name)}"]
                guard results.count * values.count <= maximumBasePaths else {
                    throw ServerTemplateError(url: url, kind: .tooManyCombinations(count: results.count * values.count))
                }
                results = results.flatMap { prefix in values.map { prefix + $0 } }
            }
        }
        return results
    }

    /// The tokens from the start of the path to the query or fragment.
    static func pathTokens(_ tokens: [Token], skippingAuthority: Bool) -> [Token] {
        var result: [Token] = []
        // States: looking for "://" or "//", then for the first "/" after the authority, then in the path.
        var state = skippingAuthority ? 0 : 2
        tokenLoop: for token in tokens {
            switch token {
            case .variable:
                if state == 2 { result.append(token) }
            case .literal(var text):
                if state == 0 {
                    if let range = text.firstRange(of: "//") {
                        text = String(text[range.upperBound...])
                        state = 1
                    } else {
                        continue
                    }
                }
                if state == 1 {
                    guard let slash = text.firstIndex(of: "/") else { continue }
                    text = String(text[slash...])
                    state = 2
                }
                if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                    result.append(.literal(String(text[..<end])))
                    break tokenLoop
                }
                result.append(.literal(text))
            }
        }
        return result
    }

    /// Expands enum variables of a path into literal alternatives and parses each as a path template.
    static func expand(url: String, tokens: [Token], variables: [ServerTemplate.Variable]) throws(ServerTemplateError)
        -> [PathTemplate]
    {
        var texts = [""]
        for token in tokens {
            switch token {
            case .literal(let text):
                texts = texts.map { $0 + text }
            case .variable(let name):
                guard let variable = variables.first(where: { $0.name == name }), !variable.enumValues.isEmpty else {
                    texts = texts.map { $0 + "{\(name)}" }
                    continue
                }
                let values = variable.allowedValues
                guard texts.count * values.count <= maximumBasePaths else {
                    throw ServerTemplateError(url: url, kind: .tooManyCombinations(count: texts.count * values.count))
                }
                texts = texts.flatMap { prefix in values.map { prefix + $0 } }
            }
        }
        var templates: [PathTemplate] = []
        for var text in texts {
            if text.hasSuffix("/") { text.removeLast() }
            if text.isEmpty {
                templates.append(.empty)
                continue
            }
            if !text.hasPrefix("/") { text = "/" + text }
            do {
                templates.append(try PathTemplate(parsing: text))
            } catch {
                throw ServerTemplateError(url: url, kind: .invalidPath(error))
            }
        }
        return templates
    }
}
