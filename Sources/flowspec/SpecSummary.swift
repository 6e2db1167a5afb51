import FlowSpecLint
import FlowSpecModel
import Foundation

/// What `flowspec inspect` prints: the spec's version, servers and operations, and its diagnostics.
struct SpecSummary: Encodable {
    struct ServerInfo: Encodable {
        var url: String
        var variables: [String: [String]]
    }

    struct OperationInfo: Encodable {
        var method: String
        var path: String
        var operationId: String?
        var requestMediaTypes: [String]
        var responses: [String]
    }

    var file: String
    var openapi: String?
    var title: String?
    var version: String?
    var servers: [ServerInfo] = []
    var operations: [OperationInfo] = []
    var diagnostics: [Diagnostic]

    init(_ result: LoadResult) {
        file = result.files.root?.displayPath ?? ""
        diagnostics = result.diagnostics
        guard let document = result.document else { return }
        openapi = document.openapi
        title = document.info.title
        version = document.info.version
        servers = document.servers.map { server in
            var variables: [String: [String]] = [:]
            for (name, variable) in server.variables {
                variables[name] = variable.enumValues ?? [variable.defaultValue]
            }
            return ServerInfo(url: server.url, variables: variables)
        }
        for (path, item) in document.paths?.items ?? OrderedMap() {
            guard let pathItem = result.references.resolve(item) else { continue }
            for (method, operation) in pathItem.operations {
                let body = operation.requestBody.flatMap { result.references.resolve($0) }
                operations.append(
                    OperationInfo(
                        method: method.wireName, path: path, operationId: operation.operationId,
                        requestMediaTypes: body?.content.keys ?? [],
                        responses: operation.responses?.entries.map(\.status.text) ?? []))
            }
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The terminal report. Everything in it but the counts comes from the spec, so every string is
    /// escaped and shortened (docs/security.md, "Messages"); ``json()`` keeps them whole.
    func text(colour: Bool) -> String {
        func safe(_ text: String) -> String { TerminalText.safe(text) }
        var out = ""
        if let openapi {
            out += "\(safe(file)): OpenAPI \(safe(openapi)), \"\(safe(title ?? ""))\" version \(safe(version ?? ""))\n"
            if !servers.isEmpty {
                out += "servers:\n"
                for server in servers {
                    let variables = server.variables.keys.sorted().map {
                        "\(safe($0)) = \(safe(server.variables[$0]?.joined(separator: "|") ?? ""))"
                    }
                    out += "  \(safe(server.url))\(variables.isEmpty ? "" : "  (\(variables.joined(separator: "; ")))")\n"
                }
            }
            out += "operations (\(operations.count)):\n"
            for op in operations {
                let method = op.method.padding(toLength: 7, withPad: " ", startingAt: 0)
                out += "  \(method) \(safe(op.path))\(op.operationId.map { "  [\(safe($0))]" } ?? "")\n"
                if !op.requestMediaTypes.isEmpty {
                    out += "          request:   \(op.requestMediaTypes.map(safe).joined(separator: ", "))\n"
                }
                out += "          responses: \(op.responses.map(safe).joined(separator: " "))\n"
            }
        }
        for diagnostic in diagnostics {
            out += "\(diagnostic.terminalLine)\n"
            if let hint = diagnostic.terminalHint { out += "  = help: \(hint)\n" }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        out += diagnostics.isEmpty ? "no load diagnostics\n" : "\(errors) error(s), \(warnings) warning(s)\n"
        return out
    }
}
