/// The address of one node in a ``YAMLTree``.
///
/// A plain index: cheap to store in the typed model and in diagnostics, and meaningful only together
/// with the tree that produced it.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let index: Int32

    public init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }

    public var description: String { "#\(index)" }
}
