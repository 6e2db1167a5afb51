import FlowSpecModel
import FlowSpecYAML
import Testing

/// A fetched file is parsed with the same budgets as a local one (docs/security.md, "References
/// that leave the spec's folder"): the fetcher's bytes are as hostile as any other input.
@Suite("Remote references: fetched files get the local budgets")
struct RemoteBudgetTests {
    static let root = Array(
        """
        openapi: 3.1.0
        info: {title: remote, version: "1"}
        paths: {}
        components:
          schemas:
            R: {$ref: 'https://example.com/r.yaml#/S'}

        """.utf8)

    /// Loads the root with a fetcher that serves `served` and the YAML budgets `yaml`; the codes
    /// of the error diagnostics and the files loaded.
    static func load(serving served: String, yaml: YAMLParseOptions) -> (errors: [String], files: Int) {
        let options = LoadOptions(
            yaml: yaml, allowRemoteReferences: true, fetchRemote: { _ in Array(served.utf8) })
        let result = SpecLoader(options: options).load(bytes: root, path: "/remote/openapi.yaml")
        return (result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), result.files.files.count)
    }

    @Test("a fetched file within the budgets loads")
    func withinBudgets() {
        let outcome = Self.load(serving: "S: {type: string}\n", yaml: .default)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.files == 2)
    }

    @Test("a fetched file over the size budget is refused")
    func sizeBudget() {
        var options = YAMLParseOptions.default
        options.maxInputBytes = 64
        let long = String(repeating: "x", count: 200)
        let outcome = Self.load(serving: "S: {type: string, description: \(long)}\n", yaml: options)
        #expect(outcome.errors == ["yaml_input_too_large"], "\(outcome.errors)")
    }

    @Test("a fetched file nested past the depth budget is refused")
    func depthBudget() {
        var options = YAMLParseOptions.default
        options.maxDepth = 8
        let deep = "S: {type: string, x-deep: " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20) + "}\n"
        let outcome = Self.load(serving: deep, yaml: options)
        #expect(outcome.errors.contains("yaml_depth_exceeded"), "\(outcome.errors)")
        // The same document within a raised budget loads.
        options.maxDepth = 32
        #expect(Self.load(serving: deep, yaml: options).errors.isEmpty)
    }

    @Test("a billion laughs served by the fetcher is refused while parsing")
    func aliasBudget() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("S: {type: string}")
        let outcome = Self.load(serving: lines.joined(separator: "\n") + "\n", yaml: .default)
        #expect(outcome.errors.contains("yaml_alias_budget_exceeded"), "\(outcome.errors)")
    }
}
