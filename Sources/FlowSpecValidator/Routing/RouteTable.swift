/// The router's segment trie, built once and stored flat: each level is one path segment; a node's
/// literal children are a sorted run of edges searched by binary search on bytes, and its variable and
/// mixed children are a run of edges tried in turn. Every array holds plain values, so a search neither
/// retains nor allocates.
///
/// Every full pattern has a rank (0 is the most preferred). Each node knows the best rank below it, so
/// the search visits only subtrees that could beat the best match found so far; usually the first
/// literal path is the answer.
struct RouteTable: Sendable {
    struct Node: Sendable {
        var literalStart = 0
        var literalCount = 0
        var patternStart = 0
        var patternCount = 0
        /// The best rank of a pattern that ends at this node.
        var terminal = Int.max
        /// The best rank of any pattern at or below this node.
        var bestRank = Int.max
    }

    struct LiteralEdge: Sendable {
        var byteStart: Int
        var byteCount: Int
        var child: Int
    }

    struct PatternEdge: Sendable {
        /// An index into ``mixed``, or -1 for a plain variable.
        var mixedIndex: Int
        var child: Int
    }

    let nodes: [Node]
    let literalEdges: [LiteralEdge]
    let literalBytes: [UInt8]
    let patternEdges: [PatternEdge]
    let mixed: [[SegmentPattern.Piece]]
    /// The most segments of any pattern: longer paths cannot match.
    let maximumDepth: Int

