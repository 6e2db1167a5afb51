public import FlowSpecYAML

/// Which loaded file a node belongs to: an index into ``SpecFileSet/files``.
public struct FileID: Hashable, Sendable, Comparable {
    public let index: Int32

    public init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }

    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.index < rhs.index }

    /// The root spec file.
    public static let root = FileID(0)
}

/// A node in one of the loaded files: where a model object, or a raw value such as an example,
/// came from. Positions are asked of the file's tree only when a finding is rendered.
public struct NodeRef: Hashable, Sendable {
    public var file: FileID
    public var node: NodeID

    public init(file: FileID, node: NodeID) {
        self.file = file
        self.node = node
    }
}
