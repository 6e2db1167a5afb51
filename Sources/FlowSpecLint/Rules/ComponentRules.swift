import FlowSpecModel
import FlowSpecYAML

/// Rules about `components`, with Spectral's ids.
public enum ComponentRules {
    // Indexes every `$ref` of the spec: one of the longest rules, started among the first.
    public static let all: [LintRule] = [unusedComponent.weighing(8)]

    static let unusedComponent = LintRule(
        id: "oas3-unused-component", severity: .warning, summary: "Every reusable component is referenced.",
        description: """
            A schema, response, parameter, example, request body, header, link, callback (or, in 3.1, path \
            item) in `components` that nothing references is dead weight, and often the sign of a reference \
            that points at the wrong name. Reference it, or remove it. A component that is only a `$ref` to an \
            object in another file counts as used when that object is referenced elsewhere. Security schemes are used by name, not \
            by reference, and are not checked; a document without `paths` or `webhooks` is taken to be a \
            library of components and is not checked either. Schemas named in a discriminator's `mapping` \
            count as used.
            """,
        category: "components"
    ) { context, findings in
        guard let components = context.document.components,
            context.document.paths.map({ !$0.items.isEmpty }) == true || !context.document.webhooks.isEmpty
        else { return }
        let index = ReferenceIndex(context)
        let mapped = discriminatorTargets(context)
        let sections: [(String, [String], [NodeRef])] = [
            ("schemas", components.schemas.keys, components.schemas.keyNodes),
            ("responses", components.responses.keys, components.responses.keyNodes),
            ("parameters", components.parameters.keys, components.parameters.keyNodes),
            ("examples", components.examples.keys, components.examples.keyNodes),
            ("requestBodies", components.requestBodies.keys, components.requestBodies.keyNodes),
            ("headers", components.headers.keys, components.headers.keyNodes),
            ("links", components.links.keys, components.links.keyNodes),
            ("callbacks", components.callbacks.keys, components.callbacks.keyNodes),
            ("pathItems", components.pathItems.keys, components.pathItems.keyNodes),
        ]
        for (section, names, keys) in sections {
            guard let map = context.value(section, in: components.node) else { continue }
            // Each value found by its key node: looking every name up in the mapping again was
            // quadratic in the size of a section.
            var valueOfKey: [NodeID: NodeID] = [:]
            let tree = context.tree(map)
            valueOfKey.reserveCapacity(tree.childCount(map.node))
            for entry in tree.entries(map.node) where valueOfKey[entry.key] == nil {
                valueOfKey[entry.key] = entry.value
            }
            for (name, key) in zip(names, keys) {
                let direct =
                    key.file == map.file ? valueOfKey[key.node].map { NodeRef(file: map.file, node: $0) } : nil
                guard let value = direct ?? context.value(name, in: map) else { continue }
                if index.isReferenced(value) || (section == "schemas" && mapped.contains(name)) { continue }
                // A component that only points at an object in another file (a multi-file spec's index)
                // is in use when that object is.
                if let ref = context.value("$ref", in: value), let text = context.text(ref),
                    let target = ReferenceIndex.locate(text, from: ref, in: context),
                    index.isReferenced(target, byOtherThan: value)
                {
                    continue
                }
                findings.report(
                    "the component `\(name)` in `components.\(section)` is never referenced", at: key,
                    hint:
                        "reference it with `$ref: '#/components/\(section)/\(JSONPointer.escape(name))'`, or remove it")
            }
        }
    }

    /// The names of the component schemas that discriminator mappings name (by name or by reference).
    static func discriminatorTargets(_ context: LintContext) -> Set<String> {
        var names = Set<String>()
        for site in context.schemas {
            for value in site.object?.discriminator?.mapping.values ?? [] {
                let prefix = "#/components/schemas/"
                if value.hasPrefix(prefix) {
                    names.insert(JSONPointer(parsing: value.dropFirst(1))?.tokens.last ?? "")
                } else if !value.contains("/") {
                    names.insert(value)
                }
            }
        }
        return names
    }
}