    /// Builds the table from patterns given in rank order.
    init(patterns: [[SegmentPattern]]) {
        struct Draft {
            var literals: [[UInt8]: Int] = [:]
            var patterns: [(SegmentPattern, Int)] = []
            var terminal = Int.max
            var bestRank = Int.max
        }
        var drafts = [Draft()]
        var depth = 0
        for (rank, pattern) in patterns.enumerated() {
            depth = max(depth, pattern.count)
            var current = 0
            drafts[current].bestRank = min(drafts[current].bestRank, rank)
            for segment in pattern {
                let next: Int
                if case .literal(let bytes) = segment {
                    if let existing = drafts[current].literals[bytes] {
                        next = existing
                    } else {
                        next = drafts.count
                        drafts.append(Draft())
                        drafts[current].literals[bytes] = next
                    }
                } else if let existing = drafts[current].patterns.first(where: { $0.0 == segment }) {
                    next = existing.1
                } else {
                    next = drafts.count
                    drafts.append(Draft())
                    drafts[current].patterns.append((segment, next))
                }
                current = next
                drafts[current].bestRank = min(drafts[current].bestRank, rank)
            }
            drafts[current].terminal = min(drafts[current].terminal, rank)
        }

        var nodes: [Node] = []
        var literalEdges: [LiteralEdge] = []
        var literalBytes: [UInt8] = []
        var patternEdges: [PatternEdge] = []
        var mixed: [[SegmentPattern.Piece]] = []
        for draft in drafts {
            var node = Node(terminal: draft.terminal, bestRank: draft.bestRank)
            node.literalStart = literalEdges.count
            for (bytes, child) in draft.literals.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                literalEdges.append(LiteralEdge(byteStart: literalBytes.count, byteCount: bytes.count, child: child))
                literalBytes.append(contentsOf: bytes)
            }
            node.literalCount = literalEdges.count - node.literalStart
            node.patternStart = patternEdges.count
            // Most promising first, so that pruning cuts the rest early.
            for (pattern, child) in draft.patterns.sorted(by: { drafts[$0.1].bestRank < drafts[$1.1].bestRank }) {
                if case .mixed(let pieces) = pattern {
                    patternEdges.append(PatternEdge(mixedIndex: mixed.count, child: child))
                    mixed.append(pieces)
                } else {
                    patternEdges.append(PatternEdge(mixedIndex: -1, child: child))
                }
            }
            node.patternCount = patternEdges.count - node.patternStart
            nodes.append(node)
        }
        self.nodes = nodes
        self.literalEdges = literalEdges
        self.literalBytes = literalBytes
        self.patternEdges = patternEdges
        self.mixed = mixed
        self.maximumDepth = depth
    }

    /// The buffers of one search.
    private struct Search {
        let nodes: UnsafeBufferPointer<Node>
        let literalEdges: UnsafeBufferPointer<LiteralEdge>
        let literalBytes: UnsafeBufferPointer<UInt8>
        let patternEdges: UnsafeBufferPointer<PatternEdge>
        /// Through its buffer, as the others: held as an array, the search retained and released it.
        let mixed: UnsafeBufferPointer<[SegmentPattern.Piece]>
        let bytes: UnsafeBufferPointer<UInt8>
        let bounds: UnsafeBufferPointer<Int>
        let count: Int
        var best = Int.max

        mutating func visit(_ index: Int, depth: Int) {
            let node = nodes[index]
            guard node.bestRank < best else { return }
            if depth == count {
                best = min(best, node.terminal)
                return
            }
            let start = bounds[2 * depth]
            let end = bounds[2 * depth + 1]
            var low = node.literalStart
            var high = node.literalStart + node.literalCount
            while low < high {
                let middle = (low &+ high) / 2
                let edge = literalEdges[middle]
                let order = compare(edge, start, end)
                if order == 0 {
                    visit(edge.child, depth: depth + 1)
                    break
                }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            guard start < end else { return }  // Variables never match an empty segment.
            for offset in node.patternStart..<(node.patternStart + node.patternCount) {
                let edge = patternEdges[offset]
                guard nodes[edge.child].bestRank < best else { continue }
                if edge.mixedIndex >= 0,
                    SegmentPattern.matchMixed(mixed[edge.mixedIndex], bytes, start..<end, capturing: false) == nil
                {
                    continue
                }
                visit(edge.child, depth: depth + 1)
            }
        }

        /// Three-way comparison of a literal edge with `bytes[start..<end]`.
        @inline(__always) func compare(_ edge: LiteralEdge, _ start: Int, _ end: Int) -> Int {
            let length = end - start
            let common = min(edge.byteCount, length)
            var offset = 0
            if common >= 8, let p = literalBytes.baseAddress, let q = bytes.baseAddress {
                // Eight bytes at a time, read big-endian so that comparing the words orders them as
                // their bytes (a byte loop cost about ten instructions a byte, `environments` at each
                // request); the last word overlaps the ones found equal.
                @inline(__always) func word(_ base: UnsafePointer<UInt8>, _ at: Int) -> UInt64 {
                    UInt64(bigEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
                }
                while true {
                    let at = min(offset, common &- 8)
                    let a = word(p, edge.byteStart &+ at)
                    let b = word(q, start &+ at)
                    if a != b { return a < b ? -1 : 1 }
                    if at == common &- 8 { break }
                    offset &+= 8
                }
                offset = common
            }
            while offset < common {
                let a = literalBytes[edge.byteStart + offset]
                let b = bytes[start + offset]
                if a != b { return a < b ? -1 : 1 }
                offset += 1
            }
            return edge.byteCount == length ? 0 : (edge.byteCount < length ? -1 : 1)
        }
    }

    /// The rank of the best pattern matching the segments `bytes[bounds[2i]..<bounds[2i+1]]`, if any.
    func bestMatch(_ bytes: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<Int>, count: Int) -> Int? {
        nodes.withUnsafeBufferPointer { nodes in
            literalEdges.withUnsafeBufferPointer { literalEdges in
                literalBytes.withUnsafeBufferPointer { literalBytes in
                    patternEdges.withUnsafeBufferPointer { patternEdges in
                        mixed.withUnsafeBufferPointer { mixed in
                            var search = Search(
                                nodes: nodes, literalEdges: literalEdges, literalBytes: literalBytes,
                                patternEdges: patternEdges, mixed: mixed, bytes: bytes, bounds: bounds, count: count)
                            search.visit(0, depth: 0)
                            return search.best == Int.max ? nil : search.best
                        }
                    }
                }
            }
        }
    }
}
