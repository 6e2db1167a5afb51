import Foundation
import FlowSpecYAML

/// Loads an OpenAPI 3.0 or 3.1 spec from a file (or bytes) into the typed model, following relative
/// `$ref`s into other files.
///
/// Secure by default: remote references and files outside the root spec's folder are refused, and
/// every refusal says how to opt in. Loading never stops at the first problem: each wrong type, missing
/// field, unknown field and unresolved reference is a ``Diagnostic`` at its line and column.
///
/// ```swift
/// let result = SpecLoader().load(path: "specs/pingone-flows.yaml")
/// for diagnostic in result.diagnostics { print(diagnostic) }
/// ```
public struct SpecLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads the spec at `path`.
    public func load(path: String) -> LoadResult { load(path: path, beside: nil) }

    /// Loads the spec at `path`, and runs `beside` on a helper thread with the root file as soon as it
    /// is read, while the model is built (work that only needs the file's tree, such as registering it
    /// with the schema engine, then costs no time of its own on a machine with a free core). `beside`
    /// has returned when this returns; it is not called when the root file cannot be read or parsed.
    public func load(path: String, beside: (@Sendable (SpecFile) -> Void)?) -> LoadResult {
        let absolute = Self.canonicalPath(path) ?? path
        // The size budget is checked before reading, so a huge file is never loaded into memory. A
        // plain stat(2): FileManager's attributes also look up the owner's and group's names, which
        // reads /etc/passwd and asks the name-service daemon over a socket.
        if let size = Self.fileSize(absolute), size > options.yaml.maxInputBytes {
            let error = YAMLError(
                .inputTooLarge, "the file is \(size) bytes, more than the \(options.yaml.maxInputBytes)-byte budget",
                at: YAMLMark(line: 1, column: 1, offset: 0), hint: "raise the budget with --max-input-bytes")
            return LoadResult(
                document: nil, files: SpecFileSet(), references: ReferenceTable(),
                diagnostics: [Diagnostic(yaml: error, file: path)])
        }
        guard let bytes = Self.readFile(absolute) else {
            let diagnostic = Diagnostic(
                code: .fileUnreadable, severity: .error, message: "cannot read `\(path)`",
                location: SourceLocation(file: path, line: 1, column: 1),
                hint: FileManager.default.fileExists(atPath: path)
                    ? "check the file's permissions" : "check the path; no such file")
            return LoadResult(document: nil, files: SpecFileSet(), references: ReferenceTable(), diagnostics: [diagnostic])
        }
        return load(bytes: bytes, path: absolute, displayPath: path, beside: beside)
    }

    /// Loads a spec from bytes. `path` is its canonical absolute path (relative references resolve from
    /// its folder); `displayPath` is what diagnostics show.
    public func load(bytes: [UInt8], path: String, displayPath: String? = nil) -> LoadResult {
        load(bytes: bytes, path: path, displayPath: displayPath, beside: nil)
    }

    /// Loads a spec from bytes, as ``load(bytes:path:displayPath:)``, running `beside` on the root file
    /// beside the model building, as ``load(path:beside:)`` does.
    public func load(
        bytes: [UInt8], path: String, displayPath: String?, beside: (@Sendable (SpecFile) -> Void)?
    ) -> LoadResult {
        var session = LoadSession(options: options, rootPath: path)
        session.beside = beside
        return session.run(bytes: bytes, displayPath: displayPath ?? path)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if abs(a.count - b.count) > 2 { return 3 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where i <= a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// A file's bytes, read straight into an array (no intermediate `Data` copy: specs are large).
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        var failed = false
        // A regular file goes straight into the array's storage: reading it in chunks copied every
        // byte of a large spec once more, before parsing could start.
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < buffer.count, let base = buffer.baseAddress {
                let read = readRetrying(fd, base + count, buffer.count - count)
                guard read > 0 else {
                    failed = read < 0
                    return
                }
                count += read
            }
        }
        // Whatever the size did not tell (a file that grew, a FIFO or a device), in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !failed {
            let read = chunk.withUnsafeMutableBytes { readRetrying(fd, $0.baseAddress!, $0.count) }
            if read <= 0 {
                failed = read < 0
                break
            }
            bytes.append(contentsOf: chunk[0..<read])
        }
        return failed ? nil : bytes
    }

    /// read(2), again when a signal interrupts it.
    private static func readRetrying(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            let result = read(fd, buffer, count)
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }

    /// The size of the file at `path` as stat(2) reports it, or `nil` when there is no such file.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The size of the regular file at `path`, or `nil` when there is none (a folder, a FIFO, a device).
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The `file://` URI of an absolute path.
    static func fileURI(_ path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }

    /// The absolute path with `.`/`..` and symbolic links resolved, or `nil` when it does not exist.
    static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// One load: the files read so far, the builder and the reference worklist.
