import FlowSpecModel
import FlowSpecYAML

/// Checks the shape of an `x-hal-actions` value against its grammar (docs/link-extension.md and
/// docs/x-hal-actions.schema.json), and reads the parts the cross-checks need.
struct HALActionsShape {
    let context: LintContext
    var problems: [(message: String, node: NodeRef, hint: String)] = []
    /// Set when `version` is a number other than 1: the extension is then ignored.
    var unsupportedVersion: (Int, NodeRef)?

    static let members: Set<String> = [
        "version", "selector", "identifiedBy", "linkSources", "statePointer", "linksPointer", "actions",
        "unadvertised", "unconfirmedRelations", "terminalStates", "inactivityTimeout", "expiredStatus",
    ]

    init(context: LintContext) { self.context = context }

    mutating func problem(_ message: String, _ node: NodeRef, _ hint: String) {
        problems.append((message, node, hint))
    }

    /// Checks `value`, the node under `x-hal-actions:`.
    mutating func check(_ value: NodeRef, key: NodeRef) {
        let tree = context.tree(value)
        guard tree.isMapping(value.node) else {
            problem("`x-hal-actions` must be an object", value, "see docs/link-extension.md for its members")
            return
        }
        for (memberKey, _) in context.entries(value) {
            let name = context.text(memberKey) ?? ""
            if !Self.members.contains(name) && !name.hasPrefix("x-") {
                problem(
                    "`\(name)` is not a member of `x-hal-actions`", memberKey,
                    "remove it, or prefix it with `x-`; the members are \(Self.members.sorted().joined(separator: ", "))"
                )
            }
        }
        for required in ["version", "identifiedBy", "statePointer", "linksPointer", "actions"]
        where context.value(required, in: value) == nil {
            problem("`x-hal-actions` has no `\(required)`", key, "add `\(required):`; see docs/link-extension.md")
        }
        if let version = context.value("version", in: value) {
            if let number = integer(version) {
                if number != 1 { unsupportedVersion = (number, version) }
            } else {
                problem("`version` must be the integer 1", version, "write `version: 1`")
            }
        }
        if let selector = context.value("selector", in: value),
            context.text(selector) != "media-type" || !isString(selector)
        {
            problem(
                "`selector` must be `media-type`", selector, "write `selector: media-type`, or remove it (the default)")
        }
        if let identity = context.value("identifiedBy", in: value) { checkIdentity(identity) }
        if let sources = context.value("linkSources", in: value) {
            stringList(sources, member: "linkSources", minCount: 1, check: nil)
        }
        for member in ["statePointer", "linksPointer"] {
            guard let node = context.value(member, in: value) else { continue }
            guard isString(node), let text = context.text(node), JSONPointer(parsing: text) != nil,
                Self.isPointer(text)
            else {
                problem(
                    "`\(member)` must be a JSON Pointer such as `/status`", node,
                    "write a pointer that starts with `/`, with `~0` for `~` and `~1` for `/`")
                continue
            }
        }
        if let actions = context.value("actions", in: value) { checkActions(actions) }
        if let unadvertised = context.value("unadvertised", in: value) {
            stringList(unadvertised, member: "unadvertised", minCount: 0, check: Self.mediaTypeProblem)
        }
        for member in ["unconfirmedRelations", "terminalStates"] {
            if let node = context.value(member, in: value) { stringList(node, member: member, minCount: 0, check: nil) }
        }
        if let timeout = context.value("inactivityTimeout", in: value),
            !(isString(timeout) && Self.isDuration(context.text(timeout) ?? ""))
        {
            problem(
                "`inactivityTimeout` must be an ISO 8601 duration of days, hours, minutes and seconds", timeout,
                "write it as, for example, `PT15M` or `P1DT12H`")
        }
        if let status = context.value("expiredStatus", in: value),
            !(integer(status).map { (100...599).contains($0) } ?? false)
        {
            problem(
                "`expiredStatus` must be an HTTP status code from 100 to 599", status, "write it as, for example, `404`"
            )
        }
    }

    mutating func checkIdentity(_ node: NodeRef) {
        guard context.tree(node).isMapping(node.node) else {
            problem(
                "`identifiedBy` must be an object with `in` and `name`", node,
                "write `identifiedBy: { in: path, name: flowID }`")
            return
        }
        for (key, _) in context.entries(node) where !["in", "name"].contains(context.text(key) ?? "") {
            problem("`\(context.text(key) ?? "")` is not a member of `identifiedBy`", key, "keep only `in` and `name`")
        }
        if let location = context.value("in", in: node) {
            if !(isString(location) && ["path", "query", "header", "cookie"].contains(context.text(location) ?? "")) {
                problem(
                    "`identifiedBy.in` must be `path`, `query`, `header` or `cookie`", location,
                    "use a parameter location")
            }
        } else {
            problem("`identifiedBy` has no `in`", node, "add `in:` with the parameter's location")
        }
        if let name = context.value("name", in: node) {
            if !isString(name) || (context.text(name) ?? "").isEmpty {
                problem("`identifiedBy.name` must be a non-empty string", name, "write the parameter's name")
            }
        } else {
            problem("`identifiedBy` has no `name`", node, "add `name:` with the parameter's name")
        }
    }

