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
    /// One node: kind, scalar type and style, where its text (scalars) or children (collections) are,
    /// and where it starts and ends, in 20 bytes.
    ///
    /// A large spec has hundreds of thousands of nodes, so the record is the tree's biggest cost. It
    /// keeps byte offsets only: lines and columns come from the file's ``LineTable``, and the few
    /// nodes whose marks do not follow from their offsets have them in ``Storage/exactMarks``.
    @usableFromInline struct Record: Sendable {
        /// Kind (bits 0-1), scalar type (2-4), style (5-7), `inSource` (8) and `hasExactMarks` (9).
        @usableFromInline var flags: UInt16
        /// For scalars, the range of their text in `source` or `text`; for collections, the range of their
        /// children in `children` (mappings store key and value alternately).
        @usableFromInline var first: Int32
        @usableFromInline var count: Int32
        @usableFromInline var startOffset: UInt32
        @usableFromInline var endOffset: UInt32

        @usableFromInline var kind: YAMLNodeKind { YAMLNodeKind(rawValue: UInt8(flags & 0x3)).unsafelyUnwrapped }
        @usableFromInline var scalarType: YAMLScalarType {
            YAMLScalarType(rawValue: UInt8((flags >> 2) & 0x7)).unsafelyUnwrapped
        }
        @usableFromInline var style: YAMLScalarStyle {
            YAMLScalarStyle(rawValue: UInt8((flags >> 5) & 0x7)).unsafelyUnwrapped
        }
        /// Whether a scalar's text is the file's own bytes at `first` (most scalars are written as they
        /// read), rather than unescaped or folded text in `text`.
        @usableFromInline var inSource: Bool { flags & 0x100 != 0 }

        /// Whether the marks are in the exact-marks table rather than computed from the offsets.
        @usableFromInline var hasExactMarks: Bool { flags & 0x200 != 0 }

        init(
            kind: YAMLNodeKind, scalarType: YAMLScalarType, style: YAMLScalarStyle, inSource: Bool, first: Int32,
            count: Int32, start: PackedMark, end: PackedMark, exactMarks: Bool
        ) {
            flags =
                UInt16(kind.rawValue) | UInt16(scalarType.rawValue) << 2 | UInt16(style.rawValue) << 5
                | (inSource ? 0x100 : 0) | (exactMarks ? 0x200 : 0)
            self.first = first
            self.count = count
            startOffset = start.offset
            endOffset = end.offset
        }
    }

    /// The marks of a node that ``LineTable`` would not compute from its offsets.
    @usableFromInline struct ExactMarks: Sendable {
        @usableFromInline var node: Int32
        @usableFromInline var start: PackedMark
        @usableFromInline var end: PackedMark

        /// The entry of `node` in `table` (sorted by node, as nodes are numbered in the order they are added).
        static func find(_ node: Int32, in table: [ExactMarks]) -> ExactMarks {
            var low = 0
            var high = table.count
            while low < high {
                let middle = (low + high) / 2
                if table[middle].node < node { low = middle + 1 } else { high = middle }
            }
            return table[low]
        }
    }

    /// The arrays live in one immutable object, so that copying a tree (the model builder and every
    /// consumer hold it by value) costs one reference count, not one per array.
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let records: [Record]
        /// The scalars whose text differs from the file's bytes (escapes, folding, block scalars).
        @usableFromInline let text: [UInt8]
        /// The file's bytes, shared with the caller's array (not copied): the other scalars' text.
        @usableFromInline let source: [UInt8]
        @usableFromInline let children: [NodeID]
        /// Where the file's lines start: the line and column of every other node.
        let lines: LineTable
        /// The marks of the records that have exact marks, sorted by node.
        let exactMarks: [ExactMarks]

        init(
            records: [Record], text: [UInt8], source: [UInt8], children: [NodeID], lines: LineTable,
            exactMarks: [ExactMarks]
        ) {
            self.records = records
            self.text = text
            self.source = source
            self.children = children
            self.lines = lines
            self.exactMarks = exactMarks
        }
    }

    @usableFromInline let storage: Storage
    @usableFromInline var records: [Record] { storage.records }
    @usableFromInline var text: [UInt8] { storage.text }
    @usableFromInline var children: [NodeID] { storage.children }

    /// The root node.
    public let root: NodeID
    /// Problems that did not stop parsing (duplicate keys): the tree is usable, the first occurrence
    /// of a duplicate key wins.
    public let problems: [YAMLError]

    init(
        records: [Record], text: [UInt8], source: [UInt8], children: [NodeID], lines: LineTable,
        exactMarks: [ExactMarks], root: NodeID, problems: [YAMLError]
    ) {
        storage = Storage(
            records: records, text: text, source: source, children: children, lines: lines, exactMarks: exactMarks)
        self.root = root
        self.problems = problems
    }

    /// The number of nodes.
    @inlinable public var count: Int { storage.records.count }

    /// Every node's ID. Nodes are numbered as they close: a collection's children come before it, and
    /// the root is last.
    public var nodeIDs: some Sequence<NodeID> { (0..<count).lazy.map { NodeID($0) } }

    @inlinable public func kind(_ id: NodeID) -> YAMLNodeKind { storage.records[Int(id.index)].kind }

    @inlinable public func scalarType(_ id: NodeID) -> YAMLScalarType { storage.records[Int(id.index)].scalarType }

    @inlinable public func style(_ id: NodeID) -> YAMLScalarStyle { storage.records[Int(id.index)].style }

    @inlinable public func isScalar(_ id: NodeID) -> Bool { storage.records[Int(id.index)].kind == .scalar }

    @inlinable public func isMapping(_ id: NodeID) -> Bool { storage.records[Int(id.index)].kind == .mapping }

    @inlinable public func isSequence(_ id: NodeID) -> Bool { storage.records[Int(id.index)].kind == .sequence }

    /// Where the node starts.
    public func start(_ id: NodeID) -> YAMLMark {
        let record = storage.records[Int(id.index)]
        return record.hasExactMarks
            ? ExactMarks.find(id.index, in: storage.exactMarks).start.mark
            : storage.lines.mark(at: Int(record.startOffset))
    }

    /// Where the node ends (just past its last character).
    public func end(_ id: NodeID) -> YAMLMark {
        let record = storage.records[Int(id.index)]
        return record.hasExactMarks
            ? ExactMarks.find(id.index, in: storage.exactMarks).end.mark : storage.lines.mark(at: Int(record.endOffset))
    }

    /// The byte offset where the node starts: ``start(_:)``'s offset, without working out its line
    /// and column (walks over the whole tree need only offsets).
    @inlinable public func startOffset(_ id: NodeID) -> Int { Int(storage.records[Int(id.index)].startOffset) }

    /// The byte offset just past the node's end: ``end(_:)``'s offset, without its line and column.
    @inlinable public func endOffset(_ id: NodeID) -> Int { Int(storage.records[Int(id.index)].endOffset) }

    /// The UTF-8 bytes of a scalar's value (after unescaping and folding); empty for collections.
    @inlinable public func scalarBytes(_ id: NodeID) -> ArraySlice<UInt8> {
        let record = storage.records[Int(id.index)]
        guard record.kind == .scalar else { return [] }
        let first = Int(record.first)
        return record.inSource
            ? storage.source[first..<(first + Int(record.count))] : storage.text[first..<(first + Int(record.count))]
    }

    /// Calls `body` with the UTF-8 bytes of a scalar's value in place (empty for collections).
    ///
    /// ``scalarBytes(_:)`` makes a slice, which retains and releases the tree's array: walks that
    /// compare every key of a large spec spent more on that than on comparing.
    @inlinable public func withScalarBytes<R>(_ id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let record = storage.records[Int(id.index)]
        guard record.kind == .scalar, record.count > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let range = Int(record.first)..<(Int(record.first) + Int(record.count))
        if record.inSource {
            return storage.source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        return storage.text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether two byte buffers hold the same bytes.
    @inlinable static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var index = 0
        while index < a.count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    /// Whether a scalar's text is exactly `bytes` (the length is compared first, from the record).
    @inlinable public func scalar(_ id: NodeID, equalsBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let record = storage.records[Int(id.index)]
        guard record.kind == .scalar, Int(record.count) == bytes.count else { return false }
        return withScalarBytes(id) { Self.same($0, bytes) }
    }

    /// Whether some scalar's text may contain `needle`: `false` means that no scalar (key or value)
    /// does. Every scalar's text is a run of the file's bytes or of the unescaped text, so a search
    /// of both answers without a walk over the nodes.
    public func mayContainScalarText(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            func search(_ bytes: [UInt8]) -> Bool {
                bytes.withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) }
            }
            return search(storage.source) || search(storage.text)
        }
    }

    /// A scalar's value as written (after unescaping); `nil` for collections.
    public func scalar(_ id: NodeID) -> String? {
        guard isScalar(id) else { return nil }
        return withScalarBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a scalar's text is exactly `string`, without creating a `String`.
    @inlinable public func scalar(_ id: NodeID, equals string: StaticString) -> Bool {
        string.withUTF8Buffer { scalar(id, equalsBytes: $0) }
    }

    /// A scalar resolved as a boolean under the core schema, or `nil`.
    public func bool(_ id: NodeID) -> Bool? {
        guard isScalar(id), scalarType(id) == .bool else { return nil }
        return scalarBytes(id).first.map { $0 == UInt8(ascii: "t") || $0 == UInt8(ascii: "T") }
    }

    /// The number of children: entries of a mapping, items of a sequence, 0 for a scalar.
    @inlinable public func childCount(_ id: NodeID) -> Int {
        let record = storage.records[Int(id.index)]
        switch record.kind {
        case .scalar: return 0
        case .mapping: return Int(record.count) / 2
        case .sequence: return Int(record.count)
        }
    }

    /// The items of a sequence (empty for other kinds).
    @inlinable public func items(_ id: NodeID) -> ArraySlice<NodeID> {
        let record = storage.records[Int(id.index)]
        guard record.kind == .sequence else { return [] }
        let first = Int(record.first)
        return storage.children[first..<(first + Int(record.count))]
    }

    /// The entries of a mapping, in document order (empty for other kinds).
    @inlinable public func entries(_ id: NodeID) -> MappingEntries {
        let record = storage.records[Int(id.index)]
        guard record.kind == .mapping else { return MappingEntries(children: storage.children[0..<0]) }
        let first = Int(record.first)
        return MappingEntries(children: storage.children[first..<(first + Int(record.count))])
    }

    /// The value for `key` in a mapping, or `nil`.
    public func value(forKey key: String, in mapping: NodeID) -> NodeID? {
        var key = key
        return key.withUTF8 { wanted in
            // Keys of another length are told apart by their records alone.
            for entry in entries(mapping) where scalar(entry.key, equalsBytes: wanted) {
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

    @usableFromInline init(line: Int, column: Int, offset: Int) {
        self.line = UInt32(truncatingIfNeeded: line)
        self.column = UInt32(truncatingIfNeeded: column)
        self.offset = UInt32(truncatingIfNeeded: offset)
    }

    @usableFromInline init(line: UInt32, column: UInt32, offset: UInt32) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    @usableFromInline var mark: YAMLMark { YAMLMark(line: Int(line), column: Int(column), offset: Int(offset)) }
}
