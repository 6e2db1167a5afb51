/// Builds a ``YAMLTree`` from a stream of node events, applying the budgets, merge keys and
/// duplicate-key checks in the same pass. Both readers (libyaml's event loop and the JSON reader)
/// feed it, so YAML and JSON files give the same tree and the same errors.
struct YAMLTreeBuilder {
    private(set) var tree = YAMLTree()
    private let options: YAMLParseOptions
    private let source: UnsafeBufferPointer<UInt8>

    private struct Open {
        var kind: YAMLNodeKind
        var start: PackedMark
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

    init(options: YAMLParseOptions, source: UnsafeBufferPointer<UInt8>) {
        self.options = options
        self.source = source
        tree.kinds.reserveCapacity(source.count / 12)
        tree.text.reserveCapacity(source.count / 2)
    }

    var depth: Int { stack.count }

    private func mark(of packed: PackedMark) -> YAMLMark { packed.mark }

    private mutating func appendNode(
        kind: YAMLNodeKind, type: YAMLScalarType, style: YAMLScalarStyle, first: Int, count: Int,
        start: PackedMark, end: PackedMark, expanded: Int
    ) -> NodeID {
        let id = NodeID(tree.kinds.count)
        tree.kinds.append(kind)
        tree.scalarTypes.append(type)
        tree.styles.append(style)
        tree.firsts.append(Int32(truncatingIfNeeded: first))
        tree.counts.append(Int32(truncatingIfNeeded: count))
        tree.starts.append(start)
        tree.ends.append(end)
        expandedSizes.append(expanded)
        return id
    }

    private mutating func attach(_ id: NodeID, expanded: Int, at mark: PackedMark) throws(YAMLError) {
        if stack.isEmpty {
            if options.requireMappingRoot && tree.kinds[Int(id.index)] != .mapping {
                throw YAMLError(
                    .rootNotMapping, "the document's root is a \(tree.kinds[Int(id.index)]), not a mapping",
                    at: mark.mark, hint: "an OpenAPI document starts with keys such as `openapi:` and `info:`")
            }
            tree.root = id
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
        let first = tree.text.count
        tree.text.append(contentsOf: bytes)
        let id = appendNode(
            kind: .scalar, type: type, style: style, first: first, count: bytes.count, start: start, end: end,
            expanded: 1)
        register(anchor: anchor, id)
        try attach(id, expanded: 1, at: start)
    }

    mutating func beginCollection(_ kind: YAMLNodeKind, anchor: String?, start: PackedMark) throws(YAMLError) {
        if stack.count >= options.maxDepth {
            throw YAMLError(
                .depthExceeded, "nesting is deeper than \(options.maxDepth) levels", at: start.mark,
                hint: "raise YAMLParseOptions.maxDepth (or --max-depth) if this document is legitimate")
        }
        stack.append(Open(kind: kind, start: start, childBase: scratch.count, anchor: anchor, expanded: 1))
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
        let first = tree.children.count
        tree.children.append(contentsOf: scratch[open.childBase...])
        let count = scratch.count - open.childBase
        scratch.removeSubrange(open.childBase...)
        let id = appendNode(
            kind: open.kind, type: .string, style: .plain, first: first, count: count, start: open.start, end: end,
            expanded: expanded)
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
            if tree.kinds[Int(key.index)] != .scalar {
                throw YAMLError(
                    .complexKey, "a mapping key must be a scalar, not a \(tree.kinds[Int(key.index)])",
                    at: tree.starts[Int(key.index)].mark, hint: "OpenAPI and JSON keys are strings")
            }
            if options.mergeKeys && isMergeKey(key) { hasMerge = true }
        }
        if hasMerge { try applyMerges(base: base, expanded: &expanded) }
        try reportDuplicates(base: base)
    }

    private func isMergeKey(_ key: NodeID) -> Bool {
        let i = Int(key.index)
        guard tree.styles[i] == .plain, tree.counts[i] == 2 else { return false }
        let first = Int(tree.firsts[i])
        return tree.text[first] == UInt8(ascii: "<") && tree.text[first + 1] == UInt8(ascii: "<")
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
                switch tree.kinds[Int(value.index)] {
                case .mapping: sources.append(value)
                case .sequence:
                    for item in tree.items(value) {
                        guard tree.kinds[Int(item.index)] == .mapping else {
                            throw YAMLError(
                                .invalidMerge, "a `<<` list may hold only mappings", at: tree.starts[Int(item.index)].mark)
                        }
                        sources.append(item)
                    }
                case .scalar:
                    throw YAMLError(
                        .invalidMerge, "the value of a `<<` merge key must be a mapping or a list of mappings",
                        at: tree.starts[Int(value.index)].mark)
                }
                expanded -= expandedSizes[Int(value.index)]
            } else {
                own.append(key)
                own.append(value)
            }
            i += 2
        }
        var seen = Set<[UInt8]>()
        for k in stride(from: 0, to: own.count, by: 2) { seen.insert(Array(tree.scalarBytes(own[k]))) }
        for source in sources {
            for entry in tree.entries(source) where seen.insert(Array(tree.scalarBytes(entry.key))).inserted {
                own.append(entry.key)
                own.append(entry.value)
                expanded = expanded &+ expandedSizes[Int(entry.key.index)] &+ expandedSizes[Int(entry.value.index)]
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
            var firstByHash: [Int: [Int]] = [:]
            firstByHash.reserveCapacity(count)
            for i in 0..<count {
                let key = scratch[base + 2 * i]
                var hasher = Hasher()
                tree.scalarBytes(key).withUnsafeBytes { hasher.combine(bytes: $0) }
                let hash = hasher.finalize()
                if let earlier = firstByHash[hash]?.first(where: { sameKey(scratch[base + 2 * $0], key) }) {
                    duplicate(first: scratch[base + 2 * earlier], again: key, at: base + 2 * i)
                } else {
                    firstByHash[hash, default: []].append(i)
                }
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
        let name = tree.scalar(again) ?? ""
        let firstMark = tree.starts[Int(first.index)].mark
        tree.problems.append(
            YAMLError(
                .duplicateKey,
                "duplicate key `\(name)`; it was first defined at line \(firstMark.line), column \(firstMark.column)",
                at: tree.starts[Int(again.index)].mark, related: firstMark,
                hint: "remove one of the two entries or merge them; the first one is used"))
        pendingDrops.append(index)
    }

    private func sameKey(_ a: NodeID, _ b: NodeID) -> Bool {
        tree.scalarBytes(a).elementsEqual(tree.scalarBytes(b))
    }

    /// Finishes the tree; fails for an empty stream.
    mutating func finish(endOfInput: PackedMark) throws(YAMLError) -> YAMLTree {
        guard rootSet else {
            throw YAMLError(
                .emptyDocument, "the file holds no document (it is empty or only comments)", at: endOfInput.mark,
                hint: "an OpenAPI document needs at least `openapi:`, `info:` and `paths:`")
        }
        return tree
    }
}
