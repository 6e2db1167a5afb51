import ArgumentParser
import Foundation

/// The `flowspec` command-line tool.
@main
struct FlowSpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowspec",
        abstract: "Spec-driven API validation: inspect, lint and validate against OpenAPI 3.0/3.1.",
        version: FlowSpecVersion.current,
        subcommands: [ValidateCommand.self, LintCommand.self, CheckCommand.self, InspectCommand.self, RulesCommand.self]
    )

    /// Runs the tool. A usage error (an unknown option, a bad value) exits with 2, the status of every
    /// command that cannot do its job, rather than ArgumentParser's 64: scripts test one number.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Output.error(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}

enum FlowSpecVersion {
    static let current = "0.1.0"
}
