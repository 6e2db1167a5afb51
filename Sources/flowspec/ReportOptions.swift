import ArgumentParser
import FlowSpecLint
import FlowSpecModel
import Foundation

/// The output options `lint` and `validate` share.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text, json, sarif, github or junit (validate also: html, with --output).")
    var format: String = "text"

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-severity"), help: "Exit with status 1 when a finding reaches this severity: error, warn, info or hint (default error).")
    var failSeverityArgument: SeverityArgument?

    var failSeverity: Severity? { failSeverityArgument?.value }

    @Flag(help: "Show only findings that reach the fail severity, and no summary when there are none.")
    var quiet = false

    @Flag(help: "Never colour the text output, even on a terminal.")
    var noColor = false

    func validate() throws {
        guard ReportFormat(argument: format) != nil || format == "html" else {
            throw ValidationError("unknown format `\(format)`; use text, json, sarif, github or junit (or html for validate)")
        }
    }

    var colour: Bool {
        output == nil && !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && Output.stdoutIsTerminal
    }

    /// Whether the report draws code frames, and so needs the text of the files with findings (the
    /// line index of a large spec is worth skipping on the main thread when nothing reads it).
    var drawsCodeFrames: Bool { ReportFormat(argument: format) == .text }

    func emit(_ report: LintReport, failSeverity: Severity) throws {
        guard let format = ReportFormat(argument: format) else { return }
        var text = format.render(report, colour: colour, failSeverity: failSeverity)
        if quiet && format == .text && report.summary.total == 0 { text = "" }
        try write(text)
    }

    /// Writes `text` to `--output` (or standard output); a report that cannot be written is exit
    /// status 2, like any other failure of the tool to do its job.
    func write(_ text: String) throws {
        if let output {
            if !FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) {
                Output.error("error: cannot write the report to \(output): check that its folder exists and is writable\n")
                throw ExitCode(2)
            }
        } else {
            Output.write(text)
        }
    }
}

/// A severity as a command-line argument (`error`, `warn`, `info`, `hint`).
struct SeverityArgument: ExpressibleByArgument {
    var value: Severity

    init?(argument: String) {
        switch argument.lowercased() {
        case "error": value = .error
        case "warn", "warning": value = .warning
        case "info": value = .info
        case "hint": value = .hint
        default: return nil
        }
    }
}
