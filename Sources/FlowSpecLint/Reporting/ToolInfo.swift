/// The tool that produced a report, as reporters name it.
public struct ToolInfo: Hashable, Sendable {
    /// The tool's name, `flowspec`.
    public var name: String
    /// The tool's version, ideally a semantic version such as `1.2.0`.
    public var version: String
    /// Where to read about the tool (SARIF's `informationUri`); an absolute URI.
    public var informationURI: String?

    public init(name: String = "flowspec", version: String, informationURI: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }
}
