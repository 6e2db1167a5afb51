public import FlowSpecModel

/// Renders a report the way a compiler does, for people reading a terminal or a CI log.
///
/// ```text
/// openapi.yaml:12:7: warning: the operation has no operationId [operation-operationId]
///  12 |     get:
///     |     ^^^
///     = help: add `operationId: listFlows`
///
/// ✖ 1 problem (0 errors, 1 warning, 0 infos, 0 hints)
/// ```
///
/// Every string that came from the input (messages, hints, paths, the source line) is escaped and
/// long ones shortened (see ``TerminalText``), so a hostile spec cannot drive the terminal. ANSI
/// colour is added only when ``colour`` is `true`; the CLI asks for it only when standard output is a
/// terminal and `NO_COLOR` is not set.
public struct TextReporter: Sendable {
    /// Whether to add ANSI colour and bold.
    public var colour: Bool
    /// Whether to draw the source line and carets under findings whose file text is known.
    public var codeFrames: Bool
    /// Longest message or hint, in Unicode scalars, printed whole (see ``TerminalText/shortened(_:limit:)``).
    public var maxStringLength: Int

    public init(colour: Bool = false, codeFrames: Bool = true, maxStringLength: Int = TerminalText.defaultLimit) {
        self.colour = colour
        self.codeFrames = codeFrames
        self.maxStringLength = maxStringLength
    }

    /// The report as text, ending with a newline.
    public func render(_ report: LintReport) -> String {
        var blocks: [String] = []
        for file in report.files {
            for diagnostic in file.sortedDiagnostics {
                blocks.append(render(diagnostic, filePath: file.path, report: report))
            }
        }
        var output = blocks.joined(separator: "\n")
        if !blocks.isEmpty { output += "\n" }
        output += summaryLine(report.summary) + "\n"
        return output
    }

    /// One finding: the header line, its code frame and its notes, each line ending with a newline.
    public func render(_ diagnostic: Diagnostic, filePath: String, report: LintReport) -> String {
        let style = ANSIStyle(enabled: colour)
        var lines: [String] = []
        var header = ""
        if let location = diagnostic.location {
            header = style.bold("\(safe(location.file)):\(location.line):\(location.column):") + " "
        } else if !filePath.isEmpty {
            header = style.bold("\(safe(filePath)):") + " "
        }
        header += style.severity(diagnostic.severity, Self.word(for: diagnostic.severity) + ":") + " "
        header += style.bold(safe(diagnostic.message)) + " " + style.dim("[\(safe(diagnostic.code.rawValue))]")
        lines.append(header)

        var gutterWidth = 1
        if let location = diagnostic.location {
            gutterWidth = String(location.line).count
            if codeFrames, let source = report.source(forFile: location.file),
                let frame = CodeFrame(source: source, location: location)
            {
                let blank = String(repeating: " ", count: gutterWidth)
                lines.append(" " + style.gutter("\(location.line) |") + " " + frame.text)
                lines.append(
                    " " + style.gutter("\(blank) |") + " " + String(repeating: " ", count: frame.caretOffset)
                        + style.severity(diagnostic.severity, String(repeating: "^", count: frame.caretCount)))
            }
        }
        let notePrefix = " " + String(repeating: " ", count: gutterWidth) + " " + style.gutter("=") + " "
        if let hint = diagnostic.hint {
            lines.append(notePrefix + style.bold("help:") + " " + safe(hint))
        }
        if diagnostic.location == nil, let pointer = diagnostic.pointer {
            lines.append(notePrefix + style.bold("at:") + " " + safe(Self.show(pointer)))
        }
        let instance = [diagnostic.instanceLocation, diagnostic.instancePointer.map(Self.show)].compactMap { $0 }
        if !instance.isEmpty {
            lines.append(notePrefix + style.bold("instance:") + " " + safe(instance.joined(separator: " ")))
        }
        for related in diagnostic.related {
            lines.append(notePrefix + style.bold("note:") + " see " + safe(related.description))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `✖ 3 problems (1 error, 2 warnings, 0 infos, 0 hints)` or `✔ no problems`, with a second clause
    /// for findings hidden by suppressions or the baseline.
    public func summaryLine(_ summary: ReportSummary) -> String {
        let style = ANSIStyle(enabled: colour)
        var line: String
        if summary.total == 0 {
            line = style.paint("✔ no problems", code: "1;32")
        } else {
            let counts = [
                Self.counted(summary.errors, "error"), Self.counted(summary.warnings, "warning"),
                Self.counted(summary.infos, "info"), Self.counted(summary.hints, "hint"),
            ].joined(separator: ", ")
            let text = "✖ \(Self.counted(summary.total, "problem")) (\(counts))"
            if summary.errors > 0 {
                line = style.paint(text, code: "1;31")
            } else if summary.warnings > 0 {
                line = style.paint(text, code: "1;33")
            } else {
                line = style.bold(text)
            }
        }
        var hidden: [String] = []
        if summary.baselined > 0 { hidden.append("\(summary.baselined) known in the baseline") }
        if summary.suppressed > 0 { hidden.append("\(summary.suppressed) suppressed") }
        if !hidden.isEmpty { line += style.dim("; not shown: " + hidden.joined(separator: ", ")) }
        return line
    }

    private func safe(_ text: String) -> String { TerminalText.safe(text, limit: maxStringLength) }

    static func word(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "info"
        case .hint: return "hint"
        }
    }

    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func show(_ pointer: JSONPointer) -> String { pointer.isRoot ? "(root)" : pointer.description }
}

/// ANSI SGR sequences, or nothing when colour is off.
struct ANSIStyle {
    var enabled: Bool

    func paint(_ text: String, code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, code: "1") }
    func dim(_ text: String) -> String { paint(text, code: "2") }
    func gutter(_ text: String) -> String { paint(text, code: "1;34") }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: return paint(text, code: "1;31")
        case .warning: return paint(text, code: "1;33")
        case .info: return paint(text, code: "1;36")
        case .hint: return paint(text, code: "1;32")
        }
    }
}
