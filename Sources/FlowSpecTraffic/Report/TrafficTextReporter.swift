import FlowSpecLint
public import FlowSpecModel

/// The text report of `flowspec validate`: each finding with its entry number, method and URL, where
/// in the exchange (body pointer, header or parameter) and the spec's `file:line:col`; then a coverage
/// table and a summary line. Text from the capture is escaped and shortened for the terminal.
public struct TrafficTextReporter: Sendable {
    public var colour: Bool
    /// Show the coverage table.
    public var coverage: Bool

    public init(colour: Bool = false, coverage: Bool = true) {
        self.colour = colour
        self.coverage = coverage
    }

    private func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    private func label(_ severity: Severity) -> String {
        switch severity {
        case .error: return paint("error", "1;31")
        case .warning: return paint("warning", "1;33")
        case .info: return paint("info", "1;34")
        case .hint: return paint("hint", "1;36")
        }
    }

    public func render(_ report: TrafficReport) -> String {
        render(entries: report.entries)
            + render(
                captureFindings: report.captureFindings, summary: report.summary, baselined: report.baselinedCount,
                coverage: report.coverage)
    }

    /// The findings of some entries (entries without findings print nothing), so that the report can
    /// be streamed.
    public func render(entries: [TrafficEntryReport]) -> String {
        var out = ""
        for entry in entries where !entry.findings.isEmpty {
            let method = TerminalText.safe(entry.method ?? "?", limit: 40)
            let url = TerminalText.safe(entry.url ?? "(no URL)", limit: 160)
            let status = entry.status.map { " → \($0)" } ?? ""
            out += paint("\(TerminalText.safe(entry.capture)) entry \(entry.index)", "1") + ": \(method) \(url)\(status)\n"
            for finding in entry.findings { out += line(for: finding) }
        }
        return out
    }

    /// What follows the entries: capture-wide findings, the coverage table and the summary line.
    public func render(
        captureFindings: [Diagnostic], summary s: TrafficReport.Summary, baselined: Int, coverage: TrafficCoverage
    ) -> String {
        var out = ""
        if !captureFindings.isEmpty {
            out += paint("capture", "1") + ":\n"
            for finding in captureFindings { out += line(for: finding) }
        }
        if self.coverage { out += table(coverage) }
        let verdict = s.invalid == 0 && s.errors == 0 ? paint("✔", "32") : paint("✖", "31")
        out += "\(verdict) \(s.entries) entries: \(s.valid) valid, \(s.invalid) invalid"
        out += " (\(s.errors) errors, \(s.warnings) warnings, \(s.infos) infos)"
        if baselined > 0 { out += ", \(baselined) in the baseline" }
        out += "\n"
        return out
    }

    private func line(for finding: Diagnostic) -> String {
        var out = "  \(label(finding.severity)): \(TerminalText.safe(finding.message)) [\(finding.code)]\n"
        var places: [String] = []
        if let pointer = finding.instancePointer {
            // A pointer quotes the body's member names, which are input like any other text.
            places.append("body \(pointer.isRoot ? "/" : TerminalText.safe(pointer.description, limit: 160))")
        }
        if let where_ = finding.instanceLocation { places.append(TerminalText.safe(where_, limit: 120)) }
        if let location = finding.location { places.append("spec \(TerminalText.safe(location.description))") }
        if !places.isEmpty { out += "    at \(places.joined(separator: "; "))\n" }
        if let hint = finding.hint { out += "    = help: \(TerminalText.safe(hint))\n" }
        return out
    }

    private func table(_ coverage: TrafficCoverage) -> String {
        guard !coverage.operations.isEmpty else { return "" }
        var out = "\ncoverage:\n"
        for op in coverage.operations {
            // Paths, operation ids and media type keys come from the spec, which is input too.
            out += "  \(op.method.padding(7)) \(TerminalText.safe(op.path))  [\(TerminalText.safe(op.id))]  \(op.calls) call(s)\n"
            let media = op.requestMediaTypes
            if !media.isEmpty {
                let covered = media.filter { $0.count > 0 }.count
                out += "    request media types \(covered)/\(media.count):\n"
                for (key, count) in media {
                    out += "      \(count > 0 ? "✔" : "·") \(TerminalText.safe(key))\(count > 0 ? " ×\(count)" : "")\n"
                }
            }
            let statuses = op.responseStatuses
            let covered = statuses.filter { $0.count > 0 }
            out += "    responses \(covered.count)/\(statuses.count): "
            out += statuses.map { status in
                let key = TerminalText.safe(status.key, limit: 40)
                return status.count > 0 ? "\(key)×\(status.count)" : "·\(key)"
            }.joined(separator: " ") + "\n"
        }
        let t = coverage.totals
        out += "  total: operations \(t.operations.0)/\(t.operations.1), request media types \(t.mediaTypes.0)/\(t.mediaTypes.1), response statuses \(t.statuses.0)/\(t.statuses.1)\n\n"
        return out
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
