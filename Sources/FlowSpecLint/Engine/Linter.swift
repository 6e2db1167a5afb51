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
    /// How many threads a lint run may use (the caller's included); the findings are the same for
    /// any number. Every core of the machine by default.
    public var threads: Int

    /// - Parameter threads: how many threads a run may use; `nil` for every core of the machine.
    public init(rules: [LintRule] = BuiltinRules.all, configuration: LintConfiguration = .defaults, threads: Int? = nil) {
        self.rules = rules
        self.configuration = configuration
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
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
        let (ruleFindings, parsed) = run(loaded, rootFile: rootFile, examples: examples)
        for (rule, diagnostics) in ruleFindings {
            for diagnostic in diagnostics {
                if let configured = configuration.applying(to: diagnostic, rule: rule, file: rootFile) {
                    found.append(configured)
                }
            }
        }
        var suppressions: [Suppression] = []
        for file in parsed {
            suppressions += file.suppressions
            found += file.diagnostics
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

    /// One piece of a lint run: a file's suppressions, or rules run one after the other (the rules
    /// that use the example checker go together, after the checker has compiled their schemas).
    private enum Piece {
        case suppressions(file: Int)
        case rules([Int], prepareExamples: Bool)
    }

    /// Runs the rules that are on and reads the suppressions of every file, on up to ``threads``
    /// threads: the rules only read the loaded spec. Returns each rule's findings in rule order, and
    /// each file's suppressions in file order, whatever thread found them.
    private func run(
        _ loaded: LoadResult, rootFile: String?, examples: (any ExampleChecker)?
    ) -> ([(RuleDescriptor, [Diagnostic])], [SuppressionParser.Result]) {
        var context: LintContext?
        var active: [Int] = []
        if let document = loaded.document {
            context = LintContext(result: loaded, document: document, examples: examples)
            active = rules.indices.filter { index in
                let rule = rules[index]
                return rule.check != nil && rule.applies(to: document.version)
                    && configuration.mayRun(rule.descriptor, file: rootFile)
            }
        }
        // The schema-engine rules first (compiling their schemas is the longest piece), then every
        // other rule alone, then the suppressions.
        let checked = active.filter { ExampleRules.checkerRuleIDs.contains(rules[$0].id) }
        var pieces: [Piece] = []
        if !checked.isEmpty {
            // No schema is compiled ahead when no rule will check an example against it.
            pieces.append(.rules(checked, prepareExamples: examples != nil))
        }
        for index in active where !ExampleRules.checkerRuleIDs.contains(rules[index].id) {
            pieces.append(.rules([index], prepareExamples: false))
        }
        for file in loaded.files.files.indices { pieces.append(.suppressions(file: file)) }
        let (work, lintContext, ruleList, files) = (pieces, context, self.rules, loaded.files)
        let outcomes = ParallelWork.map(pieces.count, threads: threads) {
            piece -> (rules: [(RuleDescriptor, [Diagnostic])], suppressions: SuppressionParser.Result?) in
            switch work[piece] {
            case .suppressions(let index):
                let file = files.files[index]
                return ([], SuppressionParser.collect(in: file.tree, file: file.displayPath))
            case .rules(let indexes, let prepareExamples):
                guard let context = lintContext else { return ([], nil) }
                if prepareExamples { examples?.prepare(context) }
                return (
                    indexes.map { index in
                        let rule = ruleList[index]
                        var findings = LintFindings(files: files, rule: rule.descriptor)
                        rule.check?(context, &findings)
                        return (rule.descriptor, findings.diagnostics)
                    }, nil
                )
            }
        }
        // Back in rule order: the engine's chain ran first, but its rules sit among the others.
        var byRule: [Int: (RuleDescriptor, [Diagnostic])] = [:]
        for (piece, outcome) in zip(pieces, outcomes) {
            guard case .rules(let indexes, _) = piece else { continue }
            for (index, found) in zip(indexes, outcome.rules) { byRule[index] = found }
        }
        return (active.compactMap { byRule[$0] }, outcomes.compactMap(\.suppressions))
    }

    /// A descriptor for a finding whose code no rule declares (a YAML error, for instance): on
    /// everywhere, at its own severity.
    static func fallback(for diagnostic: Diagnostic) -> RuleDescriptor {
        RuleDescriptor(
            id: diagnostic.code, defaultSeverity: diagnostic.severity, summary: diagnostic.code.rawValue,
            category: "structure")
    }
}
