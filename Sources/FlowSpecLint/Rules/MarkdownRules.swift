public import FlowSpecModel
import FlowSpecYAML

/// Rules about the Markdown of descriptions, titles and summaries, with Spectral's ids.
public enum MarkdownRules {
    public static let all: [LintRule] = [noEval, noScriptTags]

    /// Every `description`, `title` and `summary` text in every file, with its node. Data (examples,
    /// defaults, enums, constants, extension values) is skipped: a property named `description` in an
    /// example is not documentation.
    static func texts(_ context: LintContext) -> [(text: String, node: NodeRef)] {
        var result: [(String, NodeRef)] = []
        for file in context.files.files {
            let tree = file.tree
            var stack = [file.tree.root]
            var visited = Set<NodeID>()
            while let node = stack.popLast() {
                guard visited.insert(node).inserted else { continue }
                switch tree.kind(node) {
                case .scalar: continue
                case .sequence: stack += tree.items(node)
                case .mapping:
                    for entry in tree.entries(node) {
                        let key = tree.scalar(entry.key) ?? ""
                        if ["description", "title", "summary"].contains(key), tree.isScalar(entry.value),
                            tree.scalarType(entry.value) == .string, let text = tree.scalar(entry.value)
                        {
                            result.append((text, NodeRef(file: file.id, node: entry.value)))
                        } else if !isData(key, value: entry.value, in: tree) {
                            stack.append(entry.value)
                        }
                    }
                }
            }
        }
        return result
    }

    static func isData(_ key: String, value: NodeID, in tree: YAMLTree) -> Bool {
        if key.hasPrefix("x-") { return true }
        switch key {
        case "example", "default", "enum", "const", "value": return true
        case "examples": return tree.isSequence(value)
        default: return false
        }
    }

    static let noEval = LintRule(
        id: "no-eval-in-markdown", severity: .warning, summary: "Descriptions and titles do not contain `eval(`.",
        description: """
            Documentation tools render descriptions as HTML; `eval(` in a description from a third party is a \
            sign of an attempt to run script in the documentation's pages (cross-site scripting). Remove it.
            """,
        category: "markdown"
    ) { context, findings in
        for (text, node) in texts(context) where text.contains("eval(") {
            findings.report("the text contains `eval(`", at: node, hint: "remove the script from the text")
        }
    }

    static let noScriptTags = LintRule(
        id: "no-script-tags-in-markdown", severity: .warning,
        summary: "Descriptions and titles do not contain `<script>` tags.",
        description: """
            Documentation tools render descriptions as HTML, and a `<script>` tag there runs in the pages of \
            whoever publishes the documentation (cross-site scripting). Remove the tag.
            """,
        category: "markdown"
    ) { context, findings in
        for (text, node) in texts(context) where text.lowercased().contains("<script") {
            findings.report("the text contains a `<script>` tag", at: node, hint: "remove the `<script>` tag")
        }
    }
}
