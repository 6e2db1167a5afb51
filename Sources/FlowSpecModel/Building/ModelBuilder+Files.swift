import Foundation
import FlowSpecYAML

/// Reading the files that references name, under the loader's policy.
extension ModelBuilder {
    /// The node a reference text names, loading its file when needed.
    mutating func locate(_ text: String, from refNode: NodeRef, kind: ObjectKind)
        -> NodeRef?
    {
        let isLocal = text.utf8.first == UInt8(ascii: "#")
        if isLocal, let known = ctx.resolvedLocalReferences[refNode.file]?[text] {
            return NodeRef(file: refNode.file, node: known)
        }
        let hashIndex = text.firstIndex(of: "#")
        let filePart = hashIndex.map { String(text[..<$0]) } ?? text
        let fragment = hashIndex.map { String(text[text.index(after: $0)...]) } ?? ""
        var fileID = refNode.file
        if !filePart.isEmpty {
            guard let loaded = loadReferencedFile(filePart, from: refNode, kind: kind) else {
                return nil
            }
            fileID = loaded
        }
        if let known = ctx.resolvedFragments[fileID]?[fragment] {
            if isLocal { ctx.resolvedLocalReferences[fileID, default: [:]][text] = known }
            return NodeRef(file: fileID, node: known)
        }
        let file = ctx.files[fileID]
        guard let pointer = JSONPointer(fragment: fragment) else {
            if kind == .schema {
                // `#name` is a JSON Schema anchor: the schema engine resolves it.
                return nil
            }
            ctx.report(
                .refUnresolved, "`\(text)` is not a JSON pointer fragment", at: refNode,
                hint: "write the fragment as a pointer such as `#/components/schemas/Name`")
            return nil
        }
        guard let node = ctx.node(at: pointer, in: fileID) else {
            ctx.report(
                .refUnresolved, "`\(text)` does not resolve: \(file.displayPath) has nothing at `\(pointer)`",
                at: refNode, hint: closestHint(pointer, in: file))
            return nil
        }
        ctx.resolvedFragments[fileID, default: [:]][fragment] = node
        if isLocal { ctx.resolvedLocalReferences[fileID, default: [:]][text] = node }
        return NodeRef(file: fileID, node: node)
    }

    func closestHint(_ pointer: JSONPointer, in file: SpecFile) -> String? {
        var prefix = pointer
        while !prefix.isRoot {
            prefix = prefix.parent
            if let node = file.node(at: prefix), file.tree.isMapping(node) {
                let keys = file.tree.entries(node).compactMap { file.tree.scalar($0.key) }
                guard let last = pointer.tokens.dropFirst(prefix.tokens.count).first else { return nil }
                let close = keys.filter { $0.lowercased() == last.lowercased() || SpecLoader.editDistance($0, last) <= 2 }
                if let first = close.first { return "did you mean `\(prefix.appending(first))`?" }
                return "`\(prefix)` has \(keys.prefix(8).map { "`\($0)`" }.joined(separator: ", "))\(keys.count > 8 ? ", …" : "")"
            }
        }
        return nil
    }

