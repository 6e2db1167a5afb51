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

    /// Whether a run on the file `file` (its display path) may check examples against their schemas,
    /// so that the schema engine's work can start early; `true` may be wrong (a rule can still not
    /// apply to the document's version), `false` is not.
    public func mayCheckExamples(file: String?) -> Bool {
        rules.contains { rule in
            ExampleRules.checkerRuleIDs.contains(rule.id) && rule.check != nil
                && configuration.mayRun(rule.descriptor, file: file)
        }
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
        let date = today ?? CalendarDate(utc: Date())
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

    /// One piece of a lint run: making the rules' context, the example checker compiling its
    /// schemas, a file's suppressions, or a rule (or one part of a rule that is split, see
    /// ``LintRule/Split``).
    private enum Piece: Sendable {
        case context
        case prepareExamples
        case suppressions(file: Int)
        case rule(Int, part: Int, parts: Int, afterPreparing: Bool)
    }

    /// What a piece made.
    private enum Made: Sendable {
        case nothing
        case suppressions(SuppressionParser.Result)
        case findings(rule: Int, [Diagnostic])
    }

    /// How a file's suppressions compare with a typical rule (reading them walks the whole file):
    /// the pieces are started longest first, so that the threads finish together.
    private static let suppressionsWeight = 8

    /// Runs the rules that are on and reads the suppressions of every file, on up to ``threads``
    /// threads: the rules only read the loaded spec. Returns each rule's findings in rule order, and
    /// each file's suppressions in file order, whatever thread found them.
    private func run(
        _ loaded: LoadResult, rootFile: String?, examples: (any ExampleChecker)?
    ) -> ([(RuleDescriptor, [Diagnostic])], [SuppressionParser.Result]) {
        let files = loaded.files
        let hasDocument = loaded.document != nil
        let active = rules.indices.filter { index in
            let rule = rules[index]
            guard let version = loaded.document?.version else { return false }
            return rule.check != nil && rule.applies(to: version) && configuration.mayRun(rule.descriptor, file: rootFile)
        }
        let usesChecker = { (index: Int) in ExampleRules.checkerRuleIDs.contains(self.rules[index].id) }
        // The checker's work is done only when a rule will check an example.
        let prepare = examples != nil && active.contains(where: usesChecker)
        // First the context the rules share, and beside it the example checker, which scans the files
        // (needing no context) before it compiles the examples' schemas: the longest piece. The other
        // rules and the suppressions run beside it (the longest first, so that the threads finish
        // together), and the rules that check examples come last, once it is done, in parts that
        // both threads share.
        var weighed: [(weight: Int, pieces: [Piece])] = files.files.indices.map {
            (Self.suppressionsWeight, [.suppressions(file: $0)])
        }
        if hasDocument {
            weighed += active.filter { !usesChecker($0) }.map { index in
                (rules[index].weight, Self.pieces(of: rules[index], at: index, afterPreparing: false))
            }
        }
        // Stable: pieces of the same weight keep their order.
        var pieces: [Piece] = [.context] + (prepare && hasDocument ? [.prepareExamples] : [])
        pieces += weighed.enumerated().sorted { a, b in
            a.element.weight != b.element.weight ? a.element.weight > b.element.weight : a.offset < b.offset
        }.flatMap(\.element.pieces)
        if hasDocument {
            pieces += active.filter(usesChecker).flatMap { Self.pieces(of: rules[$0], at: $0, afterPreparing: prepare) }
        }
        let made = Handoff<LintContext?>()
        let prepared = Gate()
        let (ruleList, work) = (rules, pieces)
        let outcomes = ParallelWork.map(pieces.count, threads: threads) { piece -> Made in
            switch work[piece] {
            case .context:
                made.set(loaded.document.map { LintContext(result: loaded, document: $0, examples: examples) })
                return .nothing
            case .prepareExamples:
                examples?.prepareFiles()
                if let context = made.get() { examples?.prepare(context) }
                prepared.open()
                return .nothing
            case .suppressions(let index):
                let file = files.files[index]
                return .suppressions(SuppressionParser.collect(in: file.tree, file: file.displayPath))
            case .rule(let index, let part, let parts, let afterPreparing):
                guard let context = made.get() else { return .nothing }
                if afterPreparing { prepared.wait() }
                let rule = ruleList[index]
                var findings = LintFindings(files: files, rule: rule.descriptor)
                if let split = rule.split, parts > 1 {
                    split.check(context, part, parts, &findings)
                } else {
                    rule.check?(context, &findings)
                }
                return .findings(rule: index, findings.diagnostics)
            }
        }
        // Back in rule order: the example rules ran last, but they sit among the others; the parts
        // of a split rule join in part order, and the suppressions come in file order.
        var byRule: [Int: [Diagnostic]] = [:]
        var suppressions: [(file: Int, result: SuppressionParser.Result)] = []
        for (piece, outcome) in zip(work, outcomes) {
            switch outcome {
            case .nothing: break
            case .suppressions(let result):
                if case .suppressions(let file) = piece { suppressions.append((file, result)) }
            case .findings(let index, let diagnostics): byRule[index, default: []] += diagnostics
            }
        }
        let parsed = suppressions.sorted { $0.file < $1.file }.map(\.result)
        guard hasDocument else { return ([], parsed) }
        return (active.compactMap { index in byRule[index].map { (rules[index].descriptor, $0) } }, parsed)
    }

    /// The pieces of a rule: one, or its parts when it is split.
    private static func pieces(of rule: LintRule, at index: Int, afterPreparing: Bool) -> [Piece] {
        let parts = rule.split.map { max(1, $0.parts) } ?? 1
        return (0..<parts).map { .rule(index, part: $0, parts: parts, afterPreparing: afterPreparing) }
    }

    /// A descriptor for a finding whose code no rule declares (a YAML error, for instance): on
    /// everywhere, at its own severity.
    static func fallback(for diagnostic: Diagnostic) -> RuleDescriptor {
        RuleDescriptor(
            id: diagnostic.code, defaultSeverity: diagnostic.severity, summary: diagnostic.code.rawValue,
            category: "structure")
    }
}
