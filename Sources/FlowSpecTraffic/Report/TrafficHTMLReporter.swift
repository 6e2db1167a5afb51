import FlowSpecModel

/// One self-contained HTML page: summary, a coverage chart (inline SVG), the findings list (each
/// linking to its entry) and the entries table. No script, no network, no external style sheet.
public struct TrafficHTMLReporter: Sendable {
    public init() {}

    /// The page; `summary` counts every entry, when `report` keeps only those with findings.
    public func render(_ report: TrafficReport, summary: TrafficReport.Summary? = nil) -> String {
        let s = summary ?? report.summary
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>flowspec validate: \(escape(report.spec))</title>
            <style>
            body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
            .error{color:#b00020}.warn{color:#8a5a00}.info,.hint{color:#0b57d0}.valid{color:#137333}.invalid{color:#b00020}
            code{font:12px ui-monospace,monospace;background:#f4f4f6;padding:0 .2rem;word-break:break-all}
            .bar{fill:#137333}.gap{fill:#e0e0e6}
            </style></head><body>
            <h1>flowspec validate</h1>
            <p>Spec <code>\(escape(report.spec))</code>; captures \(report.captures.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")).</p>
            <p><strong>\(s.entries)</strong> entries: <span class="valid">\(s.valid) valid</span>, <span class="invalid">\(s.invalid) invalid</span>; \(s.errors) errors, \(s.warnings) warnings, \(s.infos) infos\(report.baselinedCount > 0 ? "; \(report.baselinedCount) in the baseline" : "").</p>

            """
        html += coverageChart(report.coverage)
        html += "<h2>Findings</h2>\n"
        let findings = report.entries.flatMap { entry in entry.findings.map { (entry, $0) } }
        if findings.isEmpty && report.captureFindings.isEmpty {
            html += "<p>None.</p>\n"
        } else {
            html += "<table><tr><th>entry</th><th>severity</th><th>finding</th><th>where</th><th>spec</th></tr>\n"
            for (entry, finding) in findings {
                html += "<tr><td><a href=\"#\(anchor(entry))\">\(escape(entry.capture)) #\(entry.index)</a></td>"
                html += row(finding)
            }
            for finding in report.captureFindings { html += "<tr><td>capture</td>" + row(finding) }
            html += "</table>\n"
        }
        html += "<h2>Entries\(summary != nil ? " with findings" : "")</h2>\n<table><tr><th>#</th><th>request</th><th>status</th><th>operation</th><th>verdict</th></tr>\n"
        for entry in report.entries {
            html += "<tr id=\"\(anchor(entry))\"><td>\(escape(entry.capture)) #\(entry.index)</td>"
            html += "<td><code>\(escape(entry.method ?? "?")) \(escape(entry.url ?? ""))</code></td>"
            html += "<td>\(entry.status.map(String.init) ?? "–")</td><td>\(escape(entry.operation ?? "–"))</td>"
            html += "<td class=\"\(entry.verdict)\">\(entry.verdict)</td></tr>\n"
        }
        html += "</table>\n</body></html>\n"
        return html
    }

    private func row(_ finding: Diagnostic) -> String {
        var where_: [String] = []
        if let pointer = finding.instancePointer { where_.append("body <code>\(escape(pointer.isRoot ? "/" : pointer.description))</code>") }
        if let location = finding.instanceLocation { where_.append(escape(location)) }
        let spec = finding.location.map { "<code>\(escape($0.description))</code>" } ?? ""
        let severity = finding.severity.rawValue
        return "<td class=\"\(severity)\">\(severity)</td><td>\(escape(finding.message)) <code>\(escape(finding.code.rawValue))</code></td><td>\(where_.joined(separator: "<br>"))</td><td>\(spec)</td></tr>\n"
    }

    private func anchor(_ entry: TrafficEntryReport) -> String {
        let file = entry.capture.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? String($0) : "-" }.joined()
        return "entry-\(file)-\(entry.index)"
    }

    /// Horizontal bars: covered share of each operation's request media types and response statuses.
    private func coverageChart(_ coverage: TrafficCoverage) -> String {
        let t = coverage.totals
        var rows: [(String, Int, Int)] = [
            ("operations", t.operations.0, t.operations.1), ("request media types", t.mediaTypes.0, t.mediaTypes.1),
            ("response statuses", t.statuses.0, t.statuses.1),
        ]
        for op in coverage.operations {
            rows.append(("\(op.method) \(op.path): media types", op.requestMediaTypes.filter { $0.count > 0 }.count, op.requestMediaTypes.count))
            rows.append(("\(op.method) \(op.path): statuses", op.responseStatuses.filter { $0.count > 0 }.count, op.responseStatuses.count))
        }
        rows = rows.filter { $0.2 > 0 }
        let height = rows.count * 24 + 8
        var svg = "<h2>Coverage</h2>\n<svg role=\"img\" aria-label=\"coverage chart\" width=\"760\" height=\"\(height)\" viewBox=\"0 0 760 \(height)\">\n"
        for (i, row) in rows.enumerated() {
            let y = i * 24 + 4
            let width = 360 * row.1 / max(row.2, 1)
            svg += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\">\(escape(row.0))</text>"
            svg += "<rect class=\"gap\" x=\"330\" y=\"\(y)\" width=\"360\" height=\"18\"/>"
            svg += "<rect class=\"bar\" x=\"330\" y=\"\(y)\" width=\"\(width)\" height=\"18\"/>"
            svg += "<text x=\"700\" y=\"\(y + 14)\" font-size=\"12\">\(row.1)/\(row.2)</text>\n"
        }
        return svg + "</svg>\n"
    }

    private func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                    out += "&#x\(String(scalar.value, radix: 16));"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
