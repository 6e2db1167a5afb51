import FlowSpecModel
import FlowSpecYAML

/// Rules about the flows spec's `x-hal-actions` link extension (docs/link-extension.md):
/// `link-extension-invalid`, `link-extension-undeclared-media-type` and
/// `link-extension-unmapped-media-type`.
public enum LinkExtensionRules {
    public static let all: [LintRule] = [invalid, undeclaredMediaType, unmappedMediaType]

    static let name = "x-hal-actions"

    /// One `x-hal-actions` on an operation, with the media types of the operation's request body.
    struct Site {
        var operation: LintContext.OperationSite
        var key: NodeRef
        var value: NodeRef
        /// Request body media type essences (lower case) with their keys, in order.
        var content: [(essence: String, key: String, node: NodeRef)]
        var hasRequestBody: Bool
    }

    /// Every operation's `x-hal-actions` whose shape is good enough for the cross-checks (an object
    /// of version 1).
    static func sites(_ context: LintContext) -> [Site] {
        var result: [Site] = []
        for site in context.operations {
            guard let value = site.operation.extensions[name], let key = site.operation.extensions.keyNode(name),
                context.tree(value).isMapping(value.node)
            else { continue }
            if let version = context.value("version", in: value), context.text(version) != "1" { continue }
            let body = site.operation.requestBody.flatMap(context.references.resolve)
            var content: [(String, String, NodeRef)] = []
            for (index, mediaKey) in (body?.content.keys ?? []).enumerated() {
                let essence = mediaKey.split(separator: ";").first.map { $0.trimming(" \t").lowercased() } ?? ""
                content.append((essence, mediaKey, body?.content.keyNodes[index] ?? key))
            }
            result.append(Site(operation: site, key: key, value: value, content: content, hasRequestBody: body != nil))
        }
        return result
    }

    /// The media type entries of `actions` and `unadvertised`: the text, its node, and where it is listed.
    static func listedMediaTypes(_ site: Site, in context: LintContext) -> [(text: String, node: NodeRef, list: String)]
    {
        var result: [(String, NodeRef, String)] = []
        if let actions = context.value("actions", in: site.value) {
            for (key, list) in context.entries(actions) {
                for item in context.items(list) {
                    if let text = context.text(item) {
                        result.append((text, item, "actions.\(context.text(key) ?? "")"))
                    }
                }
            }
        }
        if let unadvertised = context.value("unadvertised", in: site.value) {
            for item in context.items(unadvertised) {
                if let text = context.text(item) { result.append((text, item, "unadvertised")) }
            }
        }
        return result
    }

    static let invalid = LintRule(
        id: "link-extension-invalid", severity: .error,
        summary: "`x-hal-actions` follows its grammar and refers to operations and parameters that exist.",
        description: """
            A traffic checker reads `x-hal-actions` to know which request may follow which response \
            (docs/link-extension.md); a malformed extension is ignored or misread, and the checks it \
            enables silently stop. Reported: a value that does not match the grammar (unknown or missing \
            members, wrong types, bad pointers, durations or statuses), an operation without a request body, \
            a media type both in `actions` and `unadvertised`, a `linkSources` entry that names no operation, \
            an operation or link source without the `identifiedBy` parameter, an `unconfirmedRelations` \
            entry that is not a relation of `actions`, an unsupported `version`, and the extension anywhere \
            but on an Operation Object.
            """,
        category: "link extension"
    ) { context, findings in
        var known = Set<NodeRef>()
        for site in context.operations {
            guard let value = site.operation.extensions[name], let key = site.operation.extensions.keyNode(name)
            else { continue }
            known.insert(key)
            var shape = HALActionsShape(context: context)
            shape.check(value, key: key)
            if let (version, node) = shape.unsupportedVersion {
                findings.report(
                    "`x-hal-actions` version \(version) is not supported; FlowSpec ignores this extension", at: node,
                    hint: "FlowSpec reads version 1 of the extension", severity: .warning)
                continue
            }
            for problem in shape.problems { findings.report(problem.message, at: problem.node, hint: problem.hint) }
        }
        for site in sites(context) { crossCheck(site, context, &findings) }
        reportMisplaced(known: known, context, &findings)
    }

