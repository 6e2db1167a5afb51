import FlowSpecModel
import FlowSpecYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rules about the Markdown of descriptions, titles and summaries, with Spectral's ids.
public enum MarkdownRules {
    public static let all: [LintRule] = [noEval, noScriptTags]

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
        for node in context.documentationTexts {
            let tree = context.tree(node)
            guard tree.withScalarBytes(node.node, { contains($0, needle, anyCase: anyCase) }),
                let text = tree.scalar(node.node)
            else { continue }
            result.append((text, node))
        }
        return result
    }

    /// Whether `bytes` contain the ASCII `needle`, ignoring the case of ASCII letters when `anyCase`.
    ///
    /// Every description of a large spec is scanned, so the scan jumps with `memchr` to each
    /// occurrence of the needle's first byte that is not a letter (`(` of `eval(`, `<` of `<script`),
    /// which has one case only, and compares the needle around it.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, anyCase: Bool) -> Bool {
        needle.withUTF8Buffer { needle in
            guard !needle.isEmpty, bytes.count >= needle.count, let base = bytes.baseAddress else { return false }
            func fold(_ byte: UInt8) -> UInt8 {
                anyCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            func matches(at start: Int) -> Bool {
                var k = 0
                while k < needle.count && fold(bytes[start + k]) == needle[k] { k += 1 }
                return k == needle.count
            }
            let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            guard let anchor = needle.firstIndex(where: { !isLetter($0) }) else {
                return (0...(bytes.count - needle.count)).contains(where: matches)
            }
            // The anchor can sit only where the whole needle fits around it.
            var offset = anchor
            let end = bytes.count - (needle.count - anchor)
            while offset <= end, let found = memchr(base + offset, Int32(needle[anchor]), end + 1 - offset) {
                let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if matches(at: at - anchor) { return true }
                offset = at + 1
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
