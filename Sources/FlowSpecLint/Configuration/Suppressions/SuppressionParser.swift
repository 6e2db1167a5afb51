public import FlowSpecModel
public import FlowSpecYAML

/// Reads `x-flowspec-ignore` entries from a spec's tree into ``Suppression`` values.
///
/// Two forms are accepted (docs/configuration.md, "Inline suppressions"):
///
/// ```yaml
/// x-flowspec-ignore:                      # a list: the full form
///   - rule: operation-operationId         # or `rules: [a, b]`
///     reason: kept for generated clients  # required, not empty
///     until: 2026-06-30                   # optional, YYYY-MM-DD, the last day it applies
/// x-flowspec-ignore:                      # a mapping: the short form
///   operation-operationId: kept for generated clients
///   info-contact: { reason: internal API, until: 2026-01-31 }
/// ```
///
/// An entry with a problem (no reason, a bad date, an unknown key) is reported and hides nothing, so a
/// mistake never silently hides findings.
public enum SuppressionParser {
    /// The extension key, `x-flowspec-ignore`.
    public static let key = "x-flowspec-ignore"

    /// The suppressions and the problems found in them.
    public struct Result: Sendable {
        public var suppressions: [Suppression]
        public var diagnostics: [Diagnostic]

        public init(suppressions: [Suppression] = [], diagnostics: [Diagnostic] = []) {
            self.suppressions = suppressions
            self.diagnostics = diagnostics
        }
    }

    /// Every `x-flowspec-ignore` in `tree`, at any depth, in document order.
    public static func collect(in tree: YAMLTree, file: String) -> Result {
        var result = Result()
        // Most files have no suppression at all: a search of their bytes for the key costs a
        // fraction of a walk over every node.
        guard tree.mayContainScalarText("x-flowspec-ignore") else { return result }
        var path: [(key: NodeID?, index: Int)] = []
        walk(tree.root, tree: tree, file: file, path: &path, into: &result)
        return result
    }

    /// Walks every collection below `node`. The path is kept as key nodes and indexes and made into
    /// a pointer only at a suppression: the walk covers every node of a large spec, and a `String`
    /// per key cost more than the walk itself.
    private static func walk(
        _ node: NodeID, tree: YAMLTree, file: String, path: inout [(key: NodeID?, index: Int)],
        into result: inout Result
    ) {
        switch tree.kind(node) {
        case .scalar: return
        case .sequence:
            for (index, item) in tree.items(node).enumerated() where !tree.isScalar(item) {
                path.append((nil, index))
                walk(item, tree: tree, file: file, path: &path, into: &result)
                path.removeLast()
            }
        case .mapping:
            for (keyNode, value) in tree.entries(node) {
                if tree.scalar(keyNode, equals: "x-flowspec-ignore") {
                    let owner = JSONPointer(path.map { step in step.key.map { tree.scalar($0) ?? "" } ?? String(step.index) })
                    let parsed = parse(value, in: tree, file: file, owner: owner)
                    result.suppressions += parsed.suppressions
                    result.diagnostics += parsed.diagnostics
                } else if !tree.isScalar(value) {
                    path.append((keyNode, 0))
                    walk(value, tree: tree, file: file, path: &path, into: &result)
                    path.removeLast()
                }
            }
        }
    }

    /// The entries of one `x-flowspec-ignore` value, `node`, held by the object at `owner`.
    public static func parse(_ node: NodeID, in tree: YAMLTree, file: String, owner: JSONPointer) -> Result {
        var reader = Reader(tree: tree, file: file, owner: owner)
        let base = owner.appending(key)
        switch tree.kind(node) {
        case .sequence:
            for (index, item) in tree.items(node).enumerated() {
                reader.listEntry(item, pointer: base.appending(index))
            }
        case .mapping:
            for (ruleNode, value) in tree.entries(node) {
                reader.mapEntry(rule: ruleNode, value: value, pointer: base.appending(tree.scalar(ruleNode) ?? ""))
            }
        case .scalar:
            reader.problem(
                .suppressionInvalid, "`\(key)` must be a list of entries or a mapping from rule ids to reasons",
                at: node,
                pointer: base, hint: "write `- rule: <rule id>` and `reason: <why>` under it")
        }
        return reader.result
    }

    private struct Reader {
        let tree: YAMLTree
        let file: String
        let owner: JSONPointer
        var result = Result()

        func location(_ node: NodeID) -> SourceLocation {
            SourceLocation(file: file, start: tree.start(node), end: tree.end(node))
        }

        mutating func problem(
            _ code: DiagnosticCode, _ message: String, at node: NodeID, pointer: JSONPointer, hint: String?
        ) {
            result.diagnostics.append(
                Diagnostic(
                    code: code, severity: .error, message: message, location: location(node), pointer: pointer,
                    hint: hint))
        }

        func string(_ node: NodeID) -> String? {
            tree.isScalar(node) && tree.scalarType(node) == .string ? tree.scalar(node) : nil
        }

