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
        DocumentWalk.entries(context) { file, tree, _, value, name in
            guard name == "description" || name == "title" || name == "summary", tree.isScalar(value),
                tree.scalarType(value) == .string, let text = tree.scalar(value)
            else { return }
            result.append((text, NodeRef(file: file, node: value)))
        }
        return result
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
