public import FlowSpecModel
import FlowSpecYAML

/// The `x-hal-actions` extension of one operation, read from the spec (docs/link-extension.md is its
/// grammar): which `_links` relation advertises which action media type, where a response keeps its
/// state and links, and which states end a flow.
public struct HALActionsExtension: Sendable {
    /// The action operation's operationId (or `METHOD path` when it has none).
    public var actionOperation: String
    public var identifiedBy: (location: ParameterLocation, name: String)
    /// Operations whose successful responses carry the state and links.
    public var linkSources: Set<String>
    public var statePointer: JSONPointer
    public var linksPointer: JSONPointer
    /// Relation name → the media types (lower-cased essences) that perform its action.
    public var actions: [String: [String]]
    /// Media types (lower-cased essences) accepted without an advertising link.
    public var unadvertised: Set<String>
    public var unconfirmedRelations: Set<String>
    public var terminalStates: Set<String>
    /// Idle seconds after which the resource expires.
    public var inactivityTimeout: Double?
    public var expiredStatus: Int?
    /// Where the extension is written.
    public var node: NodeRef

    /// The relations whose action is `mediaType` (an essence, compared case-insensitively).
    public func relations(for mediaType: String) -> [String] {
        let essence = mediaType.lowercased()
        return actions.filter { $0.value.contains(essence) }.map(\.key).sorted()
    }

    /// The extensions of every operation of `context`, with diagnostics for malformed ones.
    public static func all(in document: OpenAPIDocument, loaded: LoadResult) -> (
        extensions: [HALActionsExtension], diagnostics: [Diagnostic]
    ) {
        var result: [HALActionsExtension] = []
        var diagnostics: [Diagnostic] = []
        for (path, item) in document.paths?.items ?? OrderedMap() {
            guard let pathItem = loaded.references.resolve(item) else { continue }
            let siblings = pathItem.operations.map { $0.operation.operationId ?? "\($0.method.wireName) \(path)" }
            for (method, operation) in pathItem.operations {
                guard let node = operation.extensions["x-hal-actions"] else { continue }
                var reader = Reader(files: loaded.files, node: node)
                let name = operation.operationId ?? "\(method.wireName) \(path)"
                if let parsed = reader.parse(actionOperation: name, siblings: siblings) { result.append(parsed) }
                diagnostics += reader.diagnostics
            }
        }
        return (result, diagnostics)
    }

    /// Reads the extension's value node, reporting what does not match the grammar.
    private struct Reader {
        let files: SpecFileSet
        let node: NodeRef
        var diagnostics: [Diagnostic] = []
        var tree: YAMLTree { files[node.file].tree }

        init(files: SpecFileSet, node: NodeRef) {
            self.files = files
            self.node = node
        }

        mutating func problem(_ message: String, at id: NodeID) {
            let at = NodeRef(file: node.file, node: id)
            diagnostics.append(
                Diagnostic(
                    code: "hal-extension-invalid", severity: .error, message: message, location: files.location(of: at),
                    pointer: files.pointer(of: at), hint: "see docs/link-extension.md for the grammar"))
        }

        func value(_ key: String) -> NodeID? { tree.value(forKey: key, in: node.node) }

        func string(_ id: NodeID?) -> String? {
            guard let id, tree.isScalar(id), tree.scalarType(id) == .string else { return nil }
            return tree.scalar(id)
        }

        func strings(_ id: NodeID?) -> [String]? {
            guard let id, tree.isSequence(id) else { return nil }
            let items = tree.items(id).compactMap { string($0) }
            return items.count == tree.childCount(id) ? items : nil
        }

