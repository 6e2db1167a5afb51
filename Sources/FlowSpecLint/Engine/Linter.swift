public import FlowSpecModel
import Foundation

/// Runs lint rules over a loaded spec and applies the configuration, inline suppressions and
/// (through the CLI) baselines.
///
/// ```swift
/// let loaded = SpecLoader().load(path: "specs/pingone-flows.yaml")
/// let result = Linter().lint(loaded)
/// print(result.diagnostics.count)
/// ```
public struct Linter: Sendable {
    public var rules: [LintRule]
    public var configuration: LintConfiguration

    public init(rules: [LintRule] = BuiltinRules.all, configuration: LintConfiguration = .defaults) {
        self.rules = rules
        self.configuration = configuration
    }

    /// The descriptors of every rule, for reporters and documentation.
    public var descriptors: [RuleDescriptor] { rules.map(\.descriptor) }

    /// What one lint run found.
    public struct Result: Sendable {
        /// Findings that are in force, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// How many findings inline suppressions hid.
        public var suppressedCount: Int
    }

    /// Lints a loaded spec: the loader's findings (structure, references) and every rule that is on.
    ///
    /// - Parameters:
    ///   - today: the date suppressions expire against; today in UTC by default.
    ///   - examples: the schema engine's example checker, for the example rules.
    public func lint(_ loaded: LoadResult, today: CalendarDate? = nil, examples: (any ExampleChecker)? = nil) -> Result {
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rootFile = loaded.files.root?.displayPath
        var found: [Diagnostic] = []
        for diagnostic in loaded.diagnostics {
            let rule = byID[diagnostic.code]?.descriptor ?? Self.fallback(for: diagnostic)
            if let configured = configuration.applying(to: diagnostic, rule: rule, file: rootFile) {
                found.append(configured)
            }
        }
        if let document = loaded.document {
            let context = LintContext(result: loaded, document: document, examples: examples)
            examples?.prepare(context)
            for rule in rules {
                guard let check = rule.check, rule.applies(to: document.version),
                    configuration.mayRun(rule.descriptor, file: rootFile)
                else { continue }
                var findings = LintFindings(files: loaded.files, rule: rule.descriptor)
                check(context, &findings)
                for diagnostic in findings.diagnostics {
                    if let configured = configuration.applying(to: diagnostic, rule: rule.descriptor, file: rootFile) {
                        found.append(configured)
                    }
                }
            }
        }
        var suppressions: [Suppression] = []
        for file in loaded.files.files {
            let parsed = SuppressionParser.collect(in: file.tree, file: file.displayPath)
            suppressions += parsed.suppressions
            found += parsed.diagnostics
        }
        let date = today ?? CalendarDate(Date(), in: TimeZone(identifier: "UTC") ?? .current)
        let outcome = Suppression.apply(suppressions, to: found, today: date)
        var diagnostics = outcome.kept
        for suppression in outcome.expired {
            let rule = byID[.suppressionExpired]?.descriptor
            let diagnostic = suppression.expiredDiagnostic(severity: rule?.defaultSeverity ?? .warning)
            if let rule, let configured = configuration.applying(to: diagnostic, rule: rule, file: rootFile) {
                diagnostics.append(configured)
            }
        }
        for suppression in outcome.unused {
            let rule = byID[.suppressionUnused]?.descriptor
            let diagnostic = suppression.unusedDiagnostic(severity: rule?.defaultSeverity ?? .info)
            if let rule, let configured = configuration.applying(to: diagnostic, rule: rule, file: rootFile) {
                diagnostics.append(configured)
            }
        }
        diagnostics = Array(Set(diagnostics)).sorted()
        return Result(diagnostics: diagnostics, suppressedCount: outcome.suppressed.count)
    }

    /// A descriptor for a finding whose code no rule declares (a YAML error, for instance): on
    /// everywhere, at its own severity.
    static func fallback(for diagnostic: Diagnostic) -> RuleDescriptor {
        RuleDescriptor(
            id: diagnostic.code, defaultSeverity: diagnostic.severity, summary: diagnostic.code.rawValue,
            category: "structure")
    }
}
