public import FlowSpecModel
import FlowSpecSchema

/// Checks that a client takes only the actions the previous response in the same flow offered, as
/// the spec's `x-hal-actions` extensions describe (docs/link-extension.md, "Checking algorithm").
///
/// Exchanges must be fed in capture order; the checker keeps one record per flow identity. Nothing in
/// it knows PingOne: relation names, pointers, terminal states and timeouts all come from the spec.
public struct FlowOrderChecker: Sendable {
    public let extensions: [HALActionsExtension]

    private struct Record {
        var state: String
        var relations: Set<String>
        var terminal: Bool
        var setBy: Int
        var lastActivity: Double?
    }

    /// Records per extension, keyed by identity value.
    private var records: [[String: Record]]
    /// Every relation seen advertised and every action taken, for coverage.
    public private(set) var advertised: Set<String> = []
    public private(set) var taken: Set<String> = []

    public init(extensions: [HALActionsExtension]) {
        self.extensions = extensions
        self.records = Array(repeating: [:], count: extensions.count)
    }

    /// The findings for one exchange (each with ``Diagnostic/instanceLocation`` naming the flow).
    public mutating func check(_ exchange: FlowExchange) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (e, ext) in extensions.enumerated() {
            guard let operation = exchange.operation else { continue }
            let isAction = operation == ext.actionOperation
            guard isAction || ext.linkSources.contains(operation) else { continue }
            let key = FlowExchange.parameterKey(ext.identifiedBy.location.rawValue, ext.identifiedBy.name)
            guard let identity = exchange.parameters[key] else { continue }
            let record = records[e][identity]
            if isAction { findings += actionFindings(ext, exchange, identity: identity, record: record) }
            if let timeout = ext.inactivityTimeout, let record, let last = record.lastActivity,
                let now = exchange.startedAt, now - last > timeout, let status = exchange.status, (200..<300).contains(status)
            {
                findings.append(
                    Diagnostic(
                        code: "hal-resource-not-expired", severity: .warning,
                        message:
                            "flow `\(identity)` was idle for \(Int(now - last)) s, longer than its \(Int(timeout)) s inactivity timeout, yet the request succeeded",
                        location: nil, instanceLocation: "\(ext.identifiedBy.location.rawValue) \(ext.identifiedBy.name)",
                        hint: "check the capture's timestamps; the server should have answered \(ext.expiredStatus.map(String.init) ?? "an error")"))
            }
            update(e, ext, exchange, identity: identity, isSource: ext.linkSources.contains(operation))
        }
        return findings
    }

    private mutating func actionFindings(
        _ ext: HALActionsExtension, _ exchange: FlowExchange, identity: String, record: Record?
    ) -> [Diagnostic] {
        guard exchange.hasContentType, let mediaType = exchange.mediaType else {
            return [
                Diagnostic(
                    code: "hal-action-missing-selector", severity: .error,
                    message: "the request names no action: it has no `Content-Type`", location: nil,
                    instanceLocation: "header Content-Type",
                    hint: "send the action's media type, such as \(ext.actions.values.first?.first ?? "application/vnd.example+json")")
            ]
        }
        guard exchange.mediaTypeDeclared, !ext.unadvertised.contains(mediaType) else { return [] }
        let relations = ext.relations(for: mediaType)
        guard !relations.isEmpty else { return [] }
        taken.insert(mediaType)
        guard let record else { return [] }
        if relations.contains(where: record.relations.contains) { return [] }
        let unconfirmed = relations.allSatisfy(ext.unconfirmedRelations.contains)
        let offered = record.relations.sorted().map { "`\($0)`" }.joined(separator: ", ")
        let names = relations.map { "`\($0)`" }.joined(separator: " or ")
        let code: DiagnosticCode = record.terminal ? "hal-action-after-terminal-state" : "hal-action-not-offered"
        let message =
            record.terminal
            ? "`\(mediaType)` was sent after flow `\(identity)` reached the terminal state `\(record.state)` (entry \(record.setBy))"
            : "`\(mediaType)` was not offered: the response of entry \(record.setBy) (state `\(record.state)`) advertised \(offered.isEmpty ? "no action" : offered), not \(names)"
        return [
            Diagnostic(
                code: code, severity: unconfirmed ? .warning : .error, message: message, location: nil,
                instanceLocation: "header Content-Type",
                hint: unconfirmed
                    ? "the relation name \(names) is inferred, not documented; the server may call it something else"
                    : "take only an action whose link the previous response carried")
        ]
    }

    private mutating func update(_ e: Int, _ ext: HALActionsExtension, _ exchange: FlowExchange, identity: String, isSource: Bool) {
        guard let status = exchange.status else { return }
        if let expired = ext.expiredStatus, status == expired {
            records[e][identity] = nil
            return
        }
        if isSource, (200..<300).contains(status), let body = exchange.responseBody,
            case .string(let state)? = body.value(atTokens: ext.statePointer.tokens)
        {
            var relations = Set<String>()
            if case .object(let links)? = body.value(atTokens: ext.linksPointer.tokens) {
                for (name, link) in links {
                    switch link {
                    case .object: relations.insert(name)
                    case .array(let items) where !items.isEmpty: relations.insert(name)
                    default: break
                    }
                }
            }
            advertised.formUnion(relations.filter { ext.actions[$0] != nil })
            records[e][identity] = Record(
                state: state, relations: relations, terminal: ext.terminalStates.contains(state), setBy: exchange.index,
                lastActivity: exchange.startedAt)
        } else if var record = records[e][identity] {
            record.lastActivity = exchange.startedAt ?? record.lastActivity
            records[e][identity] = record
        }
    }

    /// Information findings at the end of a capture: flows whose last known state is not terminal.
    public func finish() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (e, ext) in extensions.enumerated() where !ext.terminalStates.isEmpty {
            for (identity, record) in records[e].sorted(by: { $0.key < $1.key }) where !record.terminal {
                findings.append(
                    Diagnostic(
                        code: "hal-flow-not-terminated", severity: .info,
                        message: "flow `\(identity)` ends the capture in state `\(record.state)` (entry \(record.setBy)), not in a terminal state",
                        instanceLocation: "\(ext.identifiedBy.location.rawValue) \(ext.identifiedBy.name)"))
            }
        }
        return findings
    }
}
