public import FlowSpecModel
import FlowSpecYAML

/// The fixes `flowspec lint --fix` makes by itself: only those that cannot change what the API means.
///
/// Each fix is a ``TextEdit`` of the YAML or JSON text, so comments and formatting elsewhere are
/// kept. The fixes:
/// - `path-keys-no-trailing-slash`: `/pets/` becomes `/pets` (unless `/pets` exists too);
/// - `response-status-unquoted`: `200:` becomes `'200':` in YAML, so the key is a string for every
///   parser;
/// - `openapi-tags-alphabetical`: the top-level `tags` list is sorted by name (block lists only);
/// - with ``Options/nullableToTypeArrays``, in OpenAPI 3.1 documents, `type: string` plus
///   `nullable: true` becomes `type: [string, "null"]`.
public enum Autofix {
    public struct Options: Sendable, Hashable {
        /// Rewrite 3.0-style `nullable: true` as a 3.1 type array (3.1 documents only). Off by default:
        /// it changes the text of many schemas.
        public var nullableToTypeArrays: Bool

        public init(nullableToTypeArrays: Bool = false) {
            self.nullableToTypeArrays = nullableToTypeArrays
        }
    }

    /// The edits for every file of a loaded spec, keyed by file.
    public static func edits(for loaded: LoadResult, options: Options = Options()) -> [FileID: [TextEdit]] {
        var result: [FileID: [TextEdit]] = [:]
        guard let document = loaded.document else { return result }
        let root = loaded.files[.root]
        var rootEdits: [TextEdit] = []
        if let paths = document.paths {
            let existing = Set(paths.items.keys)
            for (index, key) in paths.items.keys.enumerated() where key.count > 1 && key.hasSuffix("/") {
                guard !existing.contains(String(key.dropLast())) else { continue }
                let keyNode = paths.items.keyNodes[index]
                guard keyNode.file == .root, let slash = lastByte(UInt8(ascii: "/"), of: keyNode.node, in: root) else {
                    continue
                }
                rootEdits.append(TextEdit(range: slash..<(slash + 1), replacement: "", rule: "path-keys-no-trailing-slash"))
            }
        }
        for file in loaded.files.files {
            var edits = file.id == .root ? rootEdits : []
            edits += quoteStatusKeys(in: file)
            if options.nullableToTypeArrays && document.version.is31 { edits += nullableEdits(in: file) }
            if !edits.isEmpty { result[file.id, default: []] += edits }
        }
        if let sorted = sortTags(in: root) { result[.root, default: []].append(sorted) }
        return result
    }

    /// The offset of the last `byte` inside a scalar's source text.
    static func lastByte(_ byte: UInt8, of node: NodeID, in file: SpecFile) -> Int? {
        let start = file.tree.startOffset(node)
        let end = file.tree.endOffset(node)
        guard start < end, end <= file.source.count else { return nil }
        return file.source[start..<end].lastIndex(of: byte)
    }

    /// Plain integer keys of `responses` mappings in YAML files, quoted.
    static func quoteStatusKeys(in file: SpecFile) -> [TextEdit] {
        let tree = file.tree
        var edits: [TextEdit] = []
        for id in tree.nodeIDs where tree.isMapping(id) {
            guard let responses = tree.value(forKey: "responses", in: id), tree.isMapping(responses) else { continue }
            for entry in tree.entries(responses) where tree.style(entry.key) == .plain && tree.scalarType(entry.key) == .int {
                let start = tree.startOffset(entry.key)
                let end = tree.endOffset(entry.key)
                edits.append(TextEdit(range: start..<start, replacement: "'", rule: "response-status-unquoted"))
                edits.append(TextEdit(range: end..<end, replacement: "'", rule: "response-status-unquoted"))
            }
        }
        return edits
    }

