import FlowSpecLint
public import FlowSpecModel

/// The stable JSON report of `flowspec validate` (documented in README.md and docs/output-formats.md):
/// `entries` in input order, each with `index`, `verdict` and `findings`; then `captureFindings`,
/// `summary` and `coverage`.
public struct TrafficJSONReporter: Sendable {
    public init() {}

    public func render(_ report: TrafficReport) -> String {
        var out = header(spec: report.spec, captures: report.captures)
        for (position, entry) in report.entries.enumerated() { out += self.entry(entry, first: position == 0) }
        out += footer(
            captureFindings: report.captureFindings, summary: report.summary, baselined: report.baselinedCount,
            coverage: report.coverage)
        return out
    }

    // The report is written in three parts so that `flowspec validate` can stream it: memory stays flat
    // whatever the capture's size, and the bytes are the same as ``render(_:)``'s.

    /// The opening of the report, up to the `entries` array's first element.
    public func header(spec: String, captures: [String]) -> String {
        "{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"flowspec\",\n    \"command\": \"validate\"\n  },\n"
            + "  \"spec\": \(JSONOutput.string(spec).serialized()),\n"
            + "  \"captures\": \(JSONOutput.array(captures.map(JSONOutput.string)).serialized(pretty: false)),\n"
            + "  \"entries\": ["
    }

    /// One element of the `entries` array, on one line.
    public func entry(_ entry: TrafficEntryReport, first: Bool) -> String {
        var out: [UInt8] = []
        append(entry, first: first, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``entry(_:first:)``'s text to `out`, without making a string: the streaming writer's
    /// way, since a large capture has millions of entries.
    public func append(_ entry: TrafficEntryReport, first: Bool, to out: inout [UInt8]) {
        var json = JSONBytes()
        json.raw(first ? "\n    " : ",\n    ")
        json.raw("{\"index\":")
        json.int(entry.index)
        json.raw(",\"capture\":")
        json.string(entry.capture)
        json.raw(",\"line\":")
        json.int(entry.line)
        json.raw(",\"method\":")
        json.string(entry.method)
        json.raw(",\"url\":")
        json.string(entry.url)
        json.raw(",\"status\":")
        json.int(entry.status)
        json.raw(",\"operation\":")
        json.string(entry.operation)
        json.raw(",\"requestMediaType\":")
        json.string(entry.requestMediaType)
        json.raw(",\"responseStatus\":")
        json.string(entry.responseStatus)
        json.raw(",\"verdict\":")
        json.raw(entry.isValid ? "\"valid\"" : "\"invalid\"")
        json.raw(",\"findings\":[")
        for (position, finding) in entry.findings.enumerated() {
            if position > 0 { json.raw(",") }
            append(finding, to: &json)
        }
        json.raw("]}")
        json.append(to: &out)
    }

    /// ``finding(_:)`` written compactly.
    private func append(_ diagnostic: Diagnostic, to json: inout JSONBytes) {
        json.raw("{\"code\":")
        json.string(diagnostic.code.rawValue)
        json.raw(",\"severity\":")
        json.string(diagnostic.severity.rawValue)
        json.raw(",\"message\":")
        json.string(diagnostic.message)
        json.raw(",\"instancePointer\":")
        json.string(diagnostic.instancePointer?.description)
        json.raw(",\"instanceLocation\":")
        json.string(diagnostic.instanceLocation)
        json.raw(",\"specLocation\":")
        if let location = diagnostic.location {
            json.raw("{\"file\":")
            json.string(location.file)
            json.raw(",\"line\":")
            json.int(location.line)
            json.raw(",\"column\":")
            json.int(location.column)
            json.raw("}")
        } else {
            json.raw("null")
        }
        json.raw(",\"specPointer\":")
        json.string(diagnostic.pointer?.description)
        json.raw(",\"hint\":")
        json.string(diagnostic.hint)
        json.raw("}")
    }

    /// The rest of the report after the last entry.
    public func footer(
        captureFindings: [Diagnostic], summary: TrafficReport.Summary, baselined: Int, coverage: TrafficCoverage
    ) -> String {
        let totals = coverage.totals
        let rest: [(String, JSONOutput)] = [
            ("captureFindings", .array(captureFindings.map(finding))),
            (
                "summary",
                .object([
                    ("entries", .int(summary.entries)), ("valid", .int(summary.valid)), ("invalid", .int(summary.invalid)),
                    ("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)), ("infos", .int(summary.infos)),
                    ("hints", .int(summary.hints)), ("baselined", .int(baselined)),
                ])
            ),
            (
                "coverage",
                .object([
                    ("operations", .object([("covered", .int(totals.operations.0)), ("declared", .int(totals.operations.1))])),
                    ("requestMediaTypes", .object([("covered", .int(totals.mediaTypes.0)), ("declared", .int(totals.mediaTypes.1))])),
                    ("responseStatuses", .object([("covered", .int(totals.statuses.0)), ("declared", .int(totals.statuses.1))])),
                    ("byOperation", .array(coverage.operations.map(operation))),
                ])
            ),
        ]
        var out = "\n  ],\n"
        for (index, member) in rest.enumerated() {
            let value = member.1.serialized().replacingNewlines(indent: "  ")
            out += "  \(JSONOutput.string(member.0).serialized()): \(value)\(index == rest.count - 1 ? "\n" : ",\n")"
        }
        return out + "}\n"
    }

    func entry(_ entry: TrafficEntryReport) -> JSONOutput {
        .object([
            ("index", .int(entry.index)),
            ("capture", .string(entry.capture)),
            ("line", .optional(entry.line)),
            ("method", .optional(entry.method)),
            ("url", .optional(entry.url)),
            ("status", .optional(entry.status)),
            ("operation", .optional(entry.operation)),
            ("requestMediaType", .optional(entry.requestMediaType)),
            ("responseStatus", .optional(entry.responseStatus)),
            ("verdict", .string(entry.verdict)),
            ("findings", .array(entry.findings.map(finding))),
        ])
    }

    func finding(_ diagnostic: Diagnostic) -> JSONOutput {
        .object([
            ("code", .string(diagnostic.code.rawValue)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("instancePointer", .optional(diagnostic.instancePointer?.description)),
            ("instanceLocation", .optional(diagnostic.instanceLocation)),
            (
                "specLocation",
                diagnostic.location.map { location in
                    .object([
                        ("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column)),
                    ])
                } ?? .null
            ),
            ("specPointer", .optional(diagnostic.pointer?.description)),
            ("hint", .optional(diagnostic.hint)),
        ])
    }

    func operation(_ operation: TrafficCoverage.Operation) -> JSONOutput {
        .object([
            ("id", .string(operation.id)),
            ("method", .string(operation.method)),
            ("path", .string(operation.path)),
            ("calls", .int(operation.calls)),
            (
                "requestMediaTypes",
                .array(operation.requestMediaTypes.map { .object([("key", .string($0.key)), ("count", .int($0.count))]) })
            ),
            (
                "responseStatuses",
                .array(operation.responseStatuses.map { .object([("key", .string($0.key)), ("count", .int($0.count))]) })
            ),
        ])
    }
}

extension String {
    /// Indents every line after the first by `indent`, to nest a pretty-printed value.
    fileprivate func replacingNewlines(indent: String) -> String {
        var out = ""
        for character in self {
            out.append(character)
            if character == "\n" { out += indent }
        }
        return out
    }
}
