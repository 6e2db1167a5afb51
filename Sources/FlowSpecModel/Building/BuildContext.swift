import FlowSpecYAML
import Foundation

/// The kinds of object a `$ref` can point to, so a target is built as what the referrer expects.
enum ObjectKind: Hashable, Sendable {
    case schema, response, parameter, example, requestBody, header, securityScheme, link, callback, pathItem
}

/// A `$ref` seen while building, waiting to be resolved once its file is loaded.
///
/// Keeps only what resolving reads (not the reference's `summary` and `description`): a large spec has
/// thousands of references, and this list is still alive when the load's memory peaks.
struct PendingReference {
    var ref: String
    var node: NodeRef
    var kind: ObjectKind

    init(reference: Reference, kind: ObjectKind) {
        ref = reference.ref
        node = reference.node
        self.kind = kind
    }

    /// The reference, as far as resolving needs it.
    var reference: Reference { Reference(ref: ref, node: node) }
}

/// The state of one model build: the files, the diagnostics, the pending references and the
/// version-dependent rules.
struct BuildContext {
    var files: SpecFileSet
    var diagnostics: [Diagnostic] = []
    var pending: [PendingReference] = []
    var version: OpenAPIVersion
    let options: LoadOptions
    /// The root spec's canonical path and folder: references may not leave the folder unless allowed.
    let rootPath: String
    let rootFolder: String
    /// Every `$id` in the loaded files, computed when first needed.
    var schemaIDs: Set<String>?
    var droppedDiagnostics = 0
    /// How many non-standard `$ref`s are being followed at once (a guard against cycles).
    var inlineDepth = 0
    /// The file being built.
    var file: FileID = .root {
        didSet { tree = files[file].tree }
    }
    /// The tree of ``file``, kept at hand: the builder reads it for every field.
    private(set) var tree: YAMLTree
    /// One copy of each long string the model holds many times (`$ref`s, property names, `required`
    /// entries): a large spec repeats `#/components/schemas/...` thousands of times, and equal strings
    /// then share one buffer.
    private var internedStrings: Set<String> = []

    init(files: SpecFileSet, version: OpenAPIVersion, options: LoadOptions, rootPath: String) {
        self.files = files
        self.tree = files[.root].tree
        self.version = version
        self.options = options
        self.rootPath = rootPath
        self.rootFolder = (rootPath as NSString).deletingLastPathComponent
    }


    /// `string`, sharing the buffer of an equal string interned before. Strings of up to 15 UTF-8 bytes
    /// are stored inline and need no interning.
    mutating func interned(_ string: String) -> String {
        guard string.utf8.count > 15 else { return string }
        return internedStrings.insert(string).memberAfterInsert
    }

    /// Key indexes of large mappings (`components/schemas`, `paths`), built when a reference first
    /// looks into them, so resolving thousands of references stays linear.
    private var keyIndexes: [NodeRef: [String: NodeID]] = [:]
    /// The node each `$ref` fragment already resolved to, by file: a spec refers to the same few
    /// hundred components thousands of times, and parsing each fragment as a pointer again cost
    /// more than following it. Only fragments that resolved are kept, so a reference that does not
    /// resolve is reported each time.
    var resolvedFragments: [FileID: [String: NodeID]] = [:]
    /// The same for local references (`#/components/schemas/Pet`), by their whole text: most of a
    /// spec's references are local, and splitting each text to find its fragment cost more than the
    /// lookup.
    var resolvedLocalReferences: [FileID: [String: NodeID]] = [:]

    /// The node at `pointer` in `fileID`, or `nil`.
    mutating func node(at pointer: JSONPointer, in fileID: FileID) -> NodeID? {
        let tree = files[fileID].tree
        var current = tree.root
        for token in pointer.tokens {
            switch tree.kind(current) {
            case .mapping:
                if tree.childCount(current) > 16 {
                    let key = NodeRef(file: fileID, node: current)
                    if keyIndexes[key] == nil {
                        var index: [String: NodeID] = [:]
                        for entry in tree.entries(current) {
                            let name = tree.scalar(entry.key) ?? ""
                            if index[name] == nil { index[name] = entry.value }
                        }
                        keyIndexes[key] = index
                    }
                    guard let next = keyIndexes[key]?[token] else { return nil }
                    current = next
                } else {
                    guard let next = tree.value(forKey: token, in: current) else { return nil }
                    current = next
                }
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

    func ref(_ node: NodeID) -> NodeRef { NodeRef(file: file, node: node) }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, at node: NodeID, severity: Severity = .error, hint: String? = nil
    ) {
        report(code, message, at: ref(node), severity: severity, hint: hint)
    }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, at node: NodeRef, severity: Severity = .error, hint: String? = nil
    ) {
        guard diagnostics.count < options.maxDiagnostics else {
            droppedDiagnostics += 1
            return
        }
        diagnostics.append(
            Diagnostic(
                code: code, severity: severity, message: message, location: files.location(of: node),
                pointer: files.pointer(of: node), hint: hint))
    }

    /// A short name of a node's kind for messages: "a string", "a mapping", "a list", "null".
    func describe(_ node: NodeID) -> String {
        switch tree.kind(node) {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch tree.scalarType(node) {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int, .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}
