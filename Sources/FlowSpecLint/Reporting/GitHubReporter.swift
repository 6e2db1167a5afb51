public import FlowSpecModel
import Foundation

/// Renders a report as GitHub Actions workflow commands, which annotate the files of a pull request:
///
/// ```text
/// ::error file=openapi.yaml,line=12,col=7,endLine=12,endColumn=10,title=operation-operationId::the operation has no operationId
/// ```
///
/// `error` for errors, `warning` for warnings, `notice` for infos and hints. Values are escaped as
/// the runner requires (`%`, `\r`, `\n` in the message; also `,` and `:` in properties), and control
/// characters from the input are made visible (see ``TerminalText``) since the log viewer would
/// interpret them. The last line is the plain summary. See
/// [workflow commands](https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions).
public struct GitHubReporter: Sendable {
    public init() {}

    /// The report as workflow commands, one per line, then the summary line.
    public func render(_ report: LintReport) -> String {
        var output = ""
        for file in report.files {
            for diagnostic in file.sortedDiagnostics {
                output += command(diagnostic, defaultFile: file.path) + "\n"
            }
        }
        output += TextReporter(colour: false).summaryLine(report.summary) + "\n"
        return output
    }

    /// One workflow command for `diagnostic`.
    public func command(_ diagnostic: Diagnostic, defaultFile: String) -> String {
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            properties.append(("file", location.file))
            properties.append(("line", String(location.line)))
            properties.append(("col", String(location.column)))
            if let endLine = location.endLine { properties.append(("endLine", String(endLine))) }
            if let endColumn = location.endColumn { properties.append(("endColumn", String(endColumn))) }
        } else if !defaultFile.isEmpty {
            properties.append(("file", defaultFile))
        }
        properties.append(("title", diagnostic.code.rawValue))
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhelp: " + hint }
        let renderedProperties = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(Self.command(for: diagnostic.severity)) \(renderedProperties)::\(Self.escapeData(message))"
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .hint: return "notice"
        }
    }

    /// The escaping of a command's message: `%`, `\r`, `\n`; other control characters made visible.
    static func escapeData(_ text: String) -> String {
        TerminalText.escaped(text.replacingOccurrences(of: "\r\n", with: "\n"), keepNewlines: true)
            .replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The escaping of a property value: as ``escapeData(_:)``, and `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
