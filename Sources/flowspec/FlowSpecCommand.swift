import ArgumentParser

/// The `flowspec` command-line tool.
@main
struct FlowSpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowspec",
        abstract: "Spec-driven API validation: inspect, lint and validate against OpenAPI 3.0/3.1.",
        version: FlowSpecVersion.current,
        subcommands: [ValidateCommand.self, LintCommand.self, CheckCommand.self, InspectCommand.self, RulesCommand.self]
    )
}

enum FlowSpecVersion {
    static let current = "0.1.0"
}
