import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML

/// Reads a configuration file's tree into a ``LintConfiguration``, collecting every problem with its
/// place rather than stopping at the first.
struct ConfigurationParser {
    let tree: YAMLTree
    let file: String
    var errors: [ConfigurationError] = []

    static let topLevelKeys = ["$schema", "extends", "rules", "overrides", "fail-severity", "validate"]
    static let severityWords = ["error", "warn", "warning", "info", "hint", "off"]

    init(tree: YAMLTree, file: String) {
        self.tree = tree
        self.file = file
    }

    func location(_ node: NodeID) -> SourceLocation {
        SourceLocation(file: file, start: tree.start(node), end: tree.end(node))
    }

    mutating func fail(_ code: DiagnosticCode, _ message: String, at node: NodeID, hint: String? = nil) {
        errors.append(ConfigurationError(code, message, at: location(node), hint: hint))
    }

    mutating func parse(into configuration: inout LintConfiguration) {
        for problem in tree.problems {
            errors.append(
                ConfigurationError(
                    .configSyntax, problem.message, at: SourceLocation(file: file, start: problem.mark),
                    hint: problem.hint))
        }
        let root = tree.root
        for (keyNode, value) in tree.entries(root) {
            let key = tree.scalar(keyNode) ?? ""
            switch key {
            case "$schema":
                if !isString(value) { fail(.configInvalidValue, "`$schema` must be a string", at: value) }
            case "extends":
                if let sets = ruleSets(value) { configuration.extends = sets }
            case "rules":
                configuration.rules = rules(value, section: "rules")
            case "overrides":
                configuration.overrides = overrides(value)
            case "fail-severity":
                configuration.failSeverity = failSeverity(value)
            case "validate":
                configuration.validate = ConfigurationNode(tree: tree, id: value, file: file)
            case _ where key.hasPrefix("x-"):
                continue
            default:
                unknownKey(key, at: keyNode, known: Self.topLevelKeys, in: "the configuration")
            }
        }
    }

    // MARK: Sections

    mutating func ruleSets(_ node: NodeID) -> [RuleSet]? {
        let items: [NodeID]
        if tree.isSequence(node) {
            items = Array(tree.items(node))
        } else {
            items = [node]
        }
        var sets: [RuleSet] = []
        var valid = true
        for item in items {
            guard isString(item), let text = tree.scalar(item), let set = RuleSet(rawValue: text) else {
                let shown = tree.scalar(item).map { "`\($0)`" } ?? "a \(kindName(item))"
                fail(
                    .configInvalidValue, "`extends` can be recommended, all or off, not \(shown)", at: item,
                    hint: suggestion(for: tree.scalar(item), among: RuleSet.allCases.map(\.rawValue))
                        ?? "write `extends: recommended`, or a list such as `extends: [recommended]`")
                valid = false
                continue
            }
            sets.append(set)
        }
        return valid ? sets : nil
    }

    mutating func rules(_ node: NodeID, section: String) -> [String: RuleSetting] {
        guard tree.isMapping(node) else {
            fail(
                .configInvalidValue,
                "`\(section)` must be a mapping from rule ids to settings, not a \(kindName(node))",
                at: node, hint: "write one rule per line, such as `operation-operationId: error`")
            return [:]
        }
        var result: [String: RuleSetting] = [:]
        for (keyNode, value) in tree.entries(node) {
            let id = tree.scalar(keyNode) ?? ""
            if id.isEmpty {
                fail(.configInvalidValue, "a rule id is empty", at: keyNode)
                continue
            }
            if let setting = ruleSetting(value, rule: id, key: keyNode) { result[id] = setting }
        }
        return result
    }

    mutating func ruleSetting(_ node: NodeID, rule: String, key: NodeID) -> RuleSetting? {
        if tree.isMapping(node) {
            var level = RuleLevel.on
            var options = JSONObject()
            var valid = true
            for (keyNode, value) in tree.entries(node) {
                switch tree.scalar(keyNode) ?? "" {
                case "severity":
                    if let parsed = ruleLevel(value, rule: rule) { level = parsed } else { valid = false }
                case "options":
                    guard tree.isMapping(value) else {
                        fail(
                            .configInvalidValue, "the options of `\(rule)` must be a mapping, not a \(kindName(value))",
                            at: value)
                        valid = false
                        continue
                    }
                    if case .object(let object)? = jsonValue(value) { options = object } else { valid = false }
                default:
                    unknownKey(
                        tree.scalar(keyNode) ?? "", at: keyNode, known: ["severity", "options"], in: "a rule setting")
                    valid = false
                }
            }
            return valid ? RuleSetting(level: level, options: options, location: location(key)) : nil
        }
        guard let level = ruleLevel(node, rule: rule) else { return nil }
        return RuleSetting(level: level, location: location(key))
    }