    mutating func checkActions(_ node: NodeRef) {
        guard context.tree(node).isMapping(node.node) else {
            problem(
                "`actions` must be an object of relation names to lists of media types", node,
                "write `actions: { relation: [application/vnd.example.action+json] }`")
            return
        }
        if context.entries(node).isEmpty {
            problem("`actions` must name at least one relation", node, "add a relation and its media types")
        }
        for (key, list) in context.entries(node) {
            let relation = context.text(key) ?? ""
            if relation.isEmpty { problem("a relation name in `actions` is empty", key, "name the relation") }
            stringList(list, member: "actions.\(relation)", minCount: 1, check: Self.mediaTypeProblem)
        }
    }

    /// Checks a list of unique strings, each optionally checked by `check`.
    mutating func stringList(_ node: NodeRef, member: String, minCount: Int, check: ((String) -> String?)?) {
        guard context.tree(node).isSequence(node.node) else {
            problem("`\(member)` must be a list", node, "write it as a YAML list")
            return
        }
        let items = context.items(node)
        if items.count < minCount {
            problem(
                "`\(member)` must have at least \(minCount) entr\(minCount == 1 ? "y" : "ies")", node,
                "add the missing entries")
        }
        var seen = Set<String>()
        for item in items {
            guard isString(item), let text = context.text(item), !text.isEmpty else {
                problem("the entries of `\(member)` must be non-empty strings", item, "write the entry as a string")
                continue
            }
            if !seen.insert(text).inserted {
                problem("`\(text)` is listed twice in `\(member)`", item, "remove the duplicate")
            }
            if let check, let trouble = check(text) {
                problem(
                    "`\(text)` in `\(member)` \(trouble)", item,
                    "write a media type without parameters, such as `application/vnd.example.action+json`")
            }
        }
    }

    func isString(_ node: NodeRef) -> Bool {
        let tree = context.tree(node)
        return tree.isScalar(node.node) && tree.scalarType(node.node) == .string
    }

    func integer(_ node: NodeRef) -> Int? {
        let tree = context.tree(node)
        guard tree.isScalar(node.node), tree.scalarType(node.node) == .int else { return nil }
        return Int(tree.scalar(node.node) ?? "")
    }

    /// What makes `text` not a parameterless media type, or `nil`.
    static func mediaTypeProblem(_ text: String) -> String? {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return "is not a media type (`type/subtype`)" }
        for half in halves {
            if let problem = MediaTypeSyntax.restrictedNameProblem(String(half)) {
                return "is not a media type without parameters: `\(half)` \(problem)"
            }
        }
        return nil
    }

    /// RFC 6901's plain string form: empty, or `/`-separated tokens with `~` only in `~0` and `~1`.
    static func isPointer(_ text: String) -> Bool {
        guard text.isEmpty || text.hasPrefix("/") else { return false }
        var scalars = text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if c == "~" {
                guard let n = scalars.next(), n == "0" || n == "1" else { return false }
            }
        }
        return true
    }

    /// `PnDTnHnMnS` with each part optional and at least one present, seconds possibly fractional.
    static func isDuration(_ text: String) -> Bool {
        var rest = Substring(text)
        guard rest.first == "P" else { return false }
        rest = rest.dropFirst()
        var parts = 0
        func number(_ allowFraction: Bool) -> Bool {
            let digits = rest.prefix { $0.isASCIIDigit }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
            if allowFraction, rest.first == "." {
                rest = rest.dropFirst()
                let fraction = rest.prefix { $0.isASCIIDigit }
                guard !fraction.isEmpty else { return false }
                rest = rest.dropFirst(fraction.count)
            }
            return true
        }
        if rest.first?.isASCIIDigit == true {
            guard number(false), rest.first == "D" else { return false }
            rest = rest.dropFirst()
            parts += 1
        }
        if rest.first == "T" {
            rest = rest.dropFirst()
            var timeParts = 0
            for unit in ["H", "M", "S"] where rest.first?.isASCIIDigit == true {
                let saved = rest
                guard number(unit == "S") else { return false }
                if rest.first.map(String.init) == unit {
                    rest = rest.dropFirst()
                    timeParts += 1
                } else {
                    rest = saved
                }
            }
            guard timeParts > 0 else { return false }
            parts += timeParts
        }
        return rest.isEmpty && parts > 0
    }
}
