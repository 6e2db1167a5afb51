import FlowSpecModel

/// Rules about path templates and their parameters. Spectral's ids, plus FlowSpec's `path-identical`
/// (which Spectral folds into `path-params`) and `path-ambiguous`.
public enum PathRules {
    public static let all: [LintRule] = [
        declarationsMustExist, noTrailingSlash, noQuery, pathParams, pathIdentical, pathAmbiguous,
    ]

    static let declarationsMustExist = LintRule(
        id: "path-declarations-must-exist", severity: .warning,
        summary: "Path templates do not contain empty `{}`.",
        description: """
            `{}` in a path declares a parameter without a name, which no Parameter Object can describe. Put the \
            parameter's name between the braces, as in `/pets/{petId}`.
            """,
        category: "paths"
    ) { context, findings in
        for (template, key) in context.paths where template.path.containsASCII("{}") {
            findings.report(
                "the path `\(template.path)` has an empty parameter `{}`", at: key,
                hint: "name the parameter, as in `{id}`, and declare it with `in: path`")
        }
    }

    static let noTrailingSlash = LintRule(
        id: "path-keys-no-trailing-slash", severity: .warning, summary: "Paths do not end with `/`.",
        description: """
            Some servers and tools treat `/pets` and `/pets/` as the same resource and others do not. Write the \
            path without the trailing slash.
            """,
        category: "paths"
    ) { context, findings in
        for (template, key) in context.paths where template.path.count > 1 && template.path.hasSuffix("/") {
            findings.report(
                "the path `\(template.path)` ends with `/`", at: key, hint: "write `\(template.path.dropLast())`")
        }
    }

    static let noQuery = LintRule(
        id: "path-not-include-query", severity: .warning, summary: "Paths do not contain a query string.",
        description: """
            A `?` in a path key is taken literally: the query is part of the path, so no request matches it. \
            Describe query parameters as parameters with `in: query`.
            """,
        category: "paths"
    ) { context, findings in
        for (template, key) in context.paths where template.path.contains("?") {
            findings.report(
                "the path `\(template.path)` contains a query string", at: key,
                hint: "remove `?...` from the path and declare those parameters with `in: query`")
        }
    }

    static let pathParams = LintRule(
        id: "path-params", severity: .error,
        summary:
            "Every path template variable is declared as a path parameter, and every path parameter is in the template.",
        description: """
            A `{name}` in a path must be declared by a parameter with `in: path` (on the operation or its path \
            item), and a path parameter that the template does not contain can never receive a value. A name \
            may appear only once in a template. Declare the missing parameters, or fix the names. (That path \
            parameters are `required: true` is checked when loading.)
            """,
        category: "paths"
    ) { context, findings in
        guard let paths = context.document.paths else { return }
        var reported = Set<NodeRef>()
        for (index, (path, item)) in paths.items.enumerated() {
            let key = paths.items.keyNodes[index]
            let template = context.paths[index].template
            var once = Set<String>()
            for name in template.variables where !name.isEmpty && !once.insert(name).inserted {
                findings.report(
                    "the path `\(path)` uses the parameter `{\(name)}` more than once", at: key,
                    hint: "give each path parameter a different name")
            }
            guard let pathItem = context.references.resolve(item) else { continue }
            let variables = Set(template.variables)
            for (method, operation) in pathItem.operations {
                let site = LintContext.OperationSite(
                    path: path, pathKey: key, pathItem: pathItem, method: method, operation: operation)
                let declared = context.parameters(of: site).filter { $0.location == .path }
                var missing: [String] = []
                for name in template.variables where !name.isEmpty && !missing.contains(name) {
                    if !declared.contains(where: { $0.name == name }) { missing.append(name) }
                }
                for name in missing {
                    findings.report(
                        "\(method.wireName) \(path) does not declare the path parameter `\(name)`",
                        at: context.place(operation.node),
                        hint: "add `- name: \(name)`, `in: path`, `required: true` and a schema to its `parameters`")
                }
                let lists = [operation.parameters, pathItem.parameters]
                for list in lists {
                    for entry in list {
                        guard let parameter = context.references.resolve(entry), parameter.location == .path,
                            !variables.contains(parameter.name)
                        else { continue }
                        let node = context.node(of: entry) { context.value("name", in: $0.node) ?? $0.node }
                        guard reported.insert(node).inserted else { continue }
                        findings.report(
                            "the path parameter `\(parameter.name)` is not in the path `\(path)`", at: node,
                            hint: variables.isEmpty
                                ? "remove the parameter, or add `{\(parameter.name)}` to the path"
                                : "use one of \(template.variables.map { "`\($0)`" }.joined(separator: ", ")), or add `{\(parameter.name)}` to the path"
                        )
                    }
                }
            }
        }
    }

    static let pathIdentical = LintRule(
        id: "path-identical", severity: .error,
        summary: "No two paths differ only in the names of their parameters.",
        description: """
            `/pets/{id}` and `/pets/{name}` match exactly the same URLs, so no router can tell which operations \
            apply. Merge the two path items into one.
            """,
        category: "paths"
    ) { context, findings in
        var first: [String: (String, NodeRef)] = [:]
        for (template, key) in context.paths {
            let form = template.normalized
            if let (earlier, earlierKey) = first[form] {
                findings.report(
                    "the path `\(template.path)` matches the same URLs as `\(earlier)` (line \(context.line(of: earlierKey)))",
                    at: key, hint: "merge the two path items, using one parameter name")
            } else {
                first[form] = (template.path, key)
            }
        }
    }

    static let pathAmbiguous = LintRule(
        id: "path-ambiguous", severity: .warning,
        summary: "No URL matches two paths of which neither is more specific.",
        description: """
            OpenAPI matches concrete path segments before templated ones, so `/pets/mine` wins over \
            `/pets/{id}`. But `/{kind}/mine` and `/pets/{id}` both match `/pets/mine` and neither is more \
            concrete: which operation serves the request depends on the tool. Rename a literal segment, or \
            merge the paths.
            """,
        category: "paths"
    ) { context, findings in
        var byCount: [Int: [(template: PathTemplate, key: NodeRef)]] = [:]
        for entry in context.paths {
            let earlier = byCount[entry.template.segments.count] ?? []
            if let other = earlier.first(where: { $0.template.isAmbiguous(with: entry.template) }) {
                findings.report(
                    "the path `\(entry.template.path)` and `\(other.template.path)` (line \(context.line(of: other.key))) both match some URLs, and neither is more specific",
                    at: entry.key, hint: "make one literal segment differ, or merge the two paths")
            }
            byCount[entry.template.segments.count, default: []].append(entry)
        }
    }
}
