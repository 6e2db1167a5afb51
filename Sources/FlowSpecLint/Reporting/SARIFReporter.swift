public import FlowSpecModel
import Foundation

/// Renders a report as SARIF 2.1.0 that GitHub code scanning accepts.
///
/// One run whose `tool.driver.rules` lists the report's rules (and, after them, a plain entry for
/// every code that has findings but no ``RuleDescriptor``, such as a load error), one result per
/// finding with its rule, level, message, location and a `partialFingerprints` entry that stays the
/// same when lines move: a SHA-256 of rule id, file and JSON pointer (`flowspecFingerprint/v1`).
/// Columns count Unicode code points (`columnKind: unicodeCodePoints`), as libyaml's do.
///
/// Paths become URI references: relative paths keep forward slashes and get `uriBaseId: %SRCROOT%`
/// (GitHub resolves them against the repository root), absolute paths become `file://` URIs.
/// See [SARIF 2.1.0](https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html).
public struct SARIFReporter: Sendable {
    /// The `$schema` written at the top.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key under `partialFingerprints`.
    public static let fingerprintKey = "flowspecFingerprint/v1"

    /// The absolute folder that relative paths are relative to; written as `originalUriBaseIds` when set.
    public var sourceRoot: String?
    /// Whether to indent (two spaces) or write one line.
    public var pretty: Bool

    public init(sourceRoot: String? = nil, pretty: Bool = true) {
        self.sourceRoot = sourceRoot
        self.pretty = pretty
    }

    /// The report as SARIF JSON text, ending with a newline.
    public func render(_ report: LintReport) -> String {
        document(report).serialized(pretty: pretty) + "\n"
    }

