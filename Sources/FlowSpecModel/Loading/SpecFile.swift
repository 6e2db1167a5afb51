import Foundation
public import FlowSpecYAML

/// One loaded file of a spec: its path, its bytes and its node tree.
///
/// A class: the rules and the example checks look files up by id tens of thousands of times, and
/// each copy of a value retained and released every one of its fields.
public final class SpecFile: Sendable {
    public let id: FileID
    /// The canonical absolute path, or a placeholder such as `<stdin>`.
    public let path: String
    /// The path to show users: as given for the root file, relative to the root's folder for others.
    public let displayPath: String
    /// The file's URI (`file:///…`), the base for its relative references and for JSON Schema `$id`s.
    public let uri: String
    public let tree: YAMLTree
    /// The file's bytes, for code frames and in-place fixes.
    public let source: [UInt8]
    /// The parent of every node, computed the first time a pointer is asked for: a clean spec never
    /// pays for it.
    private let parentIndex = ParentIndex()

    public init(id: FileID, path: String, displayPath: String, uri: String, tree: YAMLTree, source: [UInt8]) {
        self.id = id
        self.path = path
        self.displayPath = displayPath
        self.uri = uri
        self.tree = tree
        self.source = source
    }

    /// Computes the parent table behind ``pointer(of:)`` and ``parent(of:)`` now, rather than on
    /// their first use: on a helper thread while the spec is still loading, for a caller that will ask
    /// for pointers (copies of this file share the table).
    public func preparePointers() { _ = parentIndex.table(for: tree) }

    /// The mapping or sequence that holds `node` (the one it is written in, for nodes shared through
    /// aliases); `nil` for the root.
    public func parent(of node: NodeID) -> NodeID? {
        let parents = parentIndex.table(for: tree).parents
        let index = Int(node.index)
        guard index >= 0, index < parents.count, parents[index] != node else { return nil }
        return parents[index]
    }

    /// The JSON pointer of `node` within this file.
    public func pointer(of node: NodeID) -> JSONPointer {
        let table = parentIndex.table(for: tree)
        var tokens: [String] = []
        var current = node
        var guardCount = 0
        while current != tree.root && guardCount < tree.count {
            let parent = table.parents[Int(current.index)]
            if parent == current { break }
            // Where the node first appears among its parent's children, from the table: searching a
            // large mapping (a spec's schemas or paths) for every pointer cost more than the rest.
            let position = Int(table.positions[Int(current.index)])
            if position < 0 {
                // In no collection (a later duplicate key, dropped): no step, as a search finds none.
            } else if tree.isMapping(parent) {
                tokens.append(tree.scalar(tree.entries(parent)[position / 2].key) ?? "")
            } else if tree.isSequence(parent) {
                tokens.append(String(position))
            }
            current = parent
            guardCount += 1
        }
        return JSONPointer(tokens.reversed())
    }

    /// The node at `pointer`, or `nil`.
    public func node(at pointer: JSONPointer) -> NodeID? {
        var current = tree.root
        for token in pointer.tokens {
            switch tree.kind(current) {
            case .mapping:
                guard let next = tree.value(forKey: token, in: current) else { return nil }
                current = next
            case .sequence:
                let items = tree.items(current)
                guard let index = Int(token), index >= 0, index < items.count, token == String(index) else { return nil }
                current = items[items.startIndex + index]
            case .scalar:
                return nil
            }
        }
        return current
    }

    /// Where `node` is, as a location users can open.
    public func location(of node: NodeID) -> SourceLocation {
        SourceLocation(file: displayPath, start: tree.start(node), end: tree.end(node))
    }
}

/// A lazily computed parent table, shared by copies of a ``SpecFile``.
private final class ParentIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built: YAMLTree.ParentTable?

    func table(for tree: YAMLTree) -> YAMLTree.ParentTable {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let table = tree.parentTable()
        built = table
        return table
    }
}

extension YAMLTree {
    /// The parent of every node, computed in one pass over the children.
    ///
    /// A node shared through aliases (or a merge key) has several parents; its parent is the one it
    /// was written in, so that its pointer names the same place as its line and column. That is the
    /// first parent (in closing order) whose text contains the node's start: an alias site nested in
    /// the defining parent closes first, but starts after the node it names.
    func parentTable() -> ParentTable {
        var parents = [NodeID](repeating: root, count: count)
        var positions = [Int32](repeating: -1, count: count)
        var seen = [Bool](repeating: false, count: count)
        var settled = [Bool](repeating: false, count: count)
        func claim(_ child: NodeID, for parent: NodeID, at position: Int, from first: Int, to last: Int) {
            let index = Int(child.index)
            guard !settled[index] else { return }
            let offset = startOffset(child)
            let contains = offset >= first && offset <= last
            if !seen[index] || contains {
                // A parent's children are claimed in order: keep the node's first place in this parent.
                if !seen[index] || parents[index] != parent { positions[index] = Int32(truncatingIfNeeded: position) }
                parents[index] = parent
                seen[index] = true
                settled[index] = contains
            }
        }
        for id in nodeIDs {
            let first = startOffset(id)
            let last = endOffset(id)
            switch kind(id) {
            case .scalar: continue
            case .sequence:
                for (position, child) in items(id).enumerated() {
                    claim(child, for: id, at: position, from: first, to: last)
                }
            case .mapping:
                for (position, entry) in entries(id).enumerated() {
                    claim(entry.key, for: id, at: 2 * position, from: first, to: last)
                    claim(entry.value, for: id, at: 2 * position + 1, from: first, to: last)
                }
            }
        }
        parents[Int(root.index)] = root
        return ParentTable(parents: parents, positions: positions)
    }

    /// Every node's parent, and where the node first appears among that parent's children: an item's
    /// index, or for a mapping twice the entry's index (plus one for the value); -1 for a node that
    /// is in no collection.
    struct ParentTable {
        var parents: [NodeID]
        var positions: [Int32]
    }
}
