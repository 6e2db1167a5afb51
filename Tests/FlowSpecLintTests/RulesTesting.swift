import FlowSpecLint
import FlowSpecModel
import Foundation
import Testing

/// Helpers for rule tests: write the YAML to a temporary file, load it, lint it with the rules under
/// test, and compare findings as `line:column rule-id`.
enum RulesTesting {
    /// Writes `files` (name → text; the first name in sorted order that is `api.yaml` is the root) to
    /// a fresh temporary folder and returns the root's path.
    static func write(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "flowspec-rules-\(UUID().uuidString)")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder.appendingPathComponent("api.yaml").path
    }

    /// The findings of `rules` on the spec `yaml` (and its other `files`), in order.
    static func lint(
        _ yaml: String, rules: [LintRule], files: [String: String] = [:],
        examples: (@Sendable (LoadResult) -> any ExampleChecker)? = nil
    ) throws -> [Diagnostic] {
        var all = files
        all["api.yaml"] = yaml
        let path = try write(all)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let loaded = SpecLoader().load(path: path)
        let ids = Set(rules.map(\.id))
        let checker = examples.map { $0(loaded) }
        // Every rule under test runs, recommended or not.
        let linter = Linter(rules: rules, configuration: LintConfiguration(extends: [.all]))
        return linter.lint(loaded, examples: checker).diagnostics.filter { ids.contains($0.code) }
    }

    /// The built-in rule with `id` (a rule that finds nothing when there is none, so the test fails).
    static func rule(_ id: String) -> LintRule {
        BuiltinRules.all.first { $0.id.rawValue == id }
            ?? LintRule(id: DiagnosticCode(id), severity: .error, summary: "no such rule", category: "none")
    }

    /// `line:column rule-id` for each finding of `rule` on `yaml`.
    static func places(
        _ yaml: String, _ rule: LintRule, files: [String: String] = [:],
        examples: (@Sendable (LoadResult) -> any ExampleChecker)? = nil
    ) throws -> [String] {
        try lint(yaml, rules: [rule], files: files, examples: examples).map(\.place)
    }
}

extension Diagnostic {
    /// `line:column rule-id`, how rule tests compare findings.
    var place: String { "\(location?.line ?? 0):\(location?.column ?? 0) \(code)" }
}

/// One inline-YAML case of a rule: the spec and the places its findings must be at (none for a
/// passing case).
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: LintRule
    var yaml: String
    var expected: [String]

    init(_ id: String, _ name: String, _ yaml: String, _ expected: [(Int, Int)]) {
        let rule = RulesTesting.rule(id)
        self.name = name
        self.rule = rule
        self.yaml = yaml
        self.expected = expected.map { "\($0.0):\($0.1) \(rule.id)" }
    }

    var testDescription: String { "\(rule.id): \(name)" }

    /// Lints the case and checks the places of its findings.
    func verify(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let found = try RulesTesting.places(yaml, rule)
        #expect(found == expected, "\(testDescription)", sourceLocation: sourceLocation)
    }
}
