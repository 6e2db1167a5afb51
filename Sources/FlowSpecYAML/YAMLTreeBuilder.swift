#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds a ``YAMLTree`` from a stream of node events, applying the budgets, merge keys and
/// duplicate-key checks in the same pass. Both readers (libyaml's event loop and the JSON reader)
/// feed it, so YAML and JSON files give the same tree and the same errors.
struct YAMLTreeBuilder {
    private var records: [YAMLTree.Record] = []
    private var text: [UInt8] = []
    private var children: [NodeID] = []
    private var exactMarks: [YAMLTree.ExactMarks] = []
    private let lines: LineTable
    private var cursor = LineTable.Cursor()
    private var problems: [YAMLError] = []
    private var root = NodeID(0)
    private let options: YAMLParseOptions
    private let source: UnsafeBufferPointer<UInt8>
    /// The array `source` points into, kept by the tree so that scalars written as they read need no
    /// copy of their text.
    private let sourceArray: [UInt8]

    private struct Open {
        var kind: YAMLNodeKind
        var start: PackedMark
        /// Whether the line table gives `start` back from its offset.
        var startMatches: Bool
        var childBase: Int
        var anchor: String?
        var expanded: Int
    }

    private var stack: [Open] = []
    private var scratch: [NodeID] = []
    /// The expanded size of every node, for the alias budget.
    private var expandedSizes: [Int] = []
    private var anchors: [String: NodeID] = [:]
    private var aliasCount = 0
    private var rootSet = false

    /// - Parameters:
    ///   - source: the bytes being read, which must be `sourceArray`'s storage.
    init(options: YAMLParseOptions, source: UnsafeBufferPointer<UInt8>, sourceArray: [UInt8]) {
        self.init(
            options: options, source: source, sourceArray: sourceArray, lines: LineTable(source: sourceArray),
            reading: source.count)
    }

    /// - Parameters:
    ///   - lines: `sourceArray`'s line table (shared by the builders of a split parse).
    ///   - reading: how many of the bytes this builder will read, to size its arrays.
    init(
        options: YAMLParseOptions, source: UnsafeBufferPointer<UInt8>, sourceArray: [UInt8], lines: LineTable,
        reading: Int
    ) {
        self.options = options
        self.source = source
        self.sourceArray = sourceArray
        self.lines = lines
        records.reserveCapacity(reading / 16)
        // Only escaped, folded and block scalars are copied (about a fifth of a large spec's text).
        text.reserveCapacity(reading / 16)
    }

    var depth: Int { stack.count }

    /// Whether the source is all ASCII (its line table found no other byte).
    var isASCII: Bool { lines.isASCII }

    /// Adds a node. Its marks are kept whole only when the line table would not give them back from
    /// their offsets; `startMatches` says whether it gives `start` (checked when the node began, so
    /// that marks are checked in file order), and `end` is checked here.
    private mutating func appendNode(
        kind: YAMLNodeKind, type: YAMLScalarType, style: YAMLScalarStyle, inSource: Bool = false, first: Int,
        count: Int, start: PackedMark, startMatches: Bool, end: PackedMark, expanded: Int
    ) -> NodeID {
        let id = NodeID(records.count)
        let exact = !(lines.matches(end, cursor: &cursor) && startMatches) || options.keepsExactMarks
        let record = YAMLTree.Record(
            kind: kind, scalarType: type, style: style, inSource: inSource,
            first: Int32(truncatingIfNeeded: first), count: Int32(truncatingIfNeeded: count), start: start, end: end,
            exactMarks: exact)
        if exact { exactMarks.append(YAMLTree.ExactMarks(node: id.index, start: start, end: end)) }
        records.append(record)
        expandedSizes.append(expanded)
        return id
    }

