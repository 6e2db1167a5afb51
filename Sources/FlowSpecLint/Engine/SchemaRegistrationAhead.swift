public import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import Foundation

/// A spec's root file registered with the schema engine while the spec is still loading, and its
/// component schemas compiled, for the example checks.
///
/// Registering scans the whole file for `$id`s and anchors; the lint run did it first thing, on the
/// thread that then compiles the examples' schemas (the longest piece of the run). Given to
/// ``FlowSpecModel/SpecLoader/load(path:beside:)`` as its `beside` work, it runs on the other core
/// while the model is built, and ``SchemaExampleChecker/init(_:registeredAhead:)`` starts from it.
///
/// Then it compiles the file's `components/schemas` on a thread of its own, which the loader does not
/// wait for. Registering ends before the model is built, and the compiler could only start once the
/// rules' context was made, which left a core idle twice: while the model was finished, and at the
/// end, when the rules were done and the examples' schemas were still compiling. When the example
/// checker is ready to compile, it stops that work where it is and carries on with the same compiler
/// (the schemas that examples are checked against mostly refer to components), or drops it if the
/// spec turned out to have more files or another dialect.
///
/// ```swift
/// let ahead = SchemaRegistrationAhead()
/// let loaded = SpecLoader().load(path: path, beside: ahead.register)
/// let examples = SchemaExampleChecker(loaded, registeredAhead: ahead)
/// ```
public final class SchemaRegistrationAhead: @unchecked Sendable {
    private let lock = NSLock()
    private var registered: Registered?
    private var compiling: HelperThread?
    /// The compiler of the component schemas, once they are compiled or the compiling was stopped;
    /// taken once.
    private var compiled: (dialect: SchemaDialect, compiler: SchemaCompiler)?
    private var cancelled = false

    /// Which file was registered: a checker uses the work only for that very file.
    private struct Registered {
        var uri: String
        var displayPath: String
        var nodes: Int
        var registry: SchemaRegistry

        func isFor(_ file: SpecFile) -> Bool {
            uri == file.uri && displayPath == file.displayPath && nodes == file.tree.count
        }
    }

    public init() {}

    /// Registers `file` in a registry of its own, computes its parent table (the checker asks for the
    /// pointer of every schema it compiles), and starts compiling its component schemas.
    public func register(_ file: SpecFile) {
        var registry = SchemaRegistry()
        registry.register(SchemaSource.openAPIDocument(tree: file.tree, file: file.displayPath, baseURI: file.uri))
        lock.lock()
        registered = Registered(uri: file.uri, displayPath: file.displayPath, nodes: file.tree.count, registry: registry)
        lock.unlock()
        file.preparePointers()
        let schemas = Self.componentSchemas(file.tree)
        guard !schemas.isEmpty else { return }
        // The dialect the checker will choose from the model's version, read here from the text; when
        // they differ the checker starts afresh.
        let version = file.tree.value(forKey: "openapi", in: file.tree.root).flatMap(file.tree.scalar)
        let dialect: SchemaDialect = version.flatMap(OpenAPIVersion.init)?.is30 == true ? .openAPI30 : .jsonSchema2020_12
        let thread = HelperThread { [self, registry] in
            var compiler = SchemaCompiler(registry: registry, options: SchemaCompiler.Options(defaultDialect: dialect))
            for node in schemas where !isCancelled {
                _ = compiler.compile(fileURI: file.uri, node: node, pointer: file.pointer(of: node))
            }
            lock.lock()
            compiled = (dialect, compiler)
            lock.unlock()
        }
        lock.lock()
        compiling = thread
        lock.unlock()
    }

    /// The registry holding `file` alone, when it is the file registered.
    func registry(for file: SpecFile) -> SchemaRegistry? {
        lock.lock()
        defer { lock.unlock() }
        guard let registered, registered.isFor(file) else { return nil }
        return registered.registry
    }

    /// The compiler that has compiled `file`'s component schemas in `dialect`, with `file`'s registry
    /// alone; `nil` when the work was for another file or dialect. Handed over once.
    ///
    /// The compiling stops after the schema it is on: the caller knows which schemas it needs and
    /// compiles the rest of them itself, so that a spec with thousands of components and a few
    /// examples waits for no more than what was compiled while a core was free.
    func compiler(for file: SpecFile, dialect: SchemaDialect) -> SchemaCompiler? {
        stopCompiling()
        lock.lock()
        defer { lock.unlock() }
        guard let registered, registered.isFor(file), let made = compiled, made.dialect == dialect else { return nil }
        compiled = nil
        return made.compiler
    }

    /// Stops compiling ahead (after the schema being compiled) and drops the compiler, when it is
    /// not going to be used.
    func cancel() {
        stopCompiling()
        lock.lock()
        compiled = nil
        lock.unlock()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    private func stopCompiling() {
        lock.lock()
        cancelled = true
        let thread = compiling
        lock.unlock()
        thread?.wait()
    }

    /// The values of the root's `components/schemas`, in order.
    static func componentSchemas(_ tree: YAMLTree) -> [NodeID] {
        guard Int(tree.root.index) < tree.count, let components = tree.value(forKey: "components", in: tree.root),
            let schemas = tree.value(forKey: "schemas", in: components)
        else { return [] }
        // Empty when `schemas` is not a mapping.
        return tree.entries(schemas).map(\.value)
    }
}
