import ArgumentParser
import FlowSpecLint
import Foundation

/// The options `lint` and `validate` share about which findings count: the configuration file and
/// the baseline of known findings.
struct FindingOptions: ParsableArguments {
    @Option(help: "Configuration file (default: .flowspec.yaml found from the spec's folder upwards).")
    var config: String?

    @Option(help: "Write the current findings to this baseline file, and exit 0.")
    var writeBaseline: String?

    @Option(help: "Report only findings that are not in this baseline file.")
    var baseline: String?

    /// The baseline `--baseline` names, or `nil` without one; exit 2 when it cannot be read.
    func readBaseline() throws -> Baseline? {
        guard let path = baseline else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.error("error: cannot read the baseline \(path)\n")
            throw ExitCode(2)
        }
        do {
            return try Baseline(decoding: Array(data), path: path)
        } catch {
            Output.error("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// Writes `written` (`count` findings) to the `--write-baseline` file; exit 2 when it cannot.
    func write(_ written: Baseline, count: Int, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(written.encoded())) else {
            Output.error("error: cannot write the baseline to \(path)\n")
            throw ExitCode(2)
        }
        Output.error("wrote \(count) finding(s) to \(path)\n")
    }
}