        mutating func parse(actionOperation: String, siblings: [String]) -> HALActionsExtension? {
            guard tree.isMapping(node.node) else {
                problem("`x-hal-actions` must be a mapping", at: node.node)
                return nil
            }
            let known: Set<String> = [
                "version", "selector", "identifiedBy", "linkSources", "statePointer", "linksPointer", "actions",
                "unadvertised", "unconfirmedRelations", "terminalStates", "inactivityTimeout", "expiredStatus",
            ]
            for entry in tree.entries(node.node) {
                let key = tree.scalar(entry.key) ?? ""
                if !known.contains(key) && !key.hasPrefix("x-") { problem("`\(key)` is not a member of `x-hal-actions`", at: entry.key) }
            }
            guard let version = value("version"), tree.scalar(version) == "1" else {
                // A version this checker does not know: ignore the extension, as the grammar says.
                return nil
            }
            if let selector = value("selector"), string(selector) != "media-type" {
                problem("`selector` must be `media-type`", at: selector)
            }
            guard let identified = value("identifiedBy"), tree.isMapping(identified),
                let location = string(tree.value(forKey: "in", in: identified)).flatMap(ParameterLocation.init(rawValue:)),
                let name = string(tree.value(forKey: "name", in: identified))
            else {
                problem("`identifiedBy` must be `{in: path|query|header|cookie, name: …}`", at: value("identifiedBy") ?? node.node)
                return nil
            }
            guard let statePointer = string(value("statePointer")).flatMap({ JSONPointer(parsing: $0) }),
                let linksPointer = string(value("linksPointer")).flatMap({ JSONPointer(parsing: $0) })
            else {
                problem("`statePointer` and `linksPointer` must be JSON pointers such as `/status`", at: node.node)
                return nil
            }
            guard let actionsNode = value("actions"), tree.isMapping(actionsNode) else {
                problem("`actions` must map relation names to lists of media types", at: value("actions") ?? node.node)
                return nil
            }
            var actions: [String: [String]] = [:]
            for entry in tree.entries(actionsNode) {
                guard let relation = tree.scalar(entry.key), let types = strings(entry.value), !types.isEmpty else {
                    problem("each action must list at least one media type", at: entry.value)
                    continue
                }
                actions[relation] = types.map { $0.lowercased() }
            }
            var sources = Set(strings(value("linkSources")) ?? siblings)
            if value("linkSources") == nil { sources.formUnion(siblings) }
            var timeout: Double?
            if let text = string(value("inactivityTimeout")) {
                timeout = Self.seconds(ofDuration: text)
                if timeout == nil, let at = value("inactivityTimeout") {
                    problem("`inactivityTimeout` must be an ISO 8601 duration such as `PT15M`", at: at)
                }
            }
            let expired = value("expiredStatus").flatMap { tree.scalar($0) }.flatMap { Int($0) }
            return HALActionsExtension(
                actionOperation: actionOperation, identifiedBy: (location, name), linkSources: sources,
                statePointer: statePointer, linksPointer: linksPointer, actions: actions,
                unadvertised: Set((strings(value("unadvertised")) ?? []).map { $0.lowercased() }),
                unconfirmedRelations: Set(strings(value("unconfirmedRelations")) ?? []),
                terminalStates: Set(strings(value("terminalStates")) ?? []), inactivityTimeout: timeout,
                expiredStatus: expired, node: node)
        }

        /// Seconds in a `PnDTnHnMnS` duration; `nil` when it is not one.
        static func seconds(ofDuration text: String) -> Double? {
            var rest = Substring(text)
            guard rest.first == "P" else { return nil }
            rest = rest.dropFirst()
            var total = 0.0
            var inTime = false
            var number = ""
            var any = false
            for character in rest {
                if character == "T" {
                    inTime = true
                    continue
                }
                if character.isNumber || character == "." {
                    number.append(character)
                    continue
                }
                guard let value = Double(number) else { return nil }
                number = ""
                any = true
                switch (character, inTime) {
                case ("D", false): total += value * 86_400
                case ("H", true): total += value * 3_600
                case ("M", true): total += value * 60
                case ("S", true): total += value
                default: return nil
                }
            }
            return any && number.isEmpty ? total : nil
        }
    }
}
