import Foundation
public import FlowSpecYAML

/// One loaded file of a spec: its path, its bytes and its node tree.
public struct SpecFile: Sendable {
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

    /// The mapping or sequence that holds `node` (the one it is written in, for nodes shared through
    /// aliases); `nil` for the root.
    public func parent(of node: NodeID) -> NodeID? {
        let parents = parentIndex.table(for: tree)
        let index = Int(node.index)
        guard index >= 0, index < parents.count, parents[index] != node else { return nil }
        return parents[index]
    }

    /// The JSON pointer of `node` within this file.
    public func pointer(of node: NodeID) -> JSONPointer {
        let parents = parentIndex.table(for: tree)
        var tokens: [String] = []
        var current = node
        var guardCount = 0
        while current != tree.root && guardCount < tree.count {
            let parent = parents[Int(current.index)]
            if parent == current { break }
            if tree.isMapping(parent) {
                for entry in tree.entries(parent) where entry.value == current || entry.key == current {
                    tokens.append(tree.scalar(entry.key) ?? "")
                    break
                }
            } else if let index = tree.items(parent).firstIndex(of: current) {
                tokens.append(String(index - tree.items(parent).startIndex))
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
    private var parents: [NodeID]?

    func table(for tree: YAMLTree) -> [NodeID] {
        lock.lock()
        defer { lock.unlock() }
        if let parents { return parents }
        let table = tree.parentTable()
        parents = table
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
    func parentTable() -> [NodeID] {
        var parents = [NodeID](repeating: root, count: count)
        var seen = [Bool](repeating: false, count: count)
        var settled = [Bool](repeating: false, count: count)
        func claim(_ child: NodeID, for parent: NodeID, from first: Int, to last: Int) {
            let index = Int(child.index)
            guard !settled[index] else { return }
            let offset = startOffset(child)
            let contains = offset >= first && offset <= last
            if !seen[index] || contains {
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
                for child in items(id) { claim(child, for: id, from: first, to: last) }
            case .mapping:
                for entry in entries(id) {
                    claim(entry.key, for: id, from: first, to: last)
                    claim(entry.value, for: id, from: first, to: last)
                }
            }
        }
        parents[Int(root.index)] = root
        return parents
    }
}
