import FlowSpecModel

/// Rules about tags: the document's `tags` list and the tags operations use, with Spectral's ids.
public enum TagRules {
    public static let all: [LintRule] = [
        openapiTags, tagsAlphabetical, tagsUniqueness, tagDescription, operationTags, operationTagDefined,
        operationSingularTag,
    ]

    static let openapiTags = LintRule(
        id: "openapi-tags", severity: .warning, summary: "The document declares a non-empty `tags` list.",
        description: """
            Declared tags can have a description and an order, which documentation tools use to group \
            operations. Add a top-level `tags:` list naming every tag the operations use.
            """,
        category: "tags", recommended: false
    ) { context, findings in
        guard context.document.tags.isEmpty else { return }
        findings.report(
            "the document declares no `tags`",
            at: context.value("tags", in: context.document.node) ?? context.document.node,
            hint: "add a top-level `tags:` list with a `name` and `description` for each group of operations")
    }

    static let tagsAlphabetical = LintRule(
        id: "openapi-tags-alphabetical", severity: .warning, summary: "The document's tags are in alphabetical order.",
        description: """
            Some teams keep tags sorted so that generated documentation lists groups predictably. Sort the \
            top-level `tags` list by `name`.
            """,
        category: "tags", recommended: false
    ) { context, findings in
        let tags = context.document.tags
        for index in tags.indices.dropFirst() where tags[index].name < tags[index - 1].name {
            findings.report(
                "the tag `\(tags[index].name)` comes after `\(tags[index - 1].name)`, out of alphabetical order",
                at: context.value("name", in: tags[index].node) ?? tags[index].node,
                hint: "sort the top-level `tags` by name")
        }
    }

    static let tagsUniqueness = LintRule(
        id: "openapi-tags-uniqueness", severity: .error, summary: "No two tags of the document have the same name.",
        description: """
            A tag name identifies a group of operations; declaring it twice makes its description and order \
            ambiguous. Merge the duplicate entries.
            """,
        category: "tags"
    ) { context, findings in
        var first: [String: NodeRef] = [:]
        for tag in context.document.tags {
            let node = context.value("name", in: tag.node) ?? tag.node
            if let earlier = first[tag.name] {
                findings.report(
                    "the tag `\(tag.name)` is declared twice (first on line \(context.line(of: earlier)))", at: node,
                    hint: "merge the two entries into one")
            } else {
                first[tag.name] = node
            }
        }
    }

    static let tagDescription = LintRule(
        id: "tag-description", severity: .warning, summary: "Every declared tag has a `description`.",
        description: """
            A tag's name rarely says enough: documentation tools show its description above the operations it \
            groups. Add a `description` to the tag.
            """,
        category: "tags", recommended: false
    ) { context, findings in
        for tag in context.document.tags where (tag.description ?? "").trimmingWhitespace.isEmpty {
            findings.report(
                "the tag `\(tag.name)` has no `description`", at: context.value("name", in: tag.node) ?? tag.node,
                hint: "add `description:` to the tag")
        }
    }

    static let operationTags = LintRule(
        id: "operation-tags", severity: .warning, summary: "Every operation has at least one tag.",
        description: """
            Documentation and code generators group operations by their first tag; an untagged operation \
            ends up in a catch-all group. Add `tags:` to the operation.
            """,
        category: "tags"
    ) { context, findings in
        for site in context.operations where site.operation.tags.isEmpty {
            findings.report(
                "\(context.name(of: site)) has no tags",
                at: context.value("tags", in: site.operation.node) ?? context.place(site.operation.node),
                hint: "add `tags:` naming one of the document's tags")
        }
    }

    static let operationTagDefined = LintRule(
        id: "operation-tag-defined", severity: .warning, summary: "Operations use only tags the document declares.",
        description: """
            A tag used by an operation but missing from the top-level `tags` list has no description and no \
            place in the order; it is often a typo. Declare the tag, or fix its spelling.
            """,
        category: "tags"
    ) { context, findings in
        let declared = Set(context.document.tags.map(\.name))
        for site in context.operations {
            guard let list = context.value("tags", in: site.operation.node) else { continue }
            for item in context.items(list) {
                guard let name = context.text(item), !declared.contains(name) else { continue }
                findings.report(
                    "\(context.name(of: site)) uses the tag `\(name)`, which the document does not declare", at: item,
                    hint: "add `- name: \(name)` to the top-level `tags`, or use a declared tag")
            }
        }
    }

    static let operationSingularTag = LintRule(
        id: "operation-singular-tag", severity: .warning, summary: "Every operation has at most one tag.",
        description: """
            Some documentation tools list an operation once under each of its tags, which duplicates content. \
            Keep one tag per operation.
            """,
        category: "tags", recommended: false
    ) { context, findings in
        for site in context.operations where site.operation.tags.count > 1 {
            findings.report(
                "\(context.name(of: site)) has \(site.operation.tags.count) tags",
                at: context.key("tags", in: site.operation.node) ?? context.place(site.operation.node),
                hint: "keep only the operation's main tag")
        }
    }
}
