internal import FlowSpecYAML

/// Where a keyword is in its spec file, for error locations.
struct KeywordSite: Sendable {
    var source: Int32
    /// The keyword's key node (its line and column), or the schema node for a boolean schema.
    var node: NodeID
    /// The keyword's JSON pointer in its file.
    var pointer: [String]
    var keyword: String
}