    mutating func loadReferencedFile(_ filePart: String, from refNode: NodeRef, kind: ObjectKind)
        -> FileID?
    {
        let lower = filePart.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            if kind == .schema && knownSchemaIDs().contains(filePart) { return nil }
            guard ctx.options.allowRemoteReferences, let fetch = ctx.options.fetchRemote else {
                // A policy refusal, not a defect of the document: a warning that says how to opt in.
                ctx.report(
                    .refRemoteRefused, "the remote reference `\(filePart)` was not fetched: remote references are off",
                    at: refNode, severity: .warning,
                    hint: "download the file next to the spec and reference it by a relative path, or pass --allow-remote-refs")
                return nil
            }
            if let existing = ctx.files.file(atPath: filePart) { return existing.id }
            guard withinFileBudget(filePart, from: refNode) else { return nil }
            do {
                let bytes = try fetch(filePart)
                return addFile(bytes: bytes, path: filePart, display: filePart, uri: filePart, refNode: refNode)
            } catch {
                ctx.report(
                    .refFileUnreadable, "the remote reference `\(filePart)` could not be fetched: \(error)", at: refNode)
                return nil
            }
        }
        if lower.contains(":") && !lower.hasPrefix("file:") && lower.firstIndex(of: ":")! > lower.startIndex
            && !lower.hasPrefix("./") && !lower.hasPrefix("../") && lower.split(separator: ":").first?.contains("/") == false
        {
            ctx.report(
                .refUnresolved, "`\(filePart)` uses a URI scheme FlowSpec does not load", at: refNode,
                hint: "reference files by relative paths")
            return nil
        }
        var relative = JSONPointer.percentDecoded(filePart) ?? filePart
        if relative.hasPrefix("file://") { relative = String(relative.dropFirst("file://".count)) }
        let referrer = ctx.files[refNode.file]
        let base = (referrer.path as NSString).deletingLastPathComponent
        let joined = relative.hasPrefix("/") ? relative : (base as NSString).appendingPathComponent(relative)
        guard let canonical = SpecLoader.canonicalPath(joined) else {
            ctx.report(
                .refUnresolved, "`\(filePart)` does not resolve: no file at \(joined)", at: refNode,
                hint: "check the path; it is relative to the folder of \(referrer.displayPath)")
            return nil
        }
        if !ctx.options.allowFilesOutsideRoot && !(canonical == ctx.rootPath || canonical.hasPrefix(ctx.rootFolder + "/")) {
            ctx.report(
                .refOutsideRoot,
                "`\(filePart)` points outside the root spec's folder (\(ctx.rootFolder)) and was not read",
                at: refNode, hint: "move the file into the spec's folder, or pass --allow-outside-refs if you trust it")
            return nil
        }
        if let existing = ctx.files.file(atPath: canonical) { return existing.id }
        guard withinFileBudget(filePart, from: refNode) else { return nil }
        // Checked before reading: a FIFO or device would block or never end, and a huge file would be
        // read whole before the parser's size budget could refuse it.
        guard let size = SpecLoader.regularFileSize(canonical) else {
            ctx.report(
                .refFileUnreadable, "`\(filePart)` is not a regular file and was not read", at: refNode,
                hint: "reference a YAML or JSON file")
            return nil
        }
        guard size <= ctx.options.yaml.maxInputBytes else {
            ctx.report(
                .refFileUnreadable,
                "`\(filePart)` is \(size) bytes, more than the \(ctx.options.yaml.maxInputBytes)-byte budget, "
                    + "and was not read",
                at: refNode, hint: "raise the budget with --max-input-bytes")
            return nil
        }
        guard let bytes = SpecLoader.readFile(canonical) else {
            ctx.report(.refFileUnreadable, "cannot read `\(filePart)`", at: refNode)
            return nil
        }
        let display = canonical.hasPrefix(ctx.rootFolder + "/") ? String(canonical.dropFirst(ctx.rootFolder.count + 1)) : canonical
        return addFile(
            bytes: bytes, path: canonical, display: display, uri: SpecLoader.fileURI(canonical), refNode: refNode)
    }

    /// Whether one more file may be read (local or remote), reporting at `refNode` when not.
    mutating func withinFileBudget(_ filePart: String, from refNode: NodeRef) -> Bool {
        guard ctx.files.files.count < ctx.options.maxFiles else {
            ctx.report(
                .refFileUnreadable, "more than \(ctx.options.maxFiles) referenced files; `\(filePart)` was not read",
                at: refNode, hint: "raise LoadOptions.maxFiles")
            return false
        }
        return true
    }

    mutating func addFile(
        bytes: [UInt8], path: String, display: String, uri: String, refNode: NodeRef, 
    ) -> FileID? {
        var yamlOptions = ctx.options.yaml
        yamlOptions.requireMappingRoot = false
        do {
            let tree = try YAMLParser.parse(bytes, format: path.lowercased().hasSuffix(".json") ? .json : .auto, options: yamlOptions)
            for problem in tree.problems { ctx.diagnostics.append(Diagnostic(yaml: problem, file: display)) }
            let id = FileID(ctx.files.files.count)
            ctx.files.files.append(
                SpecFile(id: id, path: path, displayPath: display, uri: uri, tree: tree, source: bytes))
            ctx.schemaIDs = nil
            return id
        } catch {
            ctx.diagnostics.append(Diagnostic(yaml: error, file: display))
            ctx.report(
                .refFileUnreadable, "`\(display)` could not be parsed (see the error in that file)", at: refNode)
            return nil
        }
    }

    /// Every `$id` written in the loaded files, so that a 3.1 schema's reference to an `$id` is not
    /// mistaken for a remote one.
    mutating func knownSchemaIDs() -> Set<String> {
        if let ids = ctx.schemaIDs { return ids }
        var ids = Set<String>()
        for file in ctx.files.files {
            let tree = file.tree
            for id in tree.nodeIDs where tree.isMapping(id) {
                if let value = tree.value(forKey: "$id", in: id), let text = tree.scalar(value) {
                    ids.insert(text)
                    if let hash = text.firstIndex(of: "#") { ids.insert(String(text[..<hash])) }
                }
            }
        }
        ctx.schemaIDs = ids
        return ids
    }

}

extension ModelBuilder {
    /// Builds the object at `node`, first following a `$ref` where OpenAPI allows none (an Operation,
    /// a Tag's `description`), as bundlers such as Redocly's do, with a warning: multi-file specs in the
    /// wild rely on it.
    mutating func inlined<T>(_ node: NodeID, _ what: String, _ build: (inout ModelBuilder, NodeID) -> T?) -> T? {
        guard tree.isMapping(node), let refNode = tree.value(forKey: "$ref", in: node), tree.isScalar(refNode),
            let text = tree.scalar(refNode)
        else { return build(&self, node) }
        ctx.report(
            .refNotAllowed, "OpenAPI does not allow `$ref` for \(what); FlowSpec follows it, but other tools may not",
            at: refNode, severity: .warning, hint: "bundle the spec, or move the reference to a place that allows one")
        guard ctx.inlineDepth < 32, let target = locate(text, from: ctx.ref(refNode), kind: .example) else { return nil }
        let saved = ctx.file
        ctx.file = target.file
        ctx.inlineDepth += 1
        defer {
            ctx.file = saved
            ctx.inlineDepth -= 1
        }
        return build(&self, target.node)
    }
}
