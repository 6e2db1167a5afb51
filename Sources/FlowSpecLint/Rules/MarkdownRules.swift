public import FlowSpecModel
import FlowSpecYAML

/// Rules about the Markdown of descriptions, titles and summaries, with Spectral's ids.
public enum MarkdownRules {
    // Each walks the whole document: longer than most rules.
    public static let all: [LintRule] = [noEval.weighing(3), noScriptTags.weighing(3)]

    /// Every `description`, `title` and `summary` text in every file whose bytes contain `needle`
    /// (ASCII letters matched in either case when `anyCase`), with its node. Data (examples,
    /// defaults, enums, constants, extension values) is skipped: a property named `description` in an
    /// example is not documentation.
    ///
    /// The byte test only preselects: a rule still applies its own test to the text, so that only the
    /// few texts that may match become Strings.
    static func texts(
        _ context: LintContext, containing needle: StaticString, anyCase: Bool
    ) -> [(text: String, node: NodeRef)] {
        var result: [(String, NodeRef)] = []
        DocumentWalk.entries(context) { file, tree, key, value in
            guard
                tree.scalar(key, equals: "description") || tree.scalar(key, equals: "title")
                    || tree.scalar(key, equals: "summary"), tree.isScalar(value),
                tree.scalarType(value) == .string, contains(tree.scalarBytes(value), needle, anyCase: anyCase),
                let text = tree.scalar(value)
            else { return }
            result.append((text, NodeRef(file: file, node: value)))
        }
        return result
    }

    /// Whether `bytes` contain the ASCII `needle`, ignoring the case of ASCII letters when `anyCase`.
    static func contains(_ bytes: ArraySlice<UInt8>, _ needle: StaticString, anyCase: Bool) -> Bool {
        needle.withUTF8Buffer { needle in
            guard let first = needle.first, bytes.count >= needle.count else { return false }
            func fold(_ byte: UInt8) -> UInt8 {
                anyCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            var start = bytes.startIndex
            let last = bytes.endIndex - needle.count
            while start <= last {
                if fold(bytes[start]) == first {
                    var k = 1
                    while k < needle.count && fold(bytes[start + k]) == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                start += 1
            }
            return false
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
        for (text, node) in texts(context, containing: "eval(", anyCase: false) where text.contains("eval(") {
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
        for (text, node) in texts(context, containing: "<script", anyCase: true)
        where text.lowercased().contains("<script") {
            findings.report("the text contains a `<script>` tag", at: node, hint: "remove the `<script>` tag")
        }
    }
}