    func document(_ report: LintReport) -> JSONOutput {
        var findings: [(file: FileResult, diagnostic: Diagnostic)] = []
        for file in report.files {
            for diagnostic in file.sortedDiagnostics { findings.append((file, diagnostic)) }
        }

        var rules: [RuleDescriptor] = []
        var ruleIndex: [DiagnosticCode: Int] = [:]
        for rule in report.rules where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = rules.count
            rules.append(rule)
        }
        var undescribed: [DiagnosticCode: Severity] = [:]
        for finding in findings where ruleIndex[finding.diagnostic.code] == nil {
            let code = finding.diagnostic.code
            undescribed[code] = min(undescribed[code] ?? .hint, finding.diagnostic.severity)
        }
        for (code, severity) in undescribed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            ruleIndex[code] = rules.count
            rules.append(
                RuleDescriptor(
                    id: code, defaultSeverity: severity, summary: "FlowSpec finding \(code.rawValue)",
                    category: "flowspec"))
        }

        var occurrences: [String: Int] = [:]
        let results: [JSONOutput] = findings.map { finding in
            let diagnostic = finding.diagnostic
            let fingerprintBase = Self.fingerprint(diagnostic, defaultFile: finding.file.path)
            occurrences[fingerprintBase, default: 0] += 1
            let fingerprint = "\(fingerprintBase):\(occurrences[fingerprintBase] ?? 1)"
            return result(
                diagnostic, defaultFile: finding.file.path, ruleIndex: ruleIndex[diagnostic.code] ?? 0,
                fingerprint: fingerprint)
        }

        var driver: [(String, JSONOutput)] = [("name", .string(report.tool.name))]
        if let uri = report.tool.informationURI { driver.append(("informationUri", .string(uri))) }
        driver.append(("version", .string(report.tool.version)))
        if Self.isSemanticVersion(report.tool.version) {
            driver.append(("semanticVersion", .string(report.tool.version)))
        }
        driver.append(("rules", .array(rules.map(Self.rule))))

        var run: [(String, JSONOutput)] = [("tool", .object([("driver", .object(driver))]))]
        if let sourceRoot {
            var root = Self.fileURI(absolute: sourceRoot)
            if !root.hasSuffix("/") { root += "/" }
            run.append(("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(root))]))])))
        }
        run.append(("columnKind", .string("unicodeCodePoints")))
        run.append(("results", .array(results)))

        return .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    static func rule(_ rule: RuleDescriptor) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(rule.id.rawValue)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.description ?? rule.summary))])),
        ]
        if let help = rule.helpURI { members.append(("helpUri", .string(help))) }
        members.append(("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])))
        var tags = [rule.category]
        for tag in rule.tags where !tags.contains(tag) { tags.append(tag) }
        members.append(("properties", .object([("tags", .array(tags.map(JSONOutput.string)))])))
        return .object(members)
    }

    func result(_ diagnostic: Diagnostic, defaultFile: String, ruleIndex: Int, fingerprint: String) -> JSONOutput {
        var text = diagnostic.message
        if let hint = diagnostic.hint { text += "\nHelp: " + hint }
        var members: [(String, JSONOutput)] = [
            ("ruleId", .string(diagnostic.code.rawValue)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
        ]
        if let location = diagnostic.location {
            members.append(("locations", .array([.object([("physicalLocation", Self.physicalLocation(location))])])))
        } else if !defaultFile.isEmpty {
            // GitHub shows a result only with a line; a finding about a whole file points at its start.
            let physical = JSONOutput.object([
                ("artifactLocation", Self.artifactLocation(defaultFile)),
                ("region", .object([("startLine", .int(1))])),
            ])
            members.append(("locations", .array([.object([("physicalLocation", physical)])])))
        } else {
            members.append(("locations", .array([])))
        }
        members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])))
        if !diagnostic.related.isEmpty {
            let related = diagnostic.related.enumerated().map { index, location in
                JSONOutput.object([("id", .int(index + 1)), ("physicalLocation", Self.physicalLocation(location))])
            }
            members.append(("relatedLocations", .array(related)))
        }
        var properties: [(String, JSONOutput)] = []
        if let pointer = diagnostic.pointer { properties.append(("pointer", .string(pointer.description))) }
        if let pointer = diagnostic.instancePointer {
            properties.append(("instancePointer", .string(pointer.description)))
        }
        if let place = diagnostic.instanceLocation { properties.append(("instanceLocation", .string(place))) }
        if let hint = diagnostic.hint { properties.append(("hint", .string(hint))) }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
    }

    static func physicalLocation(_ location: SourceLocation) -> JSONOutput {
        var region: [(String, JSONOutput)] = [
            ("startLine", .int(max(1, location.line))), ("startColumn", .int(max(1, location.column))),
        ]
        if let endLine = location.endLine, endLine >= location.line { region.append(("endLine", .int(endLine))) }
        if let endColumn = location.endColumn, endColumn >= 1 { region.append(("endColumn", .int(endColumn))) }
        return .object([("artifactLocation", artifactLocation(location.file)), ("region", .object(region))])
    }

    /// The SARIF `level` of a severity: `info` and `hint` are both `note`.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .hint: return "note"
        }
    }

    /// A path as a SARIF artifact location: a relative URI reference with `uriBaseId` for a relative
    /// path, a `file://` URI for an absolute one.
    static func artifactLocation(_ path: String) -> JSONOutput {
        let path = normalizedPath(path)
        if path.hasPrefix("/") || isWindowsAbsolute(path) {
            return .object([("uri", .string(fileURI(absolute: path)))])
        }
        return .object([("uri", .string(percentEncoded(path, keepColon: false))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    /// Forward slashes, no leading `./`.
    static func normalizedPath(_ path: String) -> String {
        var path = path.replacingOccurrences(of: "\\", with: "/")
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    static func fileURI(absolute path: String) -> String {
        let path = normalizedPath(path)
        return "file://" + (path.hasPrefix("/") ? "" : "/") + percentEncoded(path, keepColon: true)
    }

    private static func isWindowsAbsolute(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(3))
        return scalars.count == 3 && scalars[0].properties.isAlphabetic && scalars[0].isASCII && scalars[1] == ":"
            && scalars[2] == "/"
    }

    /// Percent-encodes every byte that may not appear in a URI path (RFC 3986 `pchar` and `/`);
    /// `:` too unless `keepColon`, so a relative path's first segment is never read as a scheme.
    static func percentEncoded(_ path: String, keepColon: Bool) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~!$&'()*+,;=@/".utf8.contains(byte) || (keepColon && byte == UInt8(ascii: ":")):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// The stable part of a finding's fingerprint: rule id, file and JSON pointer (or, for a finding
    /// without a pointer, its message with numbers blanked), hashed.
    static func fingerprint(_ diagnostic: Diagnostic, defaultFile: String) -> String {
        let file = normalizedPath(diagnostic.location?.file ?? defaultFile)
        let place =
            diagnostic.pointer.map { "pointer:" + $0.description }
            ?? "message:" + FindingIdentity.normalizedMessage(diagnostic.message)
        return SHA256.hex([diagnostic.code.rawValue, file, place].joined(separator: "\u{0}"), length: 32)
    }

    static func isSemanticVersion(_ version: String) -> Bool {
        let core = version.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
