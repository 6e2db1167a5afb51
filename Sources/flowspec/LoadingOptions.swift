import ArgumentParser
import FlowSpecModel
import FlowSpecYAML
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The options every command that loads a spec shares: budgets and the reference policy.
struct LoadingOptions: ParsableArguments {
    @Flag(help: "Allow `$ref`s to files outside the spec's folder.")
    var allowOutsideRefs = false

    @Flag(help: "Fetch `$ref`s to http(s) URLs (off by default: FlowSpec opens no socket unless asked).")
    var allowRemoteRefs = false

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
        let limit = yaml.maxInputBytes
        var options = LoadOptions(yaml: yaml, allowFilesOutsideRoot: allowOutsideRefs)
        if allowRemoteRefs {
            options.allowRemoteReferences = true
            options.fetchRemote = { @Sendable url in try Self.fetch(url, limit: limit) }
        }
        return options
    }

    struct FetchError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads a remote reference, only when the user asked for it with `--allow-remote-refs`.
    static func fetch(_ address: String, limit: Int) throws -> [UInt8] {
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https" else {
            throw FetchError(description: "`\(address)` is not an http(s) URL")
        }
        let data = try Data(contentsOf: url)
        guard data.count <= limit else { throw FetchError(description: "the response is larger than \(limit) bytes") }
        return Array(data)
    }
}
