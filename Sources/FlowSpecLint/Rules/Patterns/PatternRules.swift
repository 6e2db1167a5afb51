import FlowSpecModel

/// Rules about the regular expressions of schemas (`pattern`, `patternProperties` keys): FlowSpec's
/// `schema-pattern-invalid` and `schema-pattern-backtracking`.
public enum PatternRules {
    public static let all: [LintRule] = [invalid, backtracking]

    /// The regex engine the rules ask; see ``PatternEngine``.
    static let engine: any PatternEngine = ECMAPatternEngine()

    /// Every pattern of every schema with the node it was written at, each once.
    static func patterns(_ context: LintContext) -> [(pattern: String, node: NodeRef)] {
        var result: [(String, NodeRef)] = []
        for site in context.schemas {
            guard let schema = site.object else { continue }
            if let pattern = schema.pattern, let node = context.value("pattern", in: schema.node) {
                result.append((pattern, node))
            }
            for (index, key) in schema.patternProperties.keys.enumerated() {
                result.append((key, schema.patternProperties.keyNodes[index]))
            }
        }
        return result
    }

    static let invalid = LintRule(
        id: "schema-pattern-invalid", severity: .error,
        summary: "Every `pattern` and `patternProperties` key is a valid ECMA-262 regular expression.",
        description: """
            JSON Schema patterns are ECMA-262 (JavaScript) regular expressions. A pattern that does not compile \
            makes validators fail or silently accept everything, and constructs of other dialects (`(?i)`, \
            `\\A`, `(?P<name>...)`, possessive quantifiers, POSIX classes) do not mean in ECMA-262 what their \
            authors meant. Rewrite the pattern in ECMA-262 syntax.
            """,
        category: "schemas"
    ) { context, findings in
        // Specs repeat the same patterns (an id format on every parameter); compiling a regex is the
        // costly part, and its verdict depends on the text alone.
        var verdicts: [String: PatternProblem?] = [:]
        for (pattern, node) in patterns(context) {
            let verdict = verdicts[pattern] ?? engine.syntaxError(in: pattern)
            verdicts[pattern] = verdict
            if let problem = verdict {
                findings.report(problem.message, at: node, hint: problem.hint)
            }
        }
    }

    static let backtracking = LintRule(
        id: "schema-pattern-backtracking", severity: .warning,
        summary: "No `pattern` can backtrack catastrophically.",
        description: """
            A pattern such as `^(a+)+$` or `^(\\w+\\s?)*$` can match a string in exponentially many ways, and a \
            backtracking engine (most validators and servers) tries them all on a value that does not match: \
            one request can then hold a CPU for minutes (ReDoS). Make each repetition unambiguous, for \
            instance with a delimiter the repeated part cannot match (`^([a-z]+\\.)*[a-z]+$`), or remove the \
            nested repetition.
            """,
        category: "schemas"
    ) { context, findings in
        // As for `schema-pattern-invalid`: one verdict per distinct pattern.
        var verdicts: [String: PatternProblem?] = [:]
        for (pattern, node) in patterns(context) {
            let verdict =
                verdicts[pattern]
                ?? (engine.syntaxError(in: pattern) == nil ? engine.backtrackingRisk(in: pattern) : nil)
            verdicts[pattern] = verdict
            if let problem = verdict {
                findings.report(problem.message, at: node, hint: problem.hint)
            }
        }
    }
}
