import FlowSpecModel
import FlowSpecYAML
import Foundation

/// Every node some `$ref` of the loaded files points at, directly or at the end of a chain.
///
/// The loader's ``ReferenceTable`` records where each reference ends up after following chains of
/// pure references; a component that is itself only a `$ref` to another is used too, so the index
/// resolves references to components one step as well. References inside data (examples, defaults,
/// extension values) are not counted.
struct ReferenceIndex {
    /// The targets, each with up to three of the mappings that hold a `$ref` pointing at it: the only
    /// question is whether one other than two given nodes refers to it, which three distinct holders
    /// always answer (a set per target cost more than building the index itself).
    private var targets: [NodeRef: Holders] = [:]

    struct Holders {
        var first: NodeRef
        var second: NodeRef?
        var third: NodeRef?

        mutating func insert(_ holder: NodeRef) {
            if holder == first || holder == second || holder == third { return }
            if second == nil {
                second = holder
            } else if third == nil {
                third = holder
            }
        }

        func contains(where matches: (NodeRef) -> Bool) -> Bool {
            matches(first) || second.map(matches) == true || third.map(matches) == true
        }
    }

    init(_ context: LintContext) {
        var byPath: [String: FileID] = [:]
        for file in context.files.files { byPath[file.path] = file.id }
        var located: [String: FileID?] = [:]
        // The node each reference text leads to from each file: a spec refers to the same components
        // thousands of times, and finding a component by name in a large section is a linear search.
        var directTargets: [FileID: [String: NodeRef?]] = [:]
        // The `$ref` entries in walk order, gathered while the context was built.
        for (file, key, value) in context.referenceEntries {
            let tree = context.files[file].tree
            guard let text = tree.scalar(value) else { continue }
            let holder = context.parent(of: NodeRef(file: file, node: key)) ?? NodeRef(file: file, node: key)
            let refNode = NodeRef(file: file, node: value)
            let final = context.references.target(of: Reference(ref: text, node: refNode))
            if let final { add(final, holder) }
            // One step matters only when it lands on a component that is itself a `$ref` (the table
            // records the end of the chain); resolving every reference again would cost as much as loading.
            guard final == nil || text.containsASCII("/components/") else { continue }
            let direct: NodeRef?
            if let known = directTargets[file]?[text] {
                direct = known
            } else {
                direct = Self.locate(text, from: refNode, in: context, byPath: byPath, cache: &located)
                directTargets[file, default: [:]][text] = .some(direct)
            }
            if let direct { add(direct, holder) }
        }
    }

    mutating func add(_ target: NodeRef, _ holder: NodeRef) {
        if targets[target]?.insert(holder) == nil { targets[target] = Holders(first: holder) }
    }

    /// Whether something other than `node` itself refers to `node`.
    func isReferenced(_ node: NodeRef) -> Bool { isReferenced(node, byOtherThan: node) }

    /// Whether a `$ref` held by something other than `holder` refers to `node`.
    func isReferenced(_ node: NodeRef, byOtherThan holder: NodeRef) -> Bool {
        guard let holders = targets[node] else { return false }
        return holders.contains { $0 != holder && $0 != node }
    }

    /// The node a reference points at, one step (no chain following); `nil` when it does not resolve
    /// to a loaded file.
    static func locate(_ text: String, from refNode: NodeRef, in context: LintContext) -> NodeRef? {
        var byPath: [String: FileID] = [:]
        for file in context.files.files { byPath[file.path] = file.id }
        var cache: [String: FileID?] = [:]
        return locate(text, from: refNode, in: context, byPath: byPath, cache: &cache)
    }

    /// `locate` with the files indexed by path, and files already found by referrer and relative path.
    static func locate(
        _ text: String, from refNode: NodeRef, in context: LintContext, byPath: [String: FileID],
        cache: inout [String: FileID?]
    ) -> NodeRef? {
        let hash = text.firstIndex(of: "#")
        let filePart = hash.map { String(text[..<$0]) } ?? text
        let fragment = hash.map { String(text[text.index(after: $0)...]) } ?? ""
        var file = context.files[refNode.file]
        if !filePart.isEmpty {
            let key = "\(refNode.file.index) \(filePart)"
            let id: FileID?
            if let known = cache[key] {
                id = known
            } else {
                id = Self.file(filePart, from: file, byPath: byPath)
                cache[key] = id
            }
            guard let id else { return nil }
            file = context.files[id]
        }
        guard let pointer = JSONPointer(fragment: fragment), let node = file.node(at: pointer) else { return nil }
        return NodeRef(file: file.id, node: node)
    }

    static func file(_ filePart: String, from referrer: SpecFile, byPath: [String: FileID]) -> FileID? {
        if let remote = byPath[filePart] { return remote }
        var relative = JSONPointer.percentDecoded(filePart) ?? filePart
        if relative.hasPrefix("file://") { relative = String(relative.dropFirst("file://".count)) }
        let base = (referrer.path as NSString).deletingLastPathComponent
        let joined = relative.hasPrefix("/") ? relative : (base as NSString).appendingPathComponent(relative)
        let standardized = (joined as NSString).standardizingPath
        if let found = byPath[standardized] { return found }
        return byPath[URL(fileURLWithPath: standardized).resolvingSymlinksInPath().path]
    }
}