    private mutating func attach(_ id: NodeID, expanded: Int, at mark: PackedMark) throws(YAMLError) {
        if stack.isEmpty {
            if options.requireMappingRoot && records[Int(id.index)].kind != .mapping {
                throw YAMLError(
                    .rootNotMapping, "the document's root is a \(records[Int(id.index)].kind), not a mapping",
                    at: mark.mark, hint: "an OpenAPI document starts with keys such as `openapi:` and `info:`")
            }
            root = id
            rootSet = true
            return
        }
        scratch.append(id)
        let top = stack.count - 1
        let (sum, overflow) = stack[top].expanded.addingReportingOverflow(expanded)
        stack[top].expanded = overflow ? Int.max : sum
    }

    private mutating func register(anchor: String?, _ id: NodeID) {
        if let anchor { anchors[anchor] = id }
    }

    /// Adds a scalar whose bytes are already unescaped.
    mutating func scalar(
        _ bytes: UnsafeBufferPointer<UInt8>, type: YAMLScalarType, style: YAMLScalarStyle,
        anchor: String?, start: PackedMark, end: PackedMark
    ) throws(YAMLError) {
        let id: NodeID
        let startMatches = lines.matches(start, cursor: &cursor)
        if let offset = sourceOffset(of: bytes, at: start) {
            id = appendNode(
                kind: .scalar, type: type, style: style, inSource: true, first: offset, count: bytes.count,
                start: start, startMatches: startMatches, end: end, expanded: 1)
        } else {
            let first = text.count
            text.append(contentsOf: bytes)
            id = appendNode(
                kind: .scalar, type: type, style: style, first: first, count: bytes.count, start: start,
                startMatches: startMatches, end: end, expanded: 1)
        }
        register(anchor: anchor, id)
        try attach(id, expanded: 1, at: start)
    }

    /// Where `bytes` are found verbatim in the source: they point into it (the JSON reader's numbers
    /// and literals), or they equal the source at the scalar's start (plain) or just after its opening
    /// quote. `nil` when the text was changed by reading it (escapes, folding, block indentation).
    private func sourceOffset(of bytes: UnsafeBufferPointer<UInt8>, at start: PackedMark) -> Int? {
        guard let sourceBase = source.baseAddress, source.count <= Int(Int32.max), sourceArray.count == source.count
        else { return nil }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        if base >= sourceBase && base + bytes.count <= sourceBase + source.count { return base - sourceBase }
        // Plain scalars start at their mark, quoted ones one byte later (no array of candidates: this
        // runs for every scalar).
        var candidate = Int(start.offset)
        while candidate <= Int(start.offset) + 1 && candidate + bytes.count <= source.count {
            if memcmp(sourceBase + candidate, base, bytes.count) == 0 { return candidate }
            candidate += 1
        }
        return nil
    }

    mutating func beginCollection(_ kind: YAMLNodeKind, anchor: String?, start: PackedMark) throws(YAMLError) {
        if stack.count >= options.maxDepth {
            throw YAMLError(
                .depthExceeded, "nesting is deeper than \(options.maxDepth) levels", at: start.mark,
                hint: "raise YAMLParseOptions.maxDepth (or --max-depth) if this document is legitimate")
        }
        let startMatches = lines.matches(start, cursor: &cursor)
        stack.append(
            Open(
                kind: kind, start: start, startMatches: startMatches, childBase: scratch.count, anchor: anchor,
                expanded: 1))
    }

    mutating func endCollection(end: PackedMark) throws(YAMLError) {
        guard let open = stack.popLast() else { return }
        var expanded = open.expanded
        if open.kind == .mapping {
            try finishMapping(base: open.childBase, expanded: &expanded)
        }
        if expanded > options.maxExpandedNodes {
            throw YAMLError(
                .aliasBudgetExceeded,
                "aliases would expand this document past \(options.maxExpandedNodes) nodes", at: open.start.mark,
                hint: "this looks like an alias bomb; raise YAMLParseOptions.maxExpandedNodes only for trusted input")
        }
        let first = children.count
        children.append(contentsOf: scratch[open.childBase...])
        let count = scratch.count - open.childBase
        scratch.removeSubrange(open.childBase...)
        let id = appendNode(
            kind: open.kind, type: .string, style: .plain, first: first, count: count, start: open.start,
            startMatches: open.startMatches, end: end, expanded: expanded)
        register(anchor: open.anchor, id)
        try attach(id, expanded: expanded, at: open.start)
    }

