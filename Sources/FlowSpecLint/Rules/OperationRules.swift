import FlowSpecModel

/// Rules about operations: ids, descriptions, responses, parameters, bodies, security and callbacks.
/// Spectral's ids where the meaning is Spectral's; `request-body-on-get` is FlowSpec's.
public enum OperationRules {
    public static let all: [LintRule] = [
        operationDescription, operationId, operationIdUnique, operationIdValidInURL, successResponse,
        operationParameters, requestBodyOnGet, securityDefined, callbacksInCallbacks, callbacksInWebhook,
    ]

    static let operationDescription = LintRule(
        id: "operation-description", severity: .warning, summary: "Every operation has a non-empty `description`.",
        description: """
            The description is where an operation's behaviour, side effects and errors are explained; a summary \
            alone rarely says enough. Add `description:` to the operation.
            """,
        category: "operations"
    ) { context, findings in
        for site in context.operations where (site.operation.description ?? "").trimmingWhitespace.isEmpty {
            findings.report(
                "\(context.name(of: site)) has no `description`",
                at: context.value("description", in: site.operation.node) ?? context.place(site.operation.node),
                hint: "add `description:` explaining what the operation does")
        }
    }

    static let operationId = LintRule(
        id: "operation-operationId", severity: .warning, summary: "Every operation has an `operationId`.",
        description: """
            Code generators name methods after the `operationId`, documentation tools build links from it, \
            and links and traffic reports refer to operations by it. Give every operation a unique, \
            URL-safe `operationId` such as `readFlow`.
            """,
        category: "operations"
    ) { context, findings in
        for site in context.operations where (site.operation.operationId ?? "").trimmingWhitespace.isEmpty {
            findings.report(
                "\(context.name(of: site)) has no `operationId`",
                at: context.value("operationId", in: site.operation.node) ?? context.place(site.operation.node),
                hint: "add `operationId:` with a unique name such as `\(suggestedId(for: site))`")
        }
    }

    /// A lowerCamelCase id from the method and the path's literal segments, for hints.
    static func suggestedId(for site: LintContext.OperationSite) -> String {
        var words = [site.method.rawValue]
        for segment in site.path.split(separator: "/") where !segment.hasPrefix("{") {
            let letters = segment.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            words += letters.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        }
        return words.joined()
    }

    static let operationIdUnique = LintRule(
        id: "operation-operationId-unique", severity: .error, summary: "No two operations share an `operationId`.",
        description: """
            An `operationId` identifies one operation: links, code generators and traffic reports resolve it \
            to a single operation. Rename one of the operations.
            """,
        category: "operations"
    ) { context, findings in
        var first: [String: LintContext.OperationSite] = [:]
        for site in context.operations {
            guard let id = site.operation.operationId, !id.isEmpty else { continue }
            if let earlier = first[id] {
                findings.report(
                    "\(context.name(of: site)) has the `operationId` `\(id)` of \(context.name(of: earlier))",
                    at: context.value("operationId", in: site.operation.node) ?? site.operation.node,
                    hint: "rename one of them")
            } else {
                first[id] = site
            }
        }
    }

    static let operationIdValidInURL = LintRule(
        id: "operation-operationId-valid-in-url", severity: .warning,
        summary: "Every `operationId` uses only characters that are valid in a URL.",
        description: """
            Documentation tools use the `operationId` in URLs and anchors; spaces and other characters that \
            must be escaped break those links. Use letters, digits and `-._~` only.
            """,
        category: "operations"
    ) { context, findings in
        for site in context.operations {
            guard let id = site.operation.operationId,
                let bad = id.unicodeScalars.first(where: { !isURLSafe($0) })
            else { continue }
            findings.report(
                "the `operationId` `\(id)` contains `\(bad.escaped(asASCII: false))`, which is not valid in a URL",
                at: context.value("operationId", in: site.operation.node) ?? site.operation.node,
                hint: "use letters, digits and `-._~` only, such as `\(suggestedId(for: site))`")
        }
    }