        mutating func listEntry(_ item: NodeID, pointer: JSONPointer) {
            guard tree.isMapping(item) else {
                problem(
                    .suppressionInvalid,
                    "an `\(SuppressionParser.key)` entry must be a mapping with `rule` and `reason`",
                    at: item, pointer: pointer, hint: "write `- rule: <rule id>` and, under it, `reason: <why>`")
                return
            }
            var rules: [DiagnosticCode] = []
            var ruleKeySeen = false
            var valid = true
            for (keyNode, value) in tree.entries(item) {
                let name = tree.scalar(keyNode) ?? ""
                switch name {
                case "rule", "rules":
                    if ruleKeySeen {
                        problem(
                            .suppressionInvalid, "an entry has both `rule` and `rules`", at: keyNode,
                            pointer: pointer.appending(name), hint: "list every rule under `rules`")
                        valid = false
                    }
                    ruleKeySeen = true
                    let items = name == "rules" && tree.isSequence(value) ? Array(tree.items(value)) : [value]
                    for ruleNode in items {
                        if let id = string(ruleNode), !id.isEmpty {
                            rules.append(DiagnosticCode(id))
                        } else {
                            problem(
                                .suppressionInvalid, "`\(name)` must name rules by their ids", at: ruleNode,
                                pointer: pointer.appending(name), hint: "such as `rule: operation-operationId`")
                            valid = false
                        }
                    }
                    if name == "rules", items.isEmpty {
                        problem(
                            .suppressionInvalid, "`rules` is empty", at: value, pointer: pointer.appending(name),
                            hint: nil)
                        valid = false
                    }
                case "reason", "until":
                    continue
                default:
                    problem(
                        .suppressionInvalid, "unknown key `\(name)` in an `\(SuppressionParser.key)` entry",
                        at: keyNode,
                        pointer: pointer.appending(name), hint: "the keys are `rule` (or `rules`), `reason` and `until`"
                    )
                    valid = false
                }
            }
            if !ruleKeySeen {
                problem(
                    .suppressionInvalid, "an `\(SuppressionParser.key)` entry names no rule", at: item,
                    pointer: pointer,
                    hint: "add `rule: <rule id>` or `rules: [<rule id>, ...]`")
                valid = false
            }
            finish(rules: rules, entry: item, valid: valid, pointer: pointer)
        }

        mutating func mapEntry(rule ruleNode: NodeID, value: NodeID, pointer: JSONPointer) {
            let id = tree.scalar(ruleNode) ?? ""
            if tree.isMapping(value) {
                var valid = true
                for (keyNode, _) in tree.entries(value) {
                    let name = tree.scalar(keyNode) ?? ""
                    if name != "reason" && name != "until" {
                        problem(
                            .suppressionInvalid, "unknown key `\(name)` in the suppression of `\(id)`", at: keyNode,
                            pointer: pointer.appending(name), hint: "the keys are `reason` and `until`")
                        valid = false
                    }
                }
                finish(rules: [DiagnosticCode(id)], entry: value, valid: valid, pointer: pointer, keyNode: ruleNode)
                return
            }
            guard let reason = string(value), !reason.allSatisfy(\.isWhitespace) else {
                problem(
                    .suppressionMissingReason, "the suppression of `\(id)` gives no reason", at: value,
                    pointer: pointer,
                    hint: "write why the finding is accepted: `\(id): <reason>`")
                return
            }
            result.suppressions.append(
                Suppression(
                    rules: [DiagnosticCode(id)], reason: reason, pointer: owner, file: file,
                    location: SourceLocation(file: file, start: tree.start(ruleNode), end: tree.end(value))))
        }

        /// Reads `reason` and `until` of a mapping entry and records the suppression if all is well.
        mutating func finish(
            rules: [DiagnosticCode], entry: NodeID, valid: Bool, pointer: JSONPointer, keyNode: NodeID? = nil
        ) {
            var valid = valid
            let shownRules = rules.map { "`\($0)`" }.joined(separator: ", ")
            let reasonNode = tree.value(forKey: "reason", in: entry)
            let reason = reasonNode.flatMap(string)
            if reason == nil || reason?.allSatisfy(\.isWhitespace) == true {
                problem(
                    .suppressionMissingReason,
                    "the suppression of \(shownRules.isEmpty ? "a rule" : shownRules) gives no reason",
                    at: reasonNode ?? entry, pointer: pointer.appending("reason"),
                    hint: "add `reason:` saying why the finding is accepted, so reviewers can judge it later")
                valid = false
            }
            var until: CalendarDate?
            if let untilNode = tree.value(forKey: "until", in: entry) {
                let text = tree.scalar(untilNode)
                if let text, tree.isScalar(untilNode), let date = CalendarDate(parsing: text) {
                    until = date
                } else {
                    let shown = text.map { "`\($0)`" } ?? "a collection"
                    problem(
                        .suppressionInvalidDate, "`until` must be a date written YYYY-MM-DD, not \(shown)",
                        at: untilNode,
                        pointer: pointer.appending("until"),
                        hint: "such as `until: 2026-06-30` (the last day it applies)")
                    valid = false
                }
            }
            guard valid, let reason else { return }
            let start = tree.start(keyNode ?? entry)
            result.suppressions.append(
                Suppression(
                    rules: rules, reason: reason, until: until, pointer: owner, file: file,
                    location: SourceLocation(file: file, start: start, end: tree.end(entry))))
        }
    }
}