    mutating func alias(_ name: String, at mark: PackedMark) throws(YAMLError) {
        aliasCount += 1
        if aliasCount > options.maxAliases {
            throw YAMLError(
                .aliasBudgetExceeded, "more than \(options.maxAliases) aliases", at: mark.mark,
                hint: "raise YAMLParseOptions.maxAliases only for trusted input")
        }
        guard let target = anchors[name] else {
            throw YAMLError(
                .unknownAnchor, "alias `*\(name)` names no anchor defined before it", at: mark.mark,
                hint: "define `&\(name)` on a node that comes earlier in the file")
        }
        try attach(target, expanded: expandedSizes[Int(target.index)], at: mark)
    }

    /// Validates keys, applies `<<` merges and reports duplicates for the mapping whose children are
    /// `scratch[base...]`.
    private mutating func finishMapping(base: Int, expanded: inout Int) throws(YAMLError) {
        let count = (scratch.count - base) / 2
        var hasMerge = false
        for i in 0..<count {
            let key = scratch[base + 2 * i]
            if records[Int(key.index)].kind != .scalar {
                throw YAMLError(
                    .complexKey, "a mapping key must be a scalar, not a \(records[Int(key.index)].kind)",
                    at: startMark(key), hint: "OpenAPI and JSON keys are strings")
            }
            if options.mergeKeys && isMergeKey(key) { hasMerge = true }
        }
        if hasMerge { try applyMerges(base: base, expanded: &expanded) }
        try reportDuplicates(base: base)
    }

    private func isMergeKey(_ key: NodeID) -> Bool {
        let record = records[Int(key.index)]
        guard record.kind == .scalar, record.style == .plain, record.count == 2 else { return false }
        let bytes = scalarBytes(key)
        return bytes.first == UInt8(ascii: "<") && bytes.last == UInt8(ascii: "<")
    }

    /// Shallow merge, as YAML 1.1's merge-key type defines it: keys written in the mapping win, then
    /// earlier sources in a `<<: [*a, *b]` list win over later ones.
    private mutating func applyMerges(base: Int, expanded: inout Int) throws(YAMLError) {
        var own: [NodeID] = []
        var sources: [NodeID] = []
        var i = base
        while i < scratch.count {
            let key = scratch[i]
            let value = scratch[i + 1]
            if isMergeKey(key) {
                switch records[Int(value.index)].kind {
                case .mapping: sources.append(value)
                case .sequence:
                    for item in items(value) {
                        guard records[Int(item.index)].kind == .mapping else {
                            throw YAMLError(
                                .invalidMerge, "a `<<` list may hold only mappings", at: startMark(item))
                        }
                        sources.append(item)
                    }
                case .scalar:
                    throw YAMLError(
                        .invalidMerge, "the value of a `<<` merge key must be a mapping or a list of mappings",
                        at: startMark(value))
                }
                expanded -= expandedSizes[Int(value.index)]
            } else {
                own.append(key)
                own.append(value)
            }
            i += 2
        }
        var seen = Set<[UInt8]>()
        for k in stride(from: 0, to: own.count, by: 2) { seen.insert(Array(scalarBytes(own[k]))) }
        for source in sources {
            for (key, value) in entries(source) where seen.insert(Array(scalarBytes(key))).inserted {
                own.append(key)
                own.append(value)
                expanded = expanded &+ expandedSizes[Int(key.index)] &+ expandedSizes[Int(value.index)]
            }
        }
        scratch.removeSubrange(base...)
        scratch.append(contentsOf: own)
    }

