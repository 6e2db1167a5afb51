public import FlowSpecYAML

/// What the loader may read and how much, with safe defaults: no network, no file outside the root
/// spec's folder.
public struct LoadOptions: Sendable {
    /// Budgets for each file's YAML or JSON.
    public var yaml: YAMLParseOptions
    /// Whether `$ref`s may name `http:` or `https:` URLs. Default `false`; when `true`,
    /// ``fetchRemote`` must be set, since FlowSpec itself never opens a socket.
    public var allowRemoteReferences: Bool
    /// Fetches a remote reference's bytes when ``allowRemoteReferences`` is on.
    public var fetchRemote: (@Sendable (String) throws -> [UInt8])?
    /// Whether `$ref`s may name files outside the root spec's folder (after resolving `..` and
    /// symbolic links). Default `false`.
    public var allowFilesOutsideRoot: Bool
    /// Most files one spec may pull in through references. Default 10,000.
    public var maxFiles: Int
    /// Most model diagnostics kept per load; the rest are counted in one summary diagnostic. Default 10,000.
    public var maxDiagnostics: Int

    public init(
        yaml: YAMLParseOptions = .default, allowRemoteReferences: Bool = false,
        fetchRemote: (@Sendable (String) throws -> [UInt8])? = nil, allowFilesOutsideRoot: Bool = false,
        maxFiles: Int = 10_000, maxDiagnostics: Int = 10_000
    ) {
        self.yaml = yaml
        self.allowRemoteReferences = allowRemoteReferences
        self.fetchRemote = fetchRemote
        self.allowFilesOutsideRoot = allowFilesOutsideRoot
        self.maxFiles = maxFiles
        self.maxDiagnostics = maxDiagnostics
    }
}
