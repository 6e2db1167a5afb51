import ArgumentParser
import FlowSpecModel
import Foundation

/// `flowspec inspect SPEC`: load a spec and print what it declares.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Load a spec and print its version, servers and operations, or its load diagnostics.",
        discussion: "Exit status: 0 when the spec loaded without errors, 1 when it has error diagnostics, 2 when it could not be read."
    )

    @Argument(help: "The OpenAPI spec (YAML or JSON).")
    var spec: String

    @Option(help: "Output format: text or json.")
    var format: InspectFormat = .text

    @OptionGroup var loading: LoadingOptions

    func run() throws {
        let result = SpecLoader(options: loading.loadOptions()).load(path: spec)
        let summary = SpecSummary(result)
        switch format {
        case .text: Output.write(summary.text(colour: Output.stdoutIsTerminal))
        case .json: Output.write(try summary.json())
        }
        if result.files.root == nil { throw ExitCode(2) }
        if result.hasErrors { throw ExitCode(1) }
    }
}

enum InspectFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
