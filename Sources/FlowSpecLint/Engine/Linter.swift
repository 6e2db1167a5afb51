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

    /// One piece of the set-up of a lint run: the rules' context, the example checker's work on the
    /// files alone, or a file's suppressions. None needs another.
    private enum SetUp: Sendable {
        case context, checkerFiles, suppressions(file: Int)
    }

    /// What a piece of the set-up made.
    private enum Made: Sendable {
        case context(LintContext?), nothing, suppressions(SuppressionParser.Result)
    }

    /// One piece of the rules' work: the example checker compiling its schemas, or a rule.
    private enum Piece: Sendable {
        case prepareExamples
        case rule(Int, afterPreparing: Bool)
    }

    /// Runs the rules that are on and reads the suppressions of every file, on up to ``threads``
    /// threads: the rules only read the loaded spec. Returns each rule's findings in rule order, and
    /// each file's suppressions in file order, whatever thread found them.
    private func run(
        _ loaded: LoadResult, rootFile: String?, examples: (any ExampleChecker)?
    ) -> ([(RuleDescriptor, [Diagnostic])], [SuppressionParser.Result]) {
        let files = loaded.files
        let active = rules.indices.filter { index in
            let rule = rules[index]
            guard let version = loaded.document?.version else { return false }
            return rule.check != nil && rule.applies(to: version) && configuration.mayRun(rule.descriptor, file: rootFile)
        }
        let usesChecker = { (index: Int) in ExampleRules.checkerRuleIDs.contains(self.rules[index].id) }
        // The checker's work is done only when a rule will check an example.
        let prepare = examples != nil && active.contains(where: usesChecker)
        // First the context the rules share, and beside it what needs only the files.
        let setUp: [SetUp] =
            [.context] + (prepare ? [.checkerFiles] : []) + files.files.indices.map { .suppressions(file: $0) }
        let made = ParallelWork.map(setUp.count, threads: threads) { piece -> Made in
            switch setUp[piece] {
            case .context:
                return .context(loaded.document.map { LintContext(result: loaded, document: $0, examples: examples) })
            case .checkerFiles:
                examples?.prepareFiles()
                return .nothing
            case .suppressions(let index):
                let file = files.files[index]
                return .suppressions(SuppressionParser.collect(in: file.tree, file: file.displayPath))
            }
        }
        var suppressions: [SuppressionParser.Result] = []
        var context: LintContext?
        for outcome in made {
            switch outcome {
            case .context(let made): context = made
            case .nothing: break
            case .suppressions(let parsed): suppressions.append(parsed)
            }
        }
        guard let context else { return ([], suppressions) }
        // Compiling the examples' schemas is the longest piece: it goes first, the other rules run
        // beside it, and the rules that check examples come last, once it is done.
        var pieces: [Piece] = prepare ? [.prepareExamples] : []
        pieces += active.filter { !usesChecker($0) }.map { .rule($0, afterPreparing: false) }
        pieces += active.filter(usesChecker).map { .rule($0, afterPreparing: prepare) }
        let prepared = Gate()
        let (ruleList, work) = (rules, pieces)
        let findings = ParallelWork.map(pieces.count, threads: threads) { piece -> (Int, [Diagnostic])? in
            switch work[piece] {
            case .prepareExamples:
                examples?.prepare(context)
                prepared.open()
                return nil
            case .rule(let index, let afterPreparing):
                if afterPreparing { prepared.wait() }
                let rule = ruleList[index]
                var findings = LintFindings(files: files, rule: rule.descriptor)
                rule.check?(context, &findings)
                return (index, findings.diagnostics)
            }
        }
        // Back in rule order: the example rules ran last, but they sit among the others.
        var byRule: [Int: [Diagnostic]] = [:]
        for case let (index, diagnostics)? in findings { byRule[index] = diagnostics }
        return (active.compactMap { index in byRule[index].map { (rules[index].descriptor, $0) } }, suppressions)
    }

    /// A descriptor for a finding whose code no rule declares (a YAML error, for instance): on
    /// everywhere, at its own severity.
    static func fallback(for diagnostic: Diagnostic) -> RuleDescriptor {
        RuleDescriptor(
            id: diagnostic.code, defaultSeverity: diagnostic.severity, summary: diagnostic.code.rawValue,
            category: "structure")
    }
}