    /// RFC 3986 unreserved and reserved characters, as Spectral allows.
    static func isURLSafe(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return true }
        return "-._~:/?#[]@!$&'()*+,;=".unicodeScalars.contains(scalar)
    }

    static let successResponse = LintRule(
        id: "operation-success-response", severity: .warning,
        summary: "Every operation declares at least one 2xx or 3xx response.",
        description: """
            An operation presumably succeeds sometimes: without a success response, clients and validators \
            do not know what a successful answer looks like. Declare the 2xx (or 3xx) response.
            """,
        category: "operations"
    ) { context, findings in
        for site in context.operations {
            guard let responses = site.operation.responses else { continue }
            let success = responses.entries.contains { entry in
                switch entry.status.kind {
                case .code(let code): return (200..<400).contains(code)
                case .range(let digit): return digit == 2 || digit == 3
                case .default: return false
                }
            }
            if !success {
                findings.report(
                    "\(context.name(of: site)) declares no 2xx or 3xx response", at: context.place(responses.node),
                    hint: "add the success response, such as `'200':` with a description and content")
            }
        }
    }

    static let operationParameters = LintRule(
        id: "operation-parameters", severity: .warning,
        summary: "An operation (or path item) does not declare the same parameter twice.",
        description: """
            A parameter is identified by its `name` and `in`; declaring it twice in one list leaves tools to \
            guess which declaration applies. Remove the duplicate (header names compare case-insensitively).
            """,
        category: "parameters"
    ) { context, findings in
        var seenLists = Set<NodeRef>()
        func check(_ list: [Referenceable<Parameter>], owner: NodeRef) {
            guard seenLists.insert(owner).inserted else { return }
            var first: [String: NodeRef] = [:]
            for item in list {
                guard let parameter = context.references.resolve(item) else { continue }
                let node = context.node(of: item) { $0.node }
                let name = parameter.location == .header ? parameter.name.lowercased() : parameter.name
                let key = "\(parameter.location.rawValue) \(name)"
                if let earlier = first[key] {
                    findings.report(
                        "the \(parameter.location.rawValue) parameter `\(parameter.name)` is declared twice (first on line \(context.line(of: earlier)))",
                        at: node, hint: "remove one of the two declarations")
                } else {
                    first[key] = node
                }
            }
        }
        for site in context.operations {
            check(site.pathItem.parameters, owner: site.pathItem.node)
            check(site.operation.parameters, owner: site.operation.node)
        }
    }

    static let requestBodyOnGet = LintRule(
        id: "request-body-on-get", severity: .warning,
        summary: "GET, HEAD, DELETE and TRACE operations have no request body.",
        description: """
            HTTP gives a body no meaning on GET, HEAD and DELETE (RFC 9110, section 9.3) and forbids one on \
            TRACE; proxies and client libraries may drop it or refuse the request, and OpenAPI 3.0 says tools \
            SHALL ignore it. Send the data as parameters, or use POST.
            """,
        category: "operations"
    ) { context, findings in
        for site in context.operations where site.operation.requestBody != nil {
            guard [.get, .head, .delete, .trace].contains(site.method),
                let key = context.key("requestBody", in: site.operation.node)
            else { continue }
            findings.report(
                "\(context.name(of: site)) has a request body, which HTTP gives no meaning on \(site.method.wireName)",
                at: key,
                hint: site.method == .delete
                    ? "identify what to delete with path or query parameters, or use POST"
                    : "send the data as query parameters, or use POST")
        }
    }

    static let securityDefined = LintRule(
        id: "oas3-operation-security-defined", severity: .warning,
        summary: "Security requirements name only schemes declared in `components.securitySchemes`.",
        description: """
            A security requirement refers to a scheme by its name in `components.securitySchemes`; an unknown \
            name means clients cannot tell how to authenticate. Declare the scheme, or fix the name.
            """,
        category: "security"
    ) { context, findings in
        let declared = Set(context.document.components?.securitySchemes.keys ?? [])
        var requirements = context.document.security ?? []
        for site in context.operations { requirements += site.operation.security ?? [] }
        for requirement in requirements {
            for (index, name) in requirement.schemes.keys.enumerated() where !declared.contains(name) {
                findings.report(
                    "the security scheme `\(name)` is not declared in `components.securitySchemes`",
                    at: requirement.schemes.keyNodes[index],
                    hint: declared.isEmpty
                        ? "declare `\(name)` under `components.securitySchemes`"
                        : "declare it, or use one of \(declared.sorted().map { "`\($0)`" }.joined(separator: ", "))")
            }
        }
    }

    static let callbacksInCallbacks = LintRule(
        id: "oas3_callbacks_in_callbacks", severity: .warning, summary: "Callbacks do not declare callbacks.",
        description: """
            A callback is a request the API sends; a callback of a callback describes a request that the \
            API's user would send in answer, which no tool supports. Move it to an operation of its own.
            """,
        category: "operations"
    ) { context, findings in
        for site in context.operations {
            for callback in site.operation.callbacks.values {
                guard let callback = context.references.resolve(callback) else { continue }
                for item in callback.expressions.values {
                    for (_, operation) in context.references.resolve(item)?.operations ?? [] {
                        if let key = context.key("callbacks", in: operation.node) {
                            findings.report(
                                "a callback of \(context.name(of: site)) declares callbacks of its own", at: key,
                                hint: "remove the nested `callbacks`")
                        }
                    }
                }
            }
        }
    }

    static let callbacksInWebhook = LintRule(
        id: "oas3_1-callbacks-in-webhook", severity: .warning, summary: "Webhooks do not declare callbacks.",
        description: """
            A webhook is a request the API sends to its users; a callback on it would be a request the user \
            sends back, which OpenAPI cannot describe usefully. Describe it as an operation of the API instead.
            """,
        category: "operations", versions: .only31
    ) { context, findings in
        for item in context.document.webhooks.values {
            for (_, operation) in context.references.resolve(item)?.operations ?? [] {
                if let key = context.key("callbacks", in: operation.node) {
                    findings.report(
                        "a webhook declares `callbacks`", at: key, hint: "remove `callbacks` from the webhook")
                }
            }
        }
    }
}
