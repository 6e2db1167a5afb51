import FlowSpecLint
import FlowSpecModel

/// The stable JSON report of `flowspec validate` (documented in README.md and docs/output-formats.md):
/// `entries` in input order, each with `index`, `verdict` and `findings`; then `captureFindings`,
/// `summary` and `coverage`.
public struct TrafficJSONReporter: Sendable {
    public init() {}

    public func render(_ report: TrafficReport) -> String {
        let summary = report.summary
        let totals = report.coverage.totals
        let document = JSONOutput.object([
            ("version", .int(1)),
            ("tool", .object([("name", .string("flowspec")), ("command", .string("validate"))])),
            ("spec", .string(report.spec)),
            ("captures", .array(report.captures.map(JSONOutput.string))),
            ("entries", .array(report.entries.map(entry))),
            ("captureFindings", .array(report.captureFindings.map(finding))),
            (
                "summary",
                .object([
                    ("entries", .int(summary.entries)), ("valid", .int(summary.valid)), ("invalid", .int(summary.invalid)),
                    ("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)), ("infos", .int(summary.infos)),
                    ("hints", .int(summary.hints)), ("baselined", .int(report.baselinedCount)),
                ])
            ),
            (
                "coverage",
                .object([
                    ("operations", .object([("covered", .int(totals.operations.0)), ("declared", .int(totals.operations.1))])),
                    ("requestMediaTypes", .object([("covered", .int(totals.mediaTypes.0)), ("declared", .int(totals.mediaTypes.1))])),
                    ("responseStatuses", .object([("covered", .int(totals.statuses.0)), ("declared", .int(totals.statuses.1))])),
                    ("byOperation", .array(report.coverage.operations.map(operation))),
                ])
            ),
        ])
        return document.serialized() + "\n"
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