    mutating func ruleLevel(_ node: NodeID, rule: String) -> RuleLevel? {
        if let flag = tree.bool(node) { return flag ? .on : .off }
        if isString(node), let text = tree.scalar(node) {
            if text == "off" { return .off }
            if let severity = Self.severity(text) { return .severity(severity) }
        }
        if tree.isScalar(node), tree.scalarType(node) == .null {
            fail(
                .configInvalidSeverity, "the severity of `\(rule)` is missing", at: node,
                hint: "write error, warn, info, hint or off after `\(rule):`")
            return nil
        }
        let shown = tree.isScalar(node) ? "`\(tree.scalar(node) ?? "")`" : "a \(kindName(node))"
        fail(
            .configInvalidSeverity, "the severity of `\(rule)` must be error, warn, info, hint or off, not \(shown)",
            at: node, hint: suggestion(for: tree.scalar(node), among: Self.severityWords))
        return nil
    }

    mutating func failSeverity(_ node: NodeID) -> Severity? {
        if isString(node), let text = tree.scalar(node), let severity = Self.severity(text) { return severity }
        let shown = tree.isScalar(node) ? "`\(tree.scalar(node) ?? "")`" : "a \(kindName(node))"
        fail(
            .configInvalidSeverity, "`fail-severity` must be error, warn, info or hint, not \(shown)", at: node,
            hint: suggestion(for: tree.scalar(node), among: ["error", "warn", "info", "hint"]))
        return nil
    }

    static func severity(_ text: String) -> Severity? {
        text == "warning" ? .warning : Severity(rawValue: text)
    }

    mutating func overrides(_ node: NodeID) -> [ConfigurationOverride] {
        guard tree.isSequence(node) else {
            fail(
                .configInvalidValue, "`overrides` must be a list, not a \(kindName(node))", at: node,
                hint: "start each override with `- files: [...]` or `- pointers: [...]`")
            return []
        }
        var result: [ConfigurationOverride] = []
        for item in tree.items(node) {
            guard tree.isMapping(item) else {
                fail(.configInvalidValue, "an override must be a mapping, not a \(kindName(item))", at: item)
                continue
            }
            var globs: [Glob] = []
            var pointers: [PointerPattern] = []
            var rules: [String: RuleSetting]?
            for (keyNode, value) in tree.entries(item) {
                switch tree.scalar(keyNode) ?? "" {
                case "files":
                    for (text, textNode) in strings(value, key: "files") {
                        do {
                            globs.append(try Glob(text))
                        } catch {
                            fail(
                                .configInvalidGlob, error.message, at: textNode,
                                hint: "write a path pattern such as `specs/**/*.yaml`")
                        }
                    }
                case "pointers":
                    for (text, textNode) in strings(value, key: "pointers") {
                        if let pattern = PointerPattern(text) {
                            pointers.append(pattern)
                        } else {
                            fail(
                                .configInvalidPointer, "`\(text)` is not a JSON pointer", at: textNode,
                                hint:
                                    "start it with `/` (or `#/`), such as `/paths/~1admin`; write `/` in a key as `~1`")
                        }
                    }
                case "rules":
                    rules = self.rules(value, section: "rules")
                default:
                    unknownKey(
                        tree.scalar(keyNode) ?? "", at: keyNode, known: ["files", "pointers", "rules"],
                        in: "an override")
                }
            }
            if tree.value(forKey: "files", in: item) == nil, tree.value(forKey: "pointers", in: item) == nil {
                fail(
                    .configInvalidValue, "an override needs `files` or `pointers` to say where it applies", at: item,
                    hint:
                        "add `files: [\"specs/legacy/**\"]` or `pointers: [\"/paths/~1legacy\"]`, or move its rules to the top-level `rules`"
                )
            }
            if rules == nil {
                fail(.configInvalidValue, "an override needs `rules`", at: item, hint: "add `rules: { rule-id: off }`")
            }
            result.append(
                ConfigurationOverride(files: globs, pointers: pointers, rules: rules ?? [:], location: location(item)))
        }
        return result
    }

