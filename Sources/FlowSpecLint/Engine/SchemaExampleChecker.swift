public import FlowSpecModel
import FlowSpecSchema
import Foundation

/// The schema engine behind the example rules: checks an example node against a schema node of a
/// loaded spec, compiling each schema once.
public struct SchemaExampleChecker: ExampleChecker {
    private let files: SpecFileSet
    private let dialect: SchemaDialect
    private let cache: ValidatorCache

    /// Prepares to check the examples of `loaded`, in the document's dialect. The files are registered
    /// with the schema engine only when some example needs it: scanning a large spec for `$id`s costs
    /// as much as several rules.
    ///
    /// - Parameter registeredAhead: the root file already registered while the spec loaded (the
    ///   other files are registered after it, in order, as they would have been).
    public init(_ loaded: LoadResult, registeredAhead: SchemaRegistrationAhead? = nil) {
        self.files = loaded.files
        self.dialect = loaded.document?.version.is30 == true ? .openAPI30 : .jsonSchema2020_12
        self.cache = ValidatorCache(files: loaded.files, ahead: registeredAhead)
    }

    /// Registers the spec's files with the schema engine (a scan of every file for `$id`s and
    /// anchors), while the linter builds its context.
    public func prepareFiles() { _ = cache.registry }

    /// Compiles, in one compiler, every schema that the example rules will check (so shared `$ref`
    /// targets are compiled once, and no example needs a compiler of its own).
    public func prepare(_ context: LintContext) {
        let nodes = ExampleRules.checkedSchemas(context)
        guard !nodes.isEmpty else {
            // No example to check: the components compiling ahead would only take a core from the
            // rules (the checker itself lives until the process exits).
            cache.stopCompilingAhead()
            return
        }
        var compiler =
            cache.compiledAhead(dialect)
            ?? SchemaCompiler(registry: cache.registry, options: SchemaCompiler.Options(defaultDialect: dialect))
        var handles: [(NodeRef, SchemaHandle)] = []
        var failed: [NodeRef] = []
        for node in nodes {
            let file = files[node.file]
            // By file, node and pointer: each schema's place is known, so no URI is made and parsed
            // back, and the node need not be found again from the pointer.
            if let handle = compiler.compile(fileURI: file.uri, node: node.node, pointer: file.pointer(of: node.node)) {
                handles.append((node, handle))
            } else {
                failed.append(node)
            }
        }
        let program = compiler.finish()
        cache.store(handles.map { ($0.0, program.validator($0.1)) }, failed: failed)
    }

    private func uri(of node: NodeRef) -> String {
        let file = files[node.file]
        return file.uri + file.pointer(of: node.node).fragment
    }

    public func check(example: NodeRef, against schema: NodeRef, isRequest: Bool) -> [ExampleProblem] {
        guard let validator = cache.validator(schema, make: { compile(uri(of: schema)) }) else { return [] }
        let exampleFile = files[example.file]
        let result = validator.validate(
            tree: exampleFile.tree, node: example.node,
            options: ValidationOptions(direction: isRequest ? .request : .response))
        return result.errors.map { ExampleProblem(message: $0.message, instancePointer: $0.instancePointer) }
    }

    private func compile(_ uri: String) -> SchemaValidator? {
        try? SchemaValidator(
            registry: cache.registry, uri: uri, options: SchemaCompiler.Options(defaultDialect: dialect))
    }
}

/// Compiled validators by schema node, shared by copies of the checker.
private final class ValidatorCache: @unchecked Sendable {
    private let lock = NSLock()
    private let files: SpecFileSet
    private var validators: [NodeRef: SchemaValidator?] = [:]
    private var builtRegistry: SchemaRegistry?

    private let ahead: SchemaRegistrationAhead?

    init(files: SpecFileSet, ahead: SchemaRegistrationAhead?) {
        self.files = files
        self.ahead = ahead
    }

    /// Every file of the spec, registered on first use.
    var registry: SchemaRegistry {
        lock.lock()
        defer { lock.unlock() }
        if let builtRegistry { return builtRegistry }
        var registry = SchemaRegistry()
        var rest = files.files[...]
        if let root = rest.first, let registered = ahead?.registry(for: root) {
            registry = registered
            rest = rest.dropFirst()
        }
        for file in rest {
            registry.register(SchemaSource.openAPIDocument(tree: file.tree, file: file.displayPath, baseURI: file.uri))
        }
        builtRegistry = registry
        return registry
    }

    /// The compiler that compiled the root file's component schemas while the spec loaded, when it
    /// used `dialect` and the spec is that one file (its registry is then this one); the work ahead
    /// is stopped otherwise.
    func compiledAhead(_ dialect: SchemaDialect) -> SchemaCompiler? {
        guard let ahead else { return nil }
        guard files.files.count == 1, let root = files.files.first, let compiler = ahead.compiler(for: root, dialect: dialect)
        else {
            stopCompilingAhead()
            return nil
        }
        return compiler
    }

    /// Stops the compiling ahead and drops its compiler, when nothing is going to use it.
    func stopCompilingAhead() { ahead?.cancel() }

    /// A checker that never prepared does not leave the compiling ahead running.
    deinit { stopCompilingAhead() }

    /// Records the schemas compiled ahead, and those that did not compile (checked against nothing).
    func store(_ compiled: [(NodeRef, SchemaValidator)], failed: [NodeRef]) {
        lock.lock()
        for (node, validator) in compiled { validators[node] = validator }
        for node in failed { validators[node] = .some(nil) }
        lock.unlock()
    }

    func validator(_ node: NodeRef, make: () -> SchemaValidator?) -> SchemaValidator? {
        lock.lock()
        if let cached = validators[node] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = make()
        lock.lock()
        validators[node] = made
        lock.unlock()
        return made
    }
}
