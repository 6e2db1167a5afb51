import ArgumentParser
import FlowSpecModel
import FlowSpecYAML

/// The options every command that loads a spec shares: budgets and the reference policy.
struct LoadingOptions: ParsableArguments {
    @Flag(help: "Allow `$ref`s to files outside the spec's folder.")
    var allowOutsideRefs = false

    @Option(help: "Largest spec file accepted, in bytes (default 134217728).")
    var maxInputBytes: Int?

    @Option(help: "Deepest nesting accepted in a spec file (default 512).")
    var maxDepth: Int?

    @Option(help: "Most YAML aliases accepted in a spec file (default 10000).")
    var maxAliases: Int?

    func loadOptions() -> LoadOptions {
        var yaml = YAMLParseOptions()
        if let maxInputBytes { yaml.maxInputBytes = maxInputBytes }
        if let maxDepth { yaml.maxDepth = maxDepth }
        if let maxAliases { yaml.maxAliases = maxAliases }
        return LoadOptions(yaml: yaml, allowFilesOutsideRoot: allowOutsideRefs)
    }
}
