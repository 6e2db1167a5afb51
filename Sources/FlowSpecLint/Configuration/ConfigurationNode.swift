public import FlowSpecModel
public import FlowSpecYAML

/// A part of the configuration file kept as parsed, for a section whose schema its consumer owns
/// (`validate:`, read by `flowspec validate`).
public struct ConfigurationNode: Sendable {
    /// The configuration file's tree.
    public let tree: YAMLTree
    /// The section's node in ``tree``.
    public let id: NodeID
    /// The configuration file's path, for locations.
    public let file: String

    public init(tree: YAMLTree, id: NodeID, file: String) {
        self.tree = tree
        self.id = id
        self.file = file
    }

    /// Where `node` (by default the section itself) is in the configuration file.
    public func location(of node: NodeID? = nil) -> SourceLocation {
        let node = node ?? id
        return SourceLocation(file: file, start: tree.start(node), end: tree.end(node))
    }
}
