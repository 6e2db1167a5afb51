import FlowSpecLint
import FlowSpecModel

extension Diagnostic {
    /// `file:line:col: severity: message [code]` for a terminal: the file name and the message, which
    /// quote the input, are escaped and shortened (docs/security.md, "Messages"), so a spec or a body
    /// cannot drive the terminal through `inspect`, `check` or an error printed before a report.
    var terminalLine: String {
        let place = location.map { "\(TerminalText.safe($0.file)):\($0.line):\($0.column): " } ?? ""
        return "\(place)\(severity.rawValue): \(TerminalText.safe(message)) [\(code)]"
    }

    /// The hint, escaped and shortened like ``terminalLine``.
    var terminalHint: String? { hint.map { TerminalText.safe($0) } }
}
