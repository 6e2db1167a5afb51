public import FlowSpecModel
import Foundation

/// Renders a report as JUnit XML, the test-result format most CI systems display.
///
/// One `<testsuite>` per file, one `<testcase>` per finding, named after the rule and the JSON pointer
/// (so a CI's test history follows a finding when lines move). A finding at least as serious as
/// ``failSeverity`` is a `<failure>` whose `type` is the rule id and whose text is the compiler-like
/// line and hint; a less serious one is a passing test case whose `<system-out>` holds that text. A
/// file without findings gets one passing test case, so clean files show up as passed.
///
/// Text is XML-escaped; characters XML 1.0 cannot hold at all (most C0 controls, even as character
/// references) are shown as visible escapes (see ``TerminalText``).
public struct JUnitReporter: Sendable {
    /// The least serious severity that is a failure.
    public var failSeverity: Severity

    public init(failSeverity: Severity = .error) { self.failSeverity = failSeverity }

    /// The report as an XML document, ending with a newline.
    public func render(_ report: LintReport) -> String {
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        for file in report.files {
            let diagnostics = file.sortedDiagnostics
            var cases: [String] = []
            var failures = 0
            for diagnostic in diagnostics {
                let name = Self.testName(diagnostic)
                let text = Self.failureText(diagnostic, defaultFile: file.path)
                var testCase =
                    "    <testcase name=\"\(Self.attribute(name))\" classname=\"\(Self.attribute(file.path))\">"
                if diagnostic.severity.reaches(failSeverity) {
                    failures += 1
                    testCase += "\n      <failure message=\"\(Self.attribute(diagnostic.message))\""
                    testCase += " type=\"\(Self.attribute(diagnostic.code.rawValue))\">\(Self.text(text))</failure>"
                } else {
                    testCase += "\n      <system-out>\(Self.text(text))</system-out>"
                }
                testCase += "\n    </testcase>"
                cases.append(testCase)
            }
            if diagnostics.isEmpty {
                cases.append("    <testcase name=\"no problems\" classname=\"\(Self.attribute(file.path))\"/>")
            }
            totalTests += cases.count
            totalFailures += failures
            var suite = "  <testsuite name=\"\(Self.attribute(file.path))\" tests=\"\(cases.count)\""
            suite += " failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            suite += cases.joined(separator: "\n") + "\n  </testsuite>"
            suites.append(suite)
        }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"\(Self.attribute(report.tool.name))\" tests=\"\(totalTests)\""
        output += " failures=\"\(totalFailures)\" errors=\"0\">\n"
        if !suites.isEmpty { output += suites.joined(separator: "\n") + "\n" }
        output += "</testsuites>\n"
        return output
    }

    /// `rule-id at /json/pointer`, or the line and column when there is no pointer.
    static func testName(_ diagnostic: Diagnostic) -> String {
        if let pointer = diagnostic.pointer {
            return "\(diagnostic.code.rawValue) at \(pointer.isRoot ? "(root)" : pointer.description)"
        }
        if let location = diagnostic.location {
            return "\(diagnostic.code.rawValue) at \(location.line):\(location.column)"
        }
        return diagnostic.code.rawValue
    }

    static func failureText(_ diagnostic: Diagnostic, defaultFile: String) -> String {
        let place =
            diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " }
            ?? (defaultFile.isEmpty ? "" : "\(defaultFile): ")
        var text = "\(place)\(TextReporter.word(for: diagnostic.severity)): \(diagnostic.message) [\(diagnostic.code)]"
        if let hint = diagnostic.hint { text += "\nhelp: \(hint)" }
        if let pointer = diagnostic.pointer { text += "\npointer: \(pointer.isRoot ? "(root)" : pointer.description)" }
        let instance = [diagnostic.instanceLocation, diagnostic.instancePointer.map(\.description)].compactMap { $0 }
        if !instance.isEmpty { text += "\ninstance: " + instance.joined(separator: " ") }
        return text
    }

    /// Text content: `&`, `<`, `>` escaped; characters XML cannot hold made visible.
    static func text(_ value: String) -> String {
        var result = ""
        for scalar in TerminalText.escaped(value, keepNewlines: true).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\u{FFFE}", "\u{FFFF}": result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An attribute value in double quotes: as ``text(_:)``, and `"`, `'` and line breaks as references.
    static func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
            .replacingOccurrences(of: "\n", with: "&#10;")
    }
}