private struct LoadSession {
    let options: LoadOptions
    let rootPath: String
    var files = SpecFileSet()
    var yamlDiagnostics: [Diagnostic] = []
    var references = ReferenceTable()
    /// The caller's work on the root file, started once it is read.
    var beside: (@Sendable (SpecFile) -> Void)?

    init(options: LoadOptions, rootPath: String) {
        self.options = options
        self.rootPath = rootPath
    }

    mutating func run(bytes: [UInt8], displayPath: String) -> LoadResult {
        var yamlOptions = options.yaml
        yamlOptions.requireMappingRoot = true
        let format: YAMLParser.Format = rootPath.lowercased().hasSuffix(".json") ? .json : .auto
        let tree: YAMLTree
        do {
            tree = try YAMLParser.parse(bytes, format: format, options: yamlOptions)
        } catch {
            return finish(document: nil, model: [Diagnostic(yaml: error, file: displayPath)])
        }
        for problem in tree.problems { yamlDiagnostics.append(Diagnostic(yaml: problem, file: displayPath)) }
        let root = SpecFile(
            id: FileID(0), path: rootPath, displayPath: displayPath, uri: SpecLoader.fileURI(rootPath), tree: tree,
            source: bytes)
        files.files.append(root)
        let besideWork = beside.map { work in HelperThread { work(root) } }
        defer { besideWork?.wait() }

        guard let version = detectVersion(tree) else { return finish(document: nil, model: []) }
        var context = BuildContext(files: files, version: version, options: options, rootPath: rootPath)
        context.diagnostics = yamlDiagnostics
        yamlDiagnostics = []
        var builder = ModelBuilder(ctx: context)
        let document = builder.document(tree.root)
        registerComponents(document?.components, in: &builder)
        resolveAll(&builder)
        builder.ctx.pending = []
        files = builder.ctx.files
        var model = builder.ctx.diagnostics
        if builder.ctx.droppedDiagnostics > 0 {
            model.append(
                Diagnostic(
                    code: .tooManyDiagnostics, severity: .error,
                    message: "\(builder.ctx.droppedDiagnostics) more diagnostics were not kept",
                    hint: "fix the ones shown first, or raise LoadOptions.maxDiagnostics"))
        }
        return finish(document: document, model: model)
    }

    func finish(document: OpenAPIDocument?, model: [Diagnostic]) -> LoadResult {
        var all = yamlDiagnostics + model
        all = Array(Set(all)).sorted()
        return LoadResult(document: document, files: files, references: references, diagnostics: all)
    }


    mutating func detectVersion(_ tree: YAMLTree) -> OpenAPIVersion? {
        let root = tree.root
        let file = files.files[0]
        if let swagger = tree.value(forKey: "swagger", in: root) {
            yamlDiagnostics.append(
                Diagnostic(
                    code: .unsupportedVersion, severity: .error,
                    message: "Swagger \(tree.scalar(swagger) ?? "2.0") documents are not supported yet",
                    location: file.location(of: swagger), pointer: ["swagger"],
                    hint: "convert the document to OpenAPI 3.x (for example with swagger2openapi) and load that"))
            return nil
        }
        guard let node = tree.value(forKey: "openapi", in: root) else {
            yamlDiagnostics.append(
                Diagnostic(
                    code: .missingField, severity: .error,
                    message: "the document has no `openapi` field, so it is not an OpenAPI document",
                    location: file.location(of: root), pointer: .root,
                    hint: "add `openapi: 3.1.0` (or the 3.0.x version it follows) at the top"))
            return nil
        }
        let text = tree.scalar(node) ?? ""
        guard tree.isScalar(node), let version = OpenAPIVersion(text), version.major == 3 else {
            yamlDiagnostics.append(
                Diagnostic(
                    code: .unsupportedVersion, severity: .error,
                    message: "`openapi: \(text)` is not a version FlowSpec reads; it reads 3.0.x and 3.1.x",
                    location: file.location(of: node), pointer: ["openapi"],
                    hint: tree.isScalar(node) && tree.scalarType(node) != .string
                        ? "quote the version: `openapi: \"\(text)\"`" : nil))
            return nil
        }
        if version.minor > 1 {
            yamlDiagnostics.append(
                Diagnostic(
                    code: .unsupportedVersion, severity: .warning,
                    message: "OpenAPI \(text) is newer than 3.1; it is read as 3.1",
                    location: file.location(of: node), pointer: ["openapi"]))
            return OpenAPIVersion(major: 3, minor: 1, patch: version.patch)
        }
        return version
    }

