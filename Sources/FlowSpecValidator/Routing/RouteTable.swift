/// The router's segment trie, built once: each level is one path segment, literal children are a sorted
/// table searched by binary search on bytes, and variable or mixed children are tried in turn.
///
/// Every full pattern has a rank (0 is the most preferred). Each node knows the best rank below it, so
/// the search visits only subtrees that could beat the best match found so far, and the first
/// literal match is usually the answer.
struct RouteTable: Sendable {
    struct Node: Sendable {
        var literalKeys: [[UInt8]] = []
        var literalChildren: [Int] = []
        var patternKeys: [SegmentPattern] = []
        var patternChildren: [Int] = []
        /// The best rank of a pattern that ends at this node.
        var terminal = Int.max
        /// The best rank of any pattern at or below this node.
        var bestRank = Int.max
    }

    private(set) var nodes: [Node]
    /// The most segments of any pattern: longer paths cannot match.
    private(set) var maximumDepth = 0

    /// Builds the table from patterns given in rank order.
    init(patterns: [[SegmentPattern]]) {
        var literalMaps: [[[UInt8]: Int]] = [[:]]
        var nodes = [Node()]
        for (rank, pattern) in patterns.enumerated() {
            maximumDepth = max(maximumDepth, pattern.count)
            var current = 0
            nodes[current].bestRank = min(nodes[current].bestRank, rank)
            for segment in pattern {
                let next: Int
                if case .literal(let bytes) = segment {
                    if let existing = literalMaps[current][bytes] {
                        next = existing
                    } else {
                        next = nodes.count
                        nodes.append(Node())
                        literalMaps.append([:])
                        literalMaps[current][bytes] = next
                    }
                } else if let index = nodes[current].patternKeys.firstIndex(of: segment) {
                    next = nodes[current].patternChildren[index]
                } else {
                    next = nodes.count
                    nodes.append(Node())
                    literalMaps.append([:])
                    nodes[current].patternKeys.append(segment)
                    nodes[current].patternChildren.append(next)
                }
                current = next
                nodes[current].bestRank = min(nodes[current].bestRank, rank)
            }
            nodes[current].terminal = min(nodes[current].terminal, rank)
        }
        for index in nodes.indices {
            let sorted = literalMaps[index].sorted { $0.key.lexicographicallyPrecedes($1.key) }
            nodes[index].literalKeys = sorted.map(\.key)
            nodes[index].literalChildren = sorted.map(\.value)
        }
        self.nodes = nodes
    }

    /// The rank of the best pattern matching the segments `bytes[bounds[2i]..<bounds[2i+1]]`, if any.
    func bestMatch(_ bytes: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutableBufferPointer<Int>, count: Int) -> Int? {
        var best = Int.max
        nodes.withUnsafeBufferPointer { nodes in
            Self.search(nodes, 0, depth: 0, count: count, bytes, bounds, &best)
        }
        return best == Int.max ? nil : best
    }

    private static func search(
        _ nodes: UnsafeBufferPointer<Node>, _ index: Int, depth: Int, count: Int, _ bytes: UnsafeBufferPointer<UInt8>,
        _ bounds: UnsafeMutableBufferPointer<Int>, _ best: inout Int
    ) {
        let node = nodes[index]
        guard node.bestRank < best else { return }
        if depth == count {
            best = min(best, node.terminal)
            return
        }
        let range = bounds[2 * depth]..<bounds[2 * depth + 1]
        // The literal child, by binary search.
        var low = 0
        var high = node.literalKeys.count
        while low < high {
            let middle = (low + high) / 2
            let order = SegmentPattern.compare(node.literalKeys[middle], bytes, range)
            if order == 0 {
                search(nodes, node.literalChildren[middle], depth: depth + 1, count: count, bytes, bounds, &best)
                break
            }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        for (offset, pattern) in node.patternKeys.enumerated() {
            let child = node.patternChildren[offset]
            guard nodes[child].bestRank < best, pattern.matches(bytes, range) else { continue }
            search(nodes, child, depth: depth + 1, count: count, bytes, bounds, &best)
        }
    }
}
