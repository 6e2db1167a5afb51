import ArgumentParser
import FlowSpecLint
import FlowSpecModel
import Foundation

/// `flowspec lint SPEC...`: lint API descriptions.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint OpenAPI 3.0/3.1 descriptions.",
        discussion: """
            SPEC may be a file, a folder (every YAML or JSON file in it whose root has an `openapi` key) or `-` \
            for standard input. Exit status: 0 when no finding reaches the fail severity, 1 when one does, \
            2 when the tool could not do its job (unreadable file, bad configuration).
            """
    )

    @Argument(help: "Spec files, folders, or - for standard input.")
    var specs: [String]

    @OptionGroup var output: ReportOptions

    @OptionGroup var findings: FindingOptions

    @Flag(help: "Apply the safe automatic fixes in place (trailing slashes, quoted status codes, sorted tags), then lint.")
    var fix = false

    @Flag(help: "With --fix, also rewrite `nullable: true` as a type array in OpenAPI 3.1 documents.")
    var fixNullable = false

    @OptionGroup var loading: LoadingOptions

    func validate() throws {
        // The html report is a traffic report (entries, a coverage chart); a lint run has neither, and
        // accepting the flag would print nothing and exit 0.
        guard output.format != "html" else {
            throw ValidationError("lint has no html report; use text, json, sarif, github or junit")
        }
    }

    func run() throws {
        let paths: [String]
        do {
            paths = try SpecDiscovery.expand(specs)
        } catch {
            Output.error("error: \(error)\n")
            throw ExitCode(2)
        }
        var fileResults: [FileResult] = []
        var additional: [String: SourceText] = [:]
        var suppressed = 0
        var descriptors: [RuleDescriptor] = []
        var configuredFail: Severity?
        var unreadable = false
        var allDiagnostics: [Diagnostic] = []
        for path in paths {
            let configuration: LintConfiguration
            do {
                configuration = try LintConfiguration.forSpec(at: path == "-" ? "." : path, explicitPath: findings.config)
            } catch {
                for problem in error.errors { Output.error("\(problem)\n") }
                throw ExitCode(2)
            }
            configuredFail = configuredFail ?? configuration.failSeverity
            if fix && path != "-" { try applyFixes(path) }
            let linter = Linter(configuration: configuration)
            // The example checks' registration of the file runs while the model is built.
            let ahead = linter.mayCheckExamples(file: path == "-" ? "<stdin>" : path) ? SchemaRegistrationAhead() : nil
            let loaded = try load(path, beside: ahead?.register)
            if loaded.files.root == nil { unreadable = true }
            descriptors = linter.descriptors
            let examples = SchemaExampleChecker(loaded, registeredAhead: ahead)
            let result = linter.lint(loaded, examples: examples)
            suppressed += result.suppressedCount
            allDiagnostics += result.diagnostics
            let display = loaded.files.root?.displayPath ?? path
            let frames = output.drawsCodeFrames
            fileResults.append(
                FileResult(
                    path: display, diagnostics: result.diagnostics.filter { ($0.location?.file ?? display) == display },
                    source: frames ? loaded.files.root.map { SourceText(bytes: $0.source) } : nil))
            for file in loaded.files.files.dropFirst() {
                let inFile = result.diagnostics.filter { $0.location?.file == file.displayPath }
                if !inFile.isEmpty {
                    let source = frames ? SourceText(bytes: file.source) : nil
                    fileResults.append(FileResult(path: file.displayPath, diagnostics: inFile, source: source))
                    additional[file.displayPath] = source
                }
            }
            KeptUntilExit.shared.keep((loaded, examples))
        }
        if let path = findings.writeBaseline {
            try findings.write(Baseline(diagnostics: allDiagnostics), count: allDiagnostics.count, to: path)
            return
        }
        var baselined = 0
        if let known = try findings.readBaseline() {
            for index in fileResults.indices {
                let split = known.filter(fileResults[index].diagnostics)
                baselined += split.known.count
                fileResults[index].diagnostics = split.new
            }
        }
        let failSeverity = output.failSeverity ?? configuredFail ?? .error
        let report = LintReport(
            tool: ToolInfo(version: FlowSpecVersion.current, informationURI: "https://github.com/flowspec/flowspec"),
            files: output.quiet ? fileResults.map { $0.keeping(atLeast: failSeverity) } : fileResults,
            rules: descriptors, suppressedCount: suppressed, baselinedCount: baselined, additionalSources: additional)
        try output.emit(report, failSeverity: failSeverity)
        if unreadable { throw ExitCode(2) }
        if report.files.contains(where: { $0.diagnostics.contains { $0.severity.reaches(failSeverity) } }) {
            throw ExitCode(1)
        }
    }

    /// Applies the automatic fixes to the spec at `path` and the files it references.
    private func applyFixes(_ path: String) throws {
        let loaded = SpecLoader(options: loading.loadOptions()).load(path: path)
        let edits = Autofix.edits(for: loaded, options: Autofix.Options(nullableToTypeArrays: fixNullable))
        for (fileID, fileEdits) in edits.sorted(by: { $0.key < $1.key }) {
            let file = loaded.files[fileID]
            let (bytes, applied) = TextEdit.apply(fileEdits, to: file.source)
            guard !applied.isEmpty, bytes != file.source else { continue }
            guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes)) else {
                Output.error("error: cannot write \(file.displayPath)\n")
                throw ExitCode(2)
            }
            let rules = Set(applied.map(\.rule)).sorted().joined(separator: ", ")
            Output.error("fixed \(file.displayPath): \(applied.count) edit(s) (\(rules))\n")
        }
    }

    private func load(_ path: String, beside: (@Sendable (SpecFile) -> Void)?) throws -> LoadResult {
        let loader = SpecLoader(options: loading.loadOptions())
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let cwd = FileManager.default.currentDirectoryPath
            return loader.load(bytes: Array(data), path: cwd + "/<stdin>", displayPath: "<stdin>", beside: beside)
        }
        return loader.load(path: path, beside: beside)
    }
}

extension FileResult {
    func keeping(atLeast severity: Severity) -> FileResult {
        FileResult(path: path, diagnostics: diagnostics.filter { $0.severity.reaches(severity) }, source: source)
    }
}
