import FlowSpecModel
import Foundation

/// Rules about `servers` (at the root, on path items and on operations), with Spectral's ids.
public enum ServerRules {
    public static let all: [LintRule] = [apiServers, trailingSlash, notExampleCom, variables, serversInWebhook]

    /// Every Server Object of the document with where it was written.
    static func servers(_ context: LintContext) -> [Server] {
        var result = context.document.servers
        var seenItems = Set<NodeRef>()
        for site in context.operations {
            if seenItems.insert(site.pathItem.node).inserted { result += site.pathItem.servers ?? [] }
            result += site.operation.servers ?? []
        }
        return result
    }

    static let apiServers = LintRule(
        id: "oas3-api-servers", severity: .warning, summary: "The document lists at least one server.",
        description: """
            Without `servers`, tools assume the API is served from `/` on the host the document came from, which \
            is rarely true. List the production URL (and staging or sandbox ones people may use).
            """,
        category: "servers"
    ) { context, findings in
        guard context.document.servers.isEmpty else { return }
        let node = context.value("servers", in: context.document.node) ?? context.document.node
        findings.report(
            "the document lists no `servers`", at: node,
            hint: "add `servers:` with the API's base URL, such as `- url: https://api.example.org/v1`")
    }

    static let trailingSlash = LintRule(
        id: "oas3-server-trailing-slash", severity: .warning, summary: "Server URLs do not end with `/`.",
        description: """
            Paths start with `/`, and tools join them to the server URL: a trailing slash gives URLs such as \
            `https://api.example.org/v1//pets`. Remove the slash at the end of the server URL.
            """,
        category: "servers"
    ) { context, findings in
        for server in servers(context) where server.url.count > 1 && server.url.hasSuffix("/") {
            findings.report(
                "the server URL `\(server.url)` ends with `/`",
                at: context.value("url", in: server.node) ?? server.node,
                hint: "write `\(server.url.dropLast())`")
        }
    }

    static let notExampleCom = LintRule(
        id: "oas3-server-not-example.com", severity: .warning, summary: "Server URLs do not point to example.com.",
        description: """
            `example.com` is reserved for documentation: a server there is a placeholder that was never replaced. \
            Put the API's real host name.
            """,
        category: "servers", recommended: false
    ) { context, findings in
        for server in servers(context) {
            guard let host = ServerURL.host(of: server.url)?.lowercased(),
                host == "example.com" || host.hasSuffix(".example.com")
            else { continue }
            findings.report(
                "the server URL `\(server.url)` points to example.com",
                at: context.value("url", in: server.node) ?? server.node,
                hint: "replace the placeholder with the API's real host")
        }
    }

    static let variables = LintRule(
        id: "oas3-server-variables", severity: .error,
        summary: "Server URL variables are declared, used, have a default among their `enum`, and give a valid URL.",
        description: """
            Each `{name}` in a server URL must be declared under `variables` (tools cannot build the URL \
            otherwise), each declared variable should appear in the URL, a variable's `default` must be one of \
            its `enum` values, and the URL with every default substituted must be a valid URL.
            """,
        category: "servers"
    ) { context, findings in
        for server in servers(context) {
            let urlNode = context.value("url", in: server.node) ?? server.node
            let used = ServerURL.variableNames(in: server.url)
            for name in used where server.variables[name] == nil {
                findings.report(
                    "the server URL uses `{\(name)}`, which is not declared under `variables`", at: urlNode,
                    hint: "add `\(name):` with a `default` under the server's `variables`")
            }
            for (index, (name, variable)) in server.variables.enumerated() {
                if !used.contains(name) {
                    findings.report(
                        "the server variable `\(name)` is not used in the URL `\(server.url)`",
                        at: server.variables.keyNodes[index], hint: "use `{\(name)}` in the URL, or remove the variable"
                    )
                }
                if let values = variable.enumValues, !values.isEmpty, !values.contains(variable.defaultValue) {
                    findings.report(
                        "the default `\(variable.defaultValue)` of the server variable `\(name)` is not one of its `enum` values",
                        at: context.value("default", in: variable.node) ?? variable.node,
                        hint: "use one of \(values.map { "`\($0)`" }.joined(separator: ", ")) as the default")
                }
            }
            guard used.allSatisfy({ server.variables[$0] != nil }) else { continue }
            var expanded = server.url
            for (name, variable) in server.variables {
                expanded = expanded.replacingOccurrences(of: "{\(name)}", with: variable.defaultValue)
            }
            if !ServerURL.isValid(expanded) {
                findings.report(
                    "the server URL with its defaults substituted, `\(expanded)`, is not a valid URL", at: urlNode,
                    hint: "fix the URL or the variables' defaults")
            }
        }
    }

    static let serversInWebhook = LintRule(
        id: "oas3_1-servers-in-webhook", severity: .warning, summary: "Webhooks do not declare `servers`.",
        description: """
            A webhook is a request the API sends to its users; it has no server of the API to go to, so \
            `servers` on a webhook means nothing. Remove it.
            """,
        category: "servers", versions: .only31
    ) { context, findings in
        for case .value(let item) in context.document.webhooks.values {
            var owners = [item.node]
            owners += item.operations.map(\.operation.node)
            for owner in owners {
                if let key = context.key("servers", in: owner) {
                    findings.report(
                        "a webhook declares `servers`", at: key, hint: "remove `servers`: webhooks are sent by the API")
                }
            }
        }
    }
}

/// Reading server URL templates (`https://{region}.example.org/v1`).
enum ServerURL {
    /// The names of the `{variables}` in a URL template, in order.
    static func variableNames(in url: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in url {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !names.contains(name) { names.append(name) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }

    /// The host of an absolute URL (`nil` for a relative one, or when the host is a template).
    static func host(of url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        var authority = url[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host = authority.prefix { $0 != ":" }
        return host.isEmpty || host.contains("{") ? nil : String(host)
    }

    /// Whether `url` (with no template left) is a valid absolute URL or relative reference.
    static func isValid(_ url: String) -> Bool {
        guard !url.isEmpty, !url.contains(where: { $0 == " " || $0 == "{" || $0 == "}" }),
            let parsed = URL(string: url)
        else { return false }
        guard let separator = url.range(of: "://") else { return true }
        guard let scheme = parsed.scheme, scheme.first?.isLetter == true, let host = parsed.host, !host.isEmpty
        else { return false }
        // Foundation accepts a non-numeric port as part of the host; RFC 3986 does not.
        let authority = url[separator.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let port = authority[authority.index(after: colon)...]
            if port.isEmpty || !port.allSatisfy(\.isASCIIDigit) { return false }
        }
        return true
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