    /// `type: X` + `nullable: true` (block style, each on its own line) rewritten as a type array.
    static func nullableEdits(in file: SpecFile) -> [TextEdit] {
        let tree = file.tree
        var edits: [TextEdit] = []
        for id in tree.nodeIDs where tree.isMapping(id) {
            guard let nullable = tree.value(forKey: "nullable", in: id), tree.bool(nullable) == true,
                let type = tree.value(forKey: "type", in: id), tree.isScalar(type), tree.scalarType(type) == .string,
                let name = tree.scalar(type),
                let nullableKey = tree.entries(id).first(where: { $0.value == nullable })?.key,
                let line = wholeLine(from: tree.startOffset(nullableKey), to: tree.endOffset(nullable), in: file.source)
            else { continue }
            edits.append(
                TextEdit(
                    range: tree.startOffset(type)..<tree.endOffset(type), replacement: "[\(name), \"null\"]",
                    rule: "nullable-to-type-array"))
            edits.append(TextEdit(range: line, replacement: "", rule: "nullable-to-type-array"))
        }
        return edits
    }

    /// The byte range of the line holding `start..<end`, with its newline, when nothing else is on it.
    static func wholeLine(from start: Int, to end: Int, in source: [UInt8]) -> Range<Int>? {
        var lineStart = start
        while lineStart > 0 && source[lineStart - 1] != UInt8(ascii: "\n") {
            guard source[lineStart - 1] == UInt8(ascii: " ") else { return nil }
            lineStart -= 1
        }
        var lineEnd = end
        while lineEnd < source.count && source[lineEnd] == UInt8(ascii: " ") { lineEnd += 1 }
        guard lineEnd == source.count || source[lineEnd] == UInt8(ascii: "\n") else { return nil }
        return lineStart..<min(lineEnd + 1, source.count)
    }

    /// Where a node's own text ends: libyaml ends a block collection at the next token, which may be
    /// the parent's next key, so look at the last scalar inside it instead.
    static func contentEnd(_ node: NodeID, in tree: YAMLTree) -> Int {
        switch tree.kind(node) {
        case .scalar: return tree.endOffset(node)
        case .sequence: return tree.items(node).last.map { contentEnd($0, in: tree) } ?? tree.endOffset(node)
        case .mapping: return tree.entries(node).last.map { contentEnd($0.value, in: tree) } ?? tree.endOffset(node)
        }
    }

    /// The top-level `tags` block list, its items sorted by `name`, as one edit; `nil` when it is
    /// sorted already or not a block list of mappings.
    static func sortTags(in file: SpecFile) -> TextEdit? {
        let tree = file.tree
        guard let tags = tree.value(forKey: "tags", in: tree.root), tree.isSequence(tags), tree.childCount(tags) > 1
        else { return nil }
        let items = Array(tree.items(tags))
        let names = items.map { tree.value(forKey: "name", in: $0).flatMap { tree.scalar($0) } ?? "" }
        guard names != names.sorted(), items.allSatisfy({ tree.isMapping($0) }) else { return nil }
        // Each item's text runs from the start of its `- ` line to the start of the next item's line.
        var starts: [Int] = []
        for item in items {
            var offset = tree.startOffset(item)
            while offset > 0 && file.source[offset - 1] != UInt8(ascii: "\n") { offset -= 1 }
            guard file.source[offset..<tree.startOffset(item)].contains(UInt8(ascii: "-")) else { return nil }
            starts.append(offset)
        }
        var end = contentEnd(items[items.count - 1], in: tree)
        while end < file.source.count && file.source[end] != UInt8(ascii: "\n") { end += 1 }
        if end < file.source.count { end += 1 }
        var blocks: [[UInt8]] = []
        for (index, start) in starts.enumerated() {
            let blockEnd = index + 1 < starts.count ? starts[index + 1] : end
            var block = Array(file.source[start..<blockEnd])
            if block.last != UInt8(ascii: "\n") { block.append(UInt8(ascii: "\n")) }
            blocks.append(block)
        }
        let order = names.indices.sorted { (names[$0], $0) < (names[$1], $1) }
        var text = order.flatMap { blocks[$0] }
        if end == file.source.count && file.source.last != UInt8(ascii: "\n") { text.removeLast() }
        return TextEdit(
            range: starts[0]..<end, replacement: String(decoding: text, as: UTF8.self), rule: "openapi-tags-alphabetical")
    }
}
