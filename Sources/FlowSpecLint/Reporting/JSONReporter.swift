import FlowSpecModel

/// Renders a report as the documented, stable JSON of `--format json` (docs/output-formats.md).
///
/// Keys are always present (absent values are `null`, absent lists `[]`) and always in the same
/// order; strings are kept whole and exact. The shape is versioned by its top-level `"version"`:
/// fields may be added in version 1, never removed or changed in meaning.
public struct JSONReporter: Sendable {
    /// The version of the JSON shape this reporter writes.
    public static let formatVersion = 1

    /// Whether to indent (two spaces) or write one line.
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    /// The report as JSON text, ending with a newline.
    public func render(_ report: LintReport) -> String {
        document(report).serialized(pretty: pretty) + "\n"
    }

    func document(_ report: LintReport) -> JSONOutput {
        let summary = report.summary
        return .object([
            ("version", .int(Self.formatVersion)),
            (
                "tool",
                .object([
                    ("name", .string(report.tool.name)), ("version", .string(report.tool.version)),
                    ("informationUri", .optional(report.tool.informationURI)),
                ])
            ),
            (
                "files",
                .array(
                    report.files.map { file in
                        .object([
                            ("path", .string(file.path)),
                            ("diagnostics", .array(file.sortedDiagnostics.map(Self.diagnostic))),
                        ])
                    })
            ),
            (
                "summary",
                .object([
                    ("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)),
                    ("infos", .int(summary.infos)), ("hints", .int(summary.hints)), ("total", .int(summary.total)),
                    ("suppressed", .int(summary.suppressed)), ("baselined", .int(summary.baselined)),
                ])
            ),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONOutput {
        .object([
            ("code", .string(diagnostic.code.rawValue)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("location", diagnostic.location.map(location) ?? .null),
            ("pointer", .optional(diagnostic.pointer?.description)),
            ("instancePointer", .optional(diagnostic.instancePointer?.description)),
            ("instanceLocation", .optional(diagnostic.instanceLocation)),
            ("hint", .optional(diagnostic.hint)),
            ("related", .array(diagnostic.related.map(location))),
        ])
    }

    static func location(_ location: SourceLocation) -> JSONOutput {
        .object([
            ("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column)),
            ("endLine", .optional(location.endLine)), ("endColumn", .optional(location.endColumn)),
            ("offset", .int(location.offset)), ("endOffset", .optional(location.endOffset)),
        ])
    }
}
