import ArgumentParser
import FlowSpecModel
import FlowSpecYAML
import Foundation

#if canImport(Glibc)
import Glibc
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
        try loadNetworking()
        let data = try Data(contentsOf: url)
        guard data.count <= limit else { throw FetchError(description: "the response is larger than \(limit) bytes") }
        return Array(data)
    }

    /// Loads FoundationNetworking, which `Data(contentsOf:)` needs for http(s) URLs, once. It is not
    /// linked: loading it with libcurl and TLS cost every run of every command several milliseconds
    /// at start-up, and only `--allow-remote-refs` uses it.
    private static func loadNetworking() throws {
        #if os(Linux)
            if let problem = networkingProblem { throw FetchError(description: problem) }
        #endif
    }

    #if os(Linux)
        /// `nil` once FoundationNetworking is loaded; why it could not be, otherwise.
        private static let networkingProblem: String? = {
            if dlopen("libFoundationNetworking.so", RTLD_NOW | RTLD_GLOBAL) != nil { return nil }
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            return "cannot load FoundationNetworking to fetch remote references: \(reason)"
        }()
    #endif
}