    /// A string or a non-empty list of strings.
    mutating func strings(_ node: NodeID, key: String) -> [(String, NodeID)] {
        let items = tree.isSequence(node) ? Array(tree.items(node)) : [node]
        if items.isEmpty { fail(.configInvalidValue, "`\(key)` is an empty list", at: node) }
        var result: [(String, NodeID)] = []
        for item in items {
            if isString(item), let text = tree.scalar(item) {
                result.append((text, item))
            } else {
                fail(.configInvalidValue, "`\(key)` must hold strings, not a \(kindName(item))", at: item)
            }
        }
        return result
    }

    // MARK: Helpers

    func isString(_ node: NodeID) -> Bool { tree.isScalar(node) && tree.scalarType(node) == .string }

    func kindName(_ node: NodeID) -> String {
        switch tree.kind(node) {
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .scalar:
            switch tree.scalarType(node) {
            case .string: return "string"
            case .null: return "null"
            case .bool: return "boolean"
            case .int, .float: return "number"
            }
        }
    }

    mutating func unknownKey(_ key: String, at node: NodeID, known: [String], in place: String) {
        let hint =
            suggestion(for: key, among: known) ?? "the keys are " + known.map { "`\($0)`" }.joined(separator: ", ")
        fail(.configUnknownKey, "unknown key `\(key)` in \(place)", at: node, hint: hint)
    }

    /// `did you mean `x`?` when `text` is a small edit away from one of `candidates`.
    func suggestion(for text: String?, among candidates: [String]) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let lowered = text.lowercased()
        let best = candidates.map { ($0, Self.editDistance(lowered, $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, best.0.count / 3) else { return nil }
        return "did you mean `\(best.0)`?"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64))
        let b = Array(b.unicodeScalars.prefix(64))
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// A node as JSON, for rule options; `nil` (with an error) for a number JSON cannot hold.
    mutating func jsonValue(_ node: NodeID) -> JSONValue? {
        switch tree.kind(node) {
        case .mapping:
            var object = JSONObject()
            for (key, value) in tree.entries(node) {
                guard let converted = jsonValue(value) else { return nil }
                object.append(tree.scalar(key) ?? "", converted)
            }
            return .object(object)
        case .sequence:
            var array: [JSONValue] = []
            for item in tree.items(node) {
                guard let converted = jsonValue(item) else { return nil }
                array.append(converted)
            }
            return .array(array)
        case .scalar:
            let text = tree.scalar(node) ?? ""
            switch tree.scalarType(node) {
            case .string: return .string(text)
            case .null: return .null
            case .bool: return .bool(tree.bool(node) ?? false)
            case .int, .float:
                guard let number = Self.jsonNumberText(text) else {
                    fail(
                        .configInvalidValue, "`\(text)` is not a number JSON can hold", at: node,
                        hint: "quote it to make it a string")
                    return nil
                }
                return .number(JSONNumber(text: number))
            }
        }
    }

    /// A YAML core-schema number as JSON number text: `+1` → `1`, `0x1F` → `31`, `.5` → `0.5`,
    /// `1.` → `1.0`; `nil` for `.inf`, `.nan` and hexadecimal or octal numbers too large for 64 bits.
    static func jsonNumberText(_ text: String) -> String? {
        var body = Substring(text)
        var sign = ""
        if body.first == "+" {
            body = body.dropFirst()
        } else if body.first == "-" {
            sign = "-"
            body = body.dropFirst()
        }
        if body.hasPrefix("0x") { return Int(body.dropFirst(2), radix: 16).map { sign + String($0) } }
        if body.hasPrefix("0o") { return Int(body.dropFirst(2), radix: 8).map { sign + String($0) } }
        let lowered = body.lowercased()
        if lowered == ".inf" || lowered == ".nan" { return nil }
        var result = ""
        var previous: Character?
        for character in body {
            if character == ".", previous == nil { result += "0" }
            if previous == ".", !character.isNumber { result += "0" }
            result.append(character)
            previous = character
        }
        if previous == "." { result += "0" }
        return sign + result
    }
}
