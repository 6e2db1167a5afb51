import FlowSpecModel

/// Rules about Parameter Objects: Spectral's `oas3-parameter-description` and FlowSpec's
/// `header-parameter-ignored`.
public enum ParameterRules {
    public static let all: [LintRule] = [parameterDescription, headerParameterIgnored]

    /// Every parameter written in the document (on path items, operations and in components), each once.
    static func parameters(_ context: LintContext) -> [Parameter] {
        context.shared.parameters { listParameters(context) }
    }

    private static func listParameters(_ context: LintContext) -> [Parameter] {
        var result: [Parameter] = []
        var seen = Set<NodeRef>()
        func add(_ list: [Referenceable<Parameter>]) {
            for item in list {
                if let parameter = context.references.resolve(item), seen.insert(parameter.node).inserted {
                    result.append(parameter)
                }
            }
        }
        for site in context.operations {
            add(site.pathItem.parameters)
            add(site.operation.parameters)
        }
        add(Array(context.document.components?.parameters.values ?? []))
        return result
    }

    static let parameterDescription = LintRule(
        id: "oas3-parameter-description", severity: .warning, summary: "Every parameter has a `description`.",
        description: """
            A parameter's name rarely says which values it takes and what it changes. Add a `description` to \
            the parameter.
            """,
        category: "parameters", recommended: false
    ) { context, findings in
        for parameter in parameters(context) where (parameter.description ?? "").trimmingWhitespace.isEmpty {
            findings.report(
                "the \(parameter.location.rawValue) parameter `\(parameter.name)` has no `description`",
                at: context.place(parameter.node), hint: "add `description:` to the parameter")
        }
    }

    static let headerParameterIgnored = LintRule(
        id: "header-parameter-ignored", severity: .warning,
        summary: "No header parameter is named `Accept`, `Content-Type`, `Authorization` or `Cookie`.",
        description: """
            OpenAPI ignores header parameters named `Accept`, `Content-Type` and `Authorization` (section \
            4.8.12.1): the request body's `content` map says which media types are sent, responses' `content` \
            which are accepted, and `security` how requests authenticate. A `Cookie` header parameter hides \
            the cookies from tools: describe each cookie as a parameter with `in: cookie`.
            """,
        category: "parameters"
    ) { context, findings in
        for parameter in parameters(context) where parameter.location == .header {
            let node = context.value("name", in: parameter.node) ?? parameter.node
            switch parameter.name.lowercased() {
            case "content-type":
                findings.report(
                    "OpenAPI ignores the header parameter `\(parameter.name)`", at: node,
                    hint: "remove it; the request body's `content` keys declare the media types sent")
            case "accept":
                findings.report(
                    "OpenAPI ignores the header parameter `\(parameter.name)`", at: node,
                    hint: "remove it; the responses' `content` keys declare the media types returned")
            case "authorization":
                findings.report(
                    "OpenAPI ignores the header parameter `\(parameter.name)`", at: node,
                    hint:
                        "remove it; declare a security scheme (such as `type: http`, `scheme: bearer`) and require it with `security`"
                )
            case "cookie":
                findings.report(
                    "the header parameter `\(parameter.name)` hides the cookies it carries", at: node,
                    hint: "declare each cookie as a parameter with `in: cookie` and its own name")
            default:
                continue
            }
        }
    }
}