    /// Components are the usual reference targets: register them so a reference does not build its
    /// target a second time.
    mutating func registerComponents(_ components: Components?, in builder: inout ModelBuilder) {
        guard let components else { return }
        // Sized once: growing by doubling would hold the old and the new table at the same time, at
        // the moment the load's memory peaks.
        let total =
            components.schemas.count + components.responses.count + components.parameters.count
            + components.examples.count + components.requestBodies.count + components.headers.count
            + components.securitySchemes.count + components.links.count + components.callbacks.count
            + components.pathItems.count
        references.objects.reserveCapacity(total)
        references.targets.reserveCapacity(builder.ctx.pending.count)
        func put(_ kind: ObjectKind, _ node: NodeRef, _ object: ReferenceTable.ResolvedObject) {
            references.objects[ReferenceTable.ObjectKey(kind: kind, node: node)] = object
        }
        for schema in components.schemas.values { put(.schema, schema.node, .schema(schema)) }
        for case .value(let v) in components.responses.values { put(.response, v.node, .response(v)) }
        for case .value(let v) in components.parameters.values { put(.parameter, v.node, .parameter(v)) }
        for case .value(let v) in components.examples.values { put(.example, v.node, .example(v)) }
        for case .value(let v) in components.requestBodies.values { put(.requestBody, v.node, .requestBody(v)) }
        for case .value(let v) in components.headers.values { put(.header, v.node, .header(v)) }
        for case .value(let v) in components.securitySchemes.values { put(.securityScheme, v.node, .securityScheme(v)) }
        for case .value(let v) in components.links.values { put(.link, v.node, .link(v)) }
        for case .value(let v) in components.callbacks.values { put(.callback, v.node, .callback(v)) }
        for case .value(let v) in components.pathItems.values { put(.pathItem, v.node, .pathItem(v)) }
    }

    // MARK: References

    mutating func resolveAll(_ builder: inout ModelBuilder) {
        var index = 0
        while index < builder.ctx.pending.count {
            let pending = builder.ctx.pending[index]
            index += 1
            guard let target = follow(pending, builder: &builder) else { continue }
            references.targets[pending.reference.node] = target
            let key = ReferenceTable.ObjectKey(kind: pending.kind, node: target)
            if references.objects[key] == nil {
                let saved = builder.ctx.file
                builder.ctx.file = target.file
                if let object = build(pending.kind, at: target.node, with: &builder) { references.objects[key] = object }
                builder.ctx.file = saved
            }
        }
    }

    func build(_ kind: ObjectKind, at node: NodeID, with b: inout ModelBuilder) -> ReferenceTable.ResolvedObject? {
        switch kind {
        case .schema: return b.schema(node).map { .schema($0) }
        case .response: return b.response(node).map { .response($0) }
        case .parameter: return b.parameter(node).map { .parameter($0) }
        case .example: return b.example(node).map { .example($0) }
        case .requestBody: return b.requestBody(node).map { .requestBody($0) }
        case .header: return b.header(node).map { .header($0) }
        case .securityScheme: return b.securityScheme(node).map { .securityScheme($0) }
        case .link: return b.link(node).map { .link($0) }
        case .callback: return b.callback(node).map { .callback($0) }
        case .pathItem: return b.pathItem(node).map { .pathItem($0) }
        }
    }

    /// Resolves a reference, following chains of pure references, and reports what fails.
    mutating func follow(_ pending: PendingReference, builder: inout ModelBuilder) -> NodeRef? {
        var chain: [NodeRef] = []
        var refNode = pending.reference.node
        var refText = pending.reference.ref
        while true {
            guard let target = builder.locate(refText, from: refNode, kind: pending.kind) else { return nil }
            let tree = builder.ctx.files[target.file].tree
            // A target that is itself nothing but a `$ref` is followed; anything else is the object.
            guard tree.isMapping(target.node), tree.childCount(target.node) == 1 || pending.kind != .schema,
                let next = tree.value(forKey: "$ref", in: target.node), tree.isScalar(next),
                let nextText = tree.scalar(next)
            else { return target }
            if pending.kind == .pathItem { return target }
            let nextRef = NodeRef(file: target.file, node: next)
            if chain.contains(nextRef) || nextRef == pending.reference.node {
                let files = builder.ctx.files
                let names = ([pending.reference.node] + chain).map { "`\(files[$0.file].tree.scalar($0.node) ?? "")`" }
                builder.ctx.report(
                    .refCycle,
                    "these references point at each other and never reach an object: \(names.joined(separator: " → ")) → `\(pending.reference.ref)`",
                    at: pending.reference.node, hint: "make one of them point at a real object")
                return nil
            }
            if pending.kind == .schema && tree.childCount(target.node) != 1 { return target }
            chain.append(nextRef)
            refNode = nextRef
            refText = nextText
        }
    }

}
