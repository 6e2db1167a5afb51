import ArgumentParser
import FlowSpecLint
import FlowSpecModel
import FlowSpecTraffic
import FlowSpecValidator
import Foundation

/// `flowspec validate --spec SPEC CAPTURE...`: check captured traffic against a spec.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check captured traffic (HAR 1.2 or NDJSON) against a spec, including the order of flow actions.",
        discussion: """
            Every entry of every capture is reported on, in input order, even one that cannot be read. \
            CAPTURE may be `-` for standard input. Exit status: 0 when no finding reaches the fail severity, \
            1 when one does, 2 when the tool could not run (unreadable spec or capture, bad configuration).
            """
    )

    @Option(help: "The OpenAPI spec the traffic must follow.")
    var spec: String

    @Argument(help: "HAR or NDJSON captures, or - for standard input.")
    var captures: [String]

    @OptionGroup var output: ReportOptions

    @OptionGroup var findings: FindingOptions

    @Option(help: "Threads to validate with (default: every core); reading and writing run alongside on one thread each.")
    var jobs: Int?

    @Flag(help: "Report undeclared query parameters, headers and cookies too.")
    var strict = false

    @OptionGroup var loading: LoadingOptions

    func validate() throws {
        guard ReportFormat(argument: output.format) != nil || output.format.lowercased() == "html" else {
            throw ValidationError("unknown format `\(output.format)`; use text, json, sarif, github, junit or html")
        }
        if output.format.lowercased() == "html" && output.output == nil {
            throw ValidationError("--format html writes a file: add --output report.html")
        }
    }

    func run() throws {
        for capture in captures where capture != "-" && !FileManager.default.isReadableFile(atPath: capture) {
            Output.error("error: cannot read the capture \(capture)\n")
            throw ExitCode(2)
        }
        let loaded = SpecLoader(options: loading.loadOptions()).load(path: spec)
        guard let document = loaded.document else {
            for diagnostic in loaded.diagnostics { Output.error(diagnostic.terminalLine + "\n") }
            throw ExitCode(2)
        }
        let configuration: LintConfiguration
        do {
            configuration = try LintConfiguration.forSpec(at: spec, explicitPath: findings.config)
        } catch {
            for problem in error.errors { Output.error("\(problem)\n") }
            throw ExitCode(2)
        }
        var options = ValidatorOptions()
        options.strict = strict
        let (extensions, problems) = HALActionsExtension.all(in: document, loaded: loaded)
        for problem in problems { Output.error("warning: \(problem) (the flow-order check skips this extension)\n") }
        let checker: TrafficChecker
        do {
            checker = TrafficChecker(
                validator: try Validator(loaded, options: options), parsesResponseBodies: !extensions.isEmpty,
                feedsFlowOrder: !extensions.isEmpty)
        } catch {
            Output.error("error: \(spec) cannot be used for validation\n")
            for diagnostic in error.diagnostics { Output.error(diagnostic.terminalLine + "\n") }
            throw ExitCode(2)
        }
        let known = try findings.readBaseline()

        var session = TrafficSession(
            flow: FlowOrderChecker(extensions: extensions), coverage: checker.emptyCoverage,
            configuration: configuration, specFile: loaded.files.root?.displayPath ?? spec, baseline: known,
            collectsFindings: findings.writeBaseline != nil)
        let names = captures.map { $0 == "-" ? "<stdin>" : $0 }
        let sink: ReportSink
        do {
            sink = try ReportSink(options: output, spec: spec, captures: names, silent: findings.writeBaseline != nil)
        } catch {
            Output.error("\(error)\n")
            throw ExitCode(2)
        }
        let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var progress = ProgressBar(enabled: Output.stderrIsTerminal)
        do {
            try TrafficRun.check(
                captures: Array(zip(captures, names)).map { (path: $0.0, name: $0.1) }, checker: checker,
                session: &session, workers: workers
            ) { entry in
                sink.entry(entry)
                progress.tick(name: entry.capture)
            }
        } catch {
            Output.error("error: \(error)\n")
            throw ExitCode(2)
        }
        progress.done()
        let captureFindings = session.captureFindings()
        if let path = findings.writeBaseline {
            try findings.write(
                Baseline(entries: session.collected), count: session.collected.count, to: path)
            return
        }
        sink.finish(
            captureFindings: captureFindings, summary: session.counter.summary, baselined: session.baselined,
            coverage: session.coverage)
        let failSeverity = output.failSeverity ?? configuration.failSeverity ?? .error
        if let worst = session.worst, worst.reaches(failSeverity) { throw ExitCode(1) }
    }
}