    private mutating func reportDuplicates(base: Int) throws(YAMLError) {
        let count = (scratch.count - base) / 2
        guard count > 1 else { return }
        if count <= 12 {
            for i in 1..<count {
                let key = scratch[base + 2 * i]
                for j in 0..<i where sameKey(scratch[base + 2 * j], key) {
                    duplicate(first: scratch[base + 2 * j], again: key, at: base + 2 * i)
                    break
                }
            }
        } else {
            // Open addressing over the keys' hashes: a slot holds the index of a key's first
            // occurrence (only those are entered, so a match is the first one), with no allocation
            // per key. Hasher is seeded per process, so crafted keys cannot make the probing quadratic.
            var capacity = 32
            while capacity < count * 2 { capacity <<= 1 }
            let mask = capacity - 1
            var slots = [Int32](repeating: -1, count: capacity)
            var hashes = [Int](repeating: 0, count: count)
            var found: [(first: Int, again: Int)] = []
            text.withUnsafeBufferPointer { t in
                for i in 0..<count {
                    let record = records[Int(scratch[base + 2 * i].index)]
                    var hasher = Hasher()
                    hasher.combine(bytes: UnsafeRawBufferPointer(start: bytes(of: record, text: t), count: Int(record.count)))
                    let hash = hasher.finalize()
                    hashes[i] = hash
                    var slot = hash & mask
                    while true {
                        let j = Int(slots[slot])
                        if j < 0 {
                            slots[slot] = Int32(truncatingIfNeeded: i)
                            break
                        }
                        if hashes[j] == hash && sameKey(scratch[base + 2 * j], scratch[base + 2 * i]) {
                            found.append((j, i))
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
            for (j, i) in found {
                duplicate(first: scratch[base + 2 * j], again: scratch[base + 2 * i], at: base + 2 * i)
            }
        }
        // Drop the later occurrences (marked by `duplicate`) so that the first one wins everywhere.
        if !pendingDrops.isEmpty {
            for index in pendingDrops.sorted(by: >) { scratch.removeSubrange(index...(index + 1)) }
            pendingDrops.removeAll()
        }
    }

    private var pendingDrops: [Int] = []

    private mutating func duplicate(first: NodeID, again: NodeID, at index: Int) {
        let name = String(decoding: scalarBytes(again), as: UTF8.self)
        let firstMark = startMark(first)
        problems.append(
            YAMLError(
                .duplicateKey,
                "duplicate key `\(name)`; it was first defined at line \(firstMark.line), column \(firstMark.column)",
                at: startMark(again), related: firstMark,
                hint: "remove one of the two entries or merge them; the first one is used"))
        pendingDrops.append(index)
    }

    @inline(__always)
    private func sameKey(_ a: NodeID, _ b: NodeID) -> Bool {
        let ra = records[Int(a.index)]
        let rb = records[Int(b.index)]
        guard ra.count == rb.count else { return false }
        guard ra.count > 0 else { return true }
        return text.withUnsafeBufferPointer { t in
            guard let a = bytes(of: ra, text: t), let b = bytes(of: rb, text: t) else { return true }
            return memcmp(a, b, Int(ra.count)) == 0
        }
    }

    /// Where the node `id` starts.
    private func startMark(_ id: NodeID) -> YAMLMark {
        let record = records[Int(id.index)]
        return record.hasExactMarks
            ? YAMLTree.ExactMarks.find(id.index, in: exactMarks).start.mark : lines.mark(at: Int(record.startOffset))
    }

    /// Where a scalar record's bytes start, in the source or in `text`.
    @inline(__always)
    private func bytes(of record: YAMLTree.Record, text: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8>? {
        let base = record.inSource ? source.baseAddress : text.baseAddress
        return base.map { $0 + Int(record.first) }
    }


    /// Appends the nodes of `tail`, a builder that read the rest of the file (see
    /// ``YAMLParser/parseSplit(_:sourceArray:options:lines:offsets:at:)``), as if this builder had read
    /// them itself: both have exactly their root mapping open, and `tail`'s root entries become more
    /// entries of this root. Node numbers, text and children ranges of `tail` are moved past this
    /// builder's; marks are already absolute. The root is closed afterwards by ``endCollection(end:)``
    /// as usual, so duplicate keys and merge keys across the two halves are handled there.
    mutating func absorb(_ tail: YAMLTreeBuilder) {
        precondition(stack.count == 1 && tail.stack.count == 1 && tail.stack[0].childBase == 0)
        let nodeShift = Int32(truncatingIfNeeded: records.count)
        let childShift = Int32(truncatingIfNeeded: children.count)
        let textShift = Int32(truncatingIfNeeded: text.count)
        records.reserveCapacity(records.count + tail.records.count + 1)
        for var record in tail.records {
            if record.kind != .scalar {
                record.first += childShift
            } else if !record.inSource {
                record.first += textShift
            }
            records.append(record)
        }
        text.append(contentsOf: tail.text)
        children.reserveCapacity(children.count + tail.children.count + scratch.count + tail.scratch.count)
        for child in tail.children { children.append(NodeID(Int(child.index + nodeShift))) }
        for var entry in tail.exactMarks {
            entry.node += nodeShift
            exactMarks.append(entry)
        }
        expandedSizes.append(contentsOf: tail.expandedSizes)
        problems.append(contentsOf: tail.problems)
        for child in tail.scratch { scratch.append(NodeID(Int(child.index + nodeShift))) }
        for (name, id) in tail.anchors { anchors[name] = NodeID(Int(id.index + nodeShift)) }
        aliasCount += tail.aliasCount
        // The tail's root counted itself once; this root already does.
        let (sum, overflow) = stack[0].expanded.addingReportingOverflow(tail.stack[0].expanded - 1)
        stack[0].expanded = overflow ? Int.max : sum
    }

    /// Finishes the tree; fails for an empty stream.
    mutating func finish(endOfInput: PackedMark) throws(YAMLError) -> YAMLTree {
        guard rootSet else {
            throw YAMLError(
                .emptyDocument, "the file holds no document (it is empty or only comments)", at: endOfInput.mark,
                hint: "an OpenAPI document needs at least `openapi:`, `info:` and `paths:`")
        }
        // The tree lives as long as the loaded spec, so its arrays are copied to their exact sizes: the
        // reservations and the doubling growth leave up to half of each array unused (several MB for a
        // large spec). The builder's own bookkeeping goes first, and the arrays one at a time, so the
        // copies never coexist with more than one oversized original.
        expandedSizes = []
        anchors = [:]
        scratch = []
        stack = []
        let exactText = Self.exact(&text)
        let exactChildren = Self.exact(&children)
        let exactRecords = Self.exact(&records)
        return YAMLTree(
            records: exactRecords, text: exactText, source: sourceArray, children: exactChildren, lines: lines,
            exactMarks: Self.exact(&exactMarks), root: root, problems: problems)
    }

    /// `array`'s elements in a buffer of exactly their count; `array` is emptied (and freed).
    private static func exact<Element>(_ array: inout [Element]) -> [Element] {
        guard array.capacity > array.count else { return array }
        // An empty result must not come from `unsafeUninitializedCapacity`: with capacity 0 it hands
        // out the process-wide empty array and writes its count, which two parses on two threads then
        // both do (a data race under the thread sanitizer).
        guard !array.isEmpty else {
            array = []
            return []
        }
        let copy = [Element](unsafeUninitializedCapacity: array.count) { buffer, initialized in
            array.withUnsafeBufferPointer { source in
                if let base = source.baseAddress {
                    buffer.baseAddress!.initialize(from: base, count: source.count)
                }
            }
            initialized = array.count
        }
        array = []
        return copy
    }

    private func scalarBytes(_ id: NodeID) -> ArraySlice<UInt8> {
        let record = records[Int(id.index)]
        guard record.kind == .scalar else { return [] }
        let range = Int(record.first)..<Int(record.first + record.count)
        return record.inSource ? sourceArray[range] : text[range]
    }

    private func items(_ id: NodeID) -> ArraySlice<NodeID> {
        let record = records[Int(id.index)]
        return children[Int(record.first)..<Int(record.first + record.count)]
    }

    private func entries(_ id: NodeID) -> [(NodeID, NodeID)] {
        let all = items(id)
        return stride(from: all.startIndex, to: all.endIndex, by: 2).map { (all[$0], all[$0 + 1]) }
    }
}
