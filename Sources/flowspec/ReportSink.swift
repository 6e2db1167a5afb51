import FlowSpecLint
import FlowSpecModel
import FlowSpecTraffic
import Foundation

/// `--output` names a file that cannot be created or written.
struct ReportSinkError: Error, CustomStringConvertible {
    var path: String
    var description: String { "error: cannot write the report to \(path): check that its folder exists and is writable" }
}

/// Where `flowspec validate` writes its report. JSON and text are streamed entry by entry, so memory
/// stays flat whatever the capture's size; SARIF, GitHub, JUnit and HTML keep only the entries that
/// have findings (plus counts) until the end.
final class ReportSink {
    private let options: ReportOptions
    private let spec: String
    private let captures: [String]
    private let format: String
    private let silent: Bool
    private var buffer: [UInt8] = []
    private var handle: FileHandle?
    private var first = true
    private var kept: [TrafficEntryReport] = []
    private let json = TrafficJSONReporter()
    private let text: TrafficTextReporter

    /// Throws when `--output` cannot be written, before any work is done, rather than falling back to
    /// standard output.
    init(options: ReportOptions, spec: String, captures: [String], silent: Bool) throws(ReportSinkError) {
        self.options = options
        self.spec = spec
        self.captures = captures
        self.format = options.format.lowercased()
        self.silent = silent
        self.text = TrafficTextReporter(colour: options.colour, coverage: !options.quiet)
        if !silent, let path = options.output {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw ReportSinkError(path: path) }
            self.handle = handle
        }
        if !silent && format == "json" { write(json.header(spec: spec, captures: captures)) }
    }

    func entry(_ entry: TrafficEntryReport) {
        guard !silent else { return }
        switch format {
        case "json":
            json.append(entry, first: first, to: &buffer)
            first = false
            if buffer.count >= 1 << 16 { flush() }
        case "text":
            if !entry.findings.isEmpty {
                write(text.render(entries: [entry]))
            }
        default:
            if !entry.findings.isEmpty { kept.append(entry) }
        }
    }

    func finish(captureFindings: [Diagnostic], summary: TrafficReport.Summary, baselined: Int, coverage: TrafficCoverage) {
        guard !silent else { return }
        switch format {
        case "json":
            write(json.footer(captureFindings: captureFindings, summary: summary, baselined: baselined, coverage: coverage))
        case "text":
            write(text.render(captureFindings: captureFindings, summary: summary, baselined: baselined, coverage: coverage))
        default:
            let report = TrafficReport(
                spec: spec, captures: captures, entries: kept, captureFindings: captureFindings, coverage: coverage,
                baselinedCount: baselined)
            if format == "html" {
                write(TrafficHTMLReporter().render(report, summary: summary))
            } else if let reportFormat = ReportFormat(argument: format) {
                let lint = report.lintReport(tool: ToolInfo(version: FlowSpecVersion.current))
                write(reportFormat.render(lint, colour: false, failSeverity: options.failSeverity ?? .error))
            }
        }
        flush()
        try? handle?.close()
    }

    private func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        if let handle {
            handle.write(Data(buffer))
        } else {
            Output.write(buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A progress line on standard error for long runs, only when it is a terminal.
struct ProgressBar {
    let enabled: Bool
    private var count = 0
    private var lastDraw = 0.0

    init(enabled: Bool) { self.enabled = enabled }

    mutating func tick(name: String) {
        count += 1
        guard enabled, count % 1000 == 0 else { return }
        let now = Date().timeIntervalSince1970
        guard now - lastDraw > 0.2 else { return }
        lastDraw = now
        Output.error("\r\u{1B}[2K\(name): \(count) entries checked")
    }

    func done() {
        if enabled && count >= 1000 { Output.error("\r\u{1B}[2K") }
    }
}
