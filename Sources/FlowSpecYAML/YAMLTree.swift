/// A parsed YAML or JSON file: a compact arena of nodes, each with its kind, its text (for scalars),
/// its children (for collections) and its start and end marks.
///
/// One struct of flat arrays, so a 10 MB spec is a handful of allocations and the whole tree is a
/// `Sendable` value. Nodes are addressed by ``NodeID``. Aliases are not copied: an alias is the
/// anchored node's own ``NodeID`` appearing again, so the tree is a DAG and its expanded size was
/// checked against ``YAMLParseOptions/maxExpandedNodes`` while parsing.
///
/// Mapping keys are always scalars; their text is the key, whatever their resolved type (`200` and
/// `"200"` are the same key).
public struct YAMLTree: Sendable {
    @usableFromInline var kinds: [YAMLNodeKind] = []
    @usableFromInline var scalarTypes: [YAMLScalarType] = []
    @usableFromInline var styles: [YAMLScalarStyle] = []
    /// For scalars, the range of their text in `text`; for collections, the range of their children in
    /// `children` (mappings store key and value alternately).
    @usableFromInline var firsts: [Int32] = []
    @usableFromInline var counts: [Int32] = []
    @usableFromInline var starts: [PackedMark] = []
    @usableFromInline var ends: [PackedMark] = []
    @usableFromInline var text: [UInt8] = []
    @usableFromInline var children: [NodeID] = []

    /// The root node.
    public internal(set) var root: NodeID = NodeID(0)
    /// Problems that did not stop parsing (duplicate keys): the tree is usable, the first occurrence
    /// of a duplicate key wins.
    public internal(set) var problems: [YAMLError] = []

    init() {}

    /// The number of nodes.
    @inlinable public var count: Int { kinds.count }

    /// Every node's ID, in document order (children are numbered before their parents' ends,
    /// after their parents' starts are not: collections get their ID when they close).
    public var nodeIDs: some Sequence<NodeID> { (0..<kinds.count).lazy.map { NodeID($0) } }

    @inlinable public func kind(_ id: NodeID) -> YAMLNodeKind { kinds[Int(id.index)] }

    @inlinable public func scalarType(_ id: NodeID) -> YAMLScalarType { scalarTypes[Int(id.index)] }

    @inlinable public func style(_ id: NodeID) -> YAMLScalarStyle { styles[Int(id.index)] }

    @inlinable public func isScalar(_ id: NodeID) -> Bool { kinds[Int(id.index)] == .scalar }

    @inlinable public func isMapping(_ id: NodeID) -> Bool { kinds[Int(id.index)] == .mapping }

    @inlinable public func isSequence(_ id: NodeID) -> Bool { kinds[Int(id.index)] == .sequence }

    /// Where the node starts.
    public func start(_ id: NodeID) -> YAMLMark { starts[Int(id.index)].mark }

    /// Where the node ends (just past its last character).
    public func end(_ id: NodeID) -> YAMLMark { ends[Int(id.index)].mark }

    /// The UTF-8 bytes of a scalar's value (after unescaping and folding); empty for collections.
    @inlinable public func scalarBytes(_ id: NodeID) -> ArraySlice<UInt8> {
        let i = Int(id.index)
        guard kinds[i] == .scalar else { return [] }
        let first = Int(firsts[i])
        return text[first..<(first + Int(counts[i]))]
    }

    /// A scalar's value as written (after unescaping); `nil` for collections.
    public func scalar(_ id: NodeID) -> String? {
        guard isScalar(id) else { return nil }
        return String(decoding: scalarBytes(id), as: UTF8.self)
    }

    /// Whether a scalar's text is exactly `string`, without creating a `String`.
    @inlinable public func scalar(_ id: NodeID, equals string: StaticString) -> Bool {
        let bytes = scalarBytes(id)
        guard bytes.count == string.utf8CodeUnitCount else { return false }
        return string.withUTF8Buffer { buffer in bytes.elementsEqual(buffer) }
    }

    /// A scalar resolved as a boolean under the core schema, or `nil`.
    public func bool(_ id: NodeID) -> Bool? {
        guard isScalar(id), scalarType(id) == .bool else { return nil }
        return scalarBytes(id).first.map { $0 == UInt8(ascii: "t") || $0 == UInt8(ascii: "T") }
    }

    /// The number of children: entries of a mapping, items of a sequence, 0 for a scalar.
    @inlinable public func childCount(_ id: NodeID) -> Int {
        let i = Int(id.index)
        switch kinds[i] {
        case .scalar: return 0
        case .mapping: return Int(counts[i]) / 2
        case .sequence: return Int(counts[i])
        }
    }

    /// The items of a sequence (empty for other kinds).
    @inlinable public func items(_ id: NodeID) -> ArraySlice<NodeID> {
        let i = Int(id.index)
        guard kinds[i] == .sequence else { return [] }
        let first = Int(firsts[i])
        return children[first..<(first + Int(counts[i]))]
    }

    /// The entries of a mapping, in document order (empty for other kinds).
    @inlinable public func entries(_ id: NodeID) -> MappingEntries {
        let i = Int(id.index)
        guard kinds[i] == .mapping else { return MappingEntries(children: children[0..<0]) }
        let first = Int(firsts[i])
        return MappingEntries(children: children[first..<(first + Int(counts[i]))])
    }

    /// The value for `key` in a mapping, or `nil`.
    public func value(forKey key: String, in mapping: NodeID) -> NodeID? {
        var key = key
        return key.withUTF8 { wanted in
            for entry in entries(mapping) where scalarBytes(entry.key).elementsEqual(wanted) {
                return entry.value
            }
            return nil
        }
    }

    /// A mapping's entries as (key, value) pairs.
    public struct MappingEntries: RandomAccessCollection, Sendable {
        @usableFromInline let children: ArraySlice<NodeID>

        @usableFromInline init(children: ArraySlice<NodeID>) { self.children = children }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { children.count / 2 }
        @inlinable public subscript(position: Int) -> (key: NodeID, value: NodeID) {
            let base = children.startIndex + position * 2
            return (children[base], children[base + 1])
        }
    }
}

/// A mark packed into 12 bytes: line and column as 32-bit, the offset as 32-bit (files are limited
/// to well under 4 GiB by ``YAMLParseOptions/maxInputBytes``).
@usableFromInline struct PackedMark: Sendable {
    @usableFromInline var line: UInt32
    @usableFromInline var column: UInt32
    @usableFromInline var offset: UInt32

    init(line: Int, column: Int, offset: Int) {
        self.line = UInt32(truncatingIfNeeded: line)
        self.column = UInt32(truncatingIfNeeded: column)
        self.offset = UInt32(truncatingIfNeeded: offset)
    }

    var mark: YAMLMark { YAMLMark(line: Int(line), column: Int(column), offset: Int(offset)) }
}