    static func crossCheck(_ site: Site, _ context: LintContext, _ findings: inout LintFindings) {
        if !site.hasRequestBody {
            findings.report(
                "\(context.name(of: site.operation)) has `x-hal-actions` but no request body", at: site.key,
                hint:
                    "the actions are the media types of the operation's `requestBody.content`; add it, or move the extension"
            )
        }
        let listed = listedMediaTypes(site, in: context)
        let advertised = Set(listed.filter { $0.list != "unadvertised" }.map { $0.text.lowercased() })
        for entry in listed where entry.list == "unadvertised" && advertised.contains(entry.text.lowercased()) {
            findings.report(
                "`\(entry.text)` is both in `actions` and in `unadvertised`", at: entry.node,
                hint: "keep it in `actions` if a relation advertises it, else only in `unadvertised`")
        }
        var relations = Set<String>()
        if let actions = context.value("actions", in: site.value) {
            for (key, _) in context.entries(actions) { relations.insert(context.text(key) ?? "") }
        }
        if let unconfirmed = context.value("unconfirmedRelations", in: site.value) {
            for item in context.items(unconfirmed) {
                guard let relation = context.text(item), !relations.contains(relation) else { continue }
                findings.report(
                    "the unconfirmed relation `\(relation)` is not a relation of `actions`", at: item,
                    hint: "add it to `actions` with its media types, or remove it")
            }
        }
        // The identity parameter, on the operation and on every link source.
        guard let identity = context.value("identifiedBy", in: site.value),
            let location = context.value("in", in: identity).flatMap(context.text).flatMap({
                ParameterLocation(rawValue: $0)
            }),
            let parameterName = context.value("name", in: identity).flatMap(context.text)
        else { return }
        func declares(_ operation: LintContext.OperationSite) -> Bool {
            context.parameters(of: operation).contains {
                $0.location == location
                    && (location == .header
                        ? $0.name.lowercased() == parameterName.lowercased() : $0.name == parameterName)
            }
        }
        if !declares(site.operation) {
            findings.report(
                "\(context.name(of: site.operation)) declares no \(location.rawValue) parameter `\(parameterName)`, which `identifiedBy` names",
                at: identity, hint: "declare the parameter on the operation or its path item, or fix `identifiedBy`")
        }
        guard let sources = context.value("linkSources", in: site.value) else { return }
        for item in context.items(sources) {
            guard let id = context.text(item) else { continue }
            guard let source = context.operations.first(where: { $0.operation.operationId == id }) else {
                findings.report(
                    "the link source `\(id)` is not the `operationId` of any operation", at: item,
                    hint: "use the operationId of the operation whose responses carry the links")
                continue
            }
            if !declares(source) {
                findings.report(
                    "the link source `\(id)` declares no \(location.rawValue) parameter `\(parameterName)`, which `identifiedBy` names",
                    at: item, hint: "declare the parameter on that operation or its path item")
            }
        }
    }

    /// `x-hal-actions` anywhere but on an operation under `paths`.
    static func reportMisplaced(known: Set<NodeRef>, _ context: LintContext, _ findings: inout LintFindings) {
        var operations = known
        for item in context.document.webhooks.values {
            for (_, operation) in context.references.resolve(item)?.operations ?? [] {
                if let key = operation.extensions.keyNode(name) { operations.insert(key) }
            }
        }
        // The `x-hal-actions` keys in walk order, gathered while the context was built.
        for keyRef in context.halActionsKeys where !operations.contains(keyRef) {
            findings.report(
                "`x-hal-actions` is only read on an Operation Object", at: keyRef,
                hint: "move it to the operation whose request body holds the actions' media types")
        }
    }

    static let undeclaredMediaType = LintRule(
        id: "link-extension-undeclared-media-type", severity: .error,
        summary: "Every media type that `x-hal-actions` lists is a media type of the operation's request body.",
        description: """
            Each media type under `actions` (or `unadvertised`) names a request the operation accepts; one that \
            the request body's `content` does not declare is a typo or a forgotten body, and requests with it \
            fail validation before the link check can run. Declare the media type in `requestBody.content`, or \
            fix its spelling (compared case-insensitively, parameters ignored).
            """,
        category: "link extension"
    ) { context, findings in
        for site in sites(context) where site.hasRequestBody {
            let declared = Set(site.content.map(\.essence))
            for entry in listedMediaTypes(site, in: context) where !declared.contains(entry.text.lowercased()) {
                let close = site.content.first { EditDistance.distance($0.essence, entry.text.lowercased()) <= 3 }
                findings.report(
                    "`\(entry.text)` in `\(entry.list)` is not a media type of the request body of \(context.name(of: site.operation))",
                    at: entry.node,
                    hint: close.map { "did you mean `\($0.key)`?" }
                        ?? "add `\(entry.text):` with its schema to the operation's `requestBody.content`")
            }
        }
    }

    static let unmappedMediaType = LintRule(
        id: "link-extension-unmapped-media-type", severity: .info,
        summary: "Every request body media type of an `x-hal-actions` operation is in `actions` or `unadvertised`.",
        description: """
            A request body media type that `x-hal-actions` does not list is treated as unadvertised: requests \
            with it are never checked against the links. That is usually an action someone forgot to map. \
            Add it under the relation that advertises it in `actions`, or to `unadvertised`.
            """,
        category: "link extension"
    ) { context, findings in
        for site in sites(context) {
            let listed = Set(listedMediaTypes(site, in: context).map { $0.text.lowercased() })
            for entry in site.content where !listed.contains(entry.essence) {
                findings.report(
                    "the request body media type `\(entry.key)` is in neither `actions` nor `unadvertised` of `x-hal-actions`",
                    at: entry.node, hint: "list it under the relation that advertises it, or in `unadvertised`")
            }
        }
    }
}

/// Edit distance, for "did you mean" hints.
enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
