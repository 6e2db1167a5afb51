public import FlowSpecModel
import FlowSpecSchema
import Foundation

/// The schema engine behind the example rules: checks an example node against a schema node of a
/// loaded spec, compiling each schema once.
public struct SchemaExampleChecker: ExampleChecker {
    private let registry: SchemaRegistry
    private let files: SpecFileSet
    private let dialect: SchemaDialect
    private let cache = ValidatorCache()

    /// Registers every file of `loaded` with the schema engine, in the document's dialect.
    public init(_ loaded: LoadResult) {
        var registry = SchemaRegistry()
        for file in loaded.files.files {
            registry.register(SchemaSource.openAPIDocument(tree: file.tree, file: file.displayPath, baseURI: file.uri))
        }
        self.registry = registry
        self.files = loaded.files
        self.dialect = loaded.document?.version.is30 == true ? .openAPI30 : .jsonSchema2020_12
    }

    /// Compiles every schema that has an example in one compiler.
    public func prepare(_ context: LintContext) {
        var nodes = Set<NodeRef>()
        for site in context.mediaTypes where site.mediaType.example != nil || !site.mediaType.examples.isEmpty {
            if let schema = site.mediaType.schema { nodes.insert(schema.node) }
        }
        for site in context.schemas {
            if let object = site.object, object.example != nil || !(object.examples ?? []).isEmpty {
                nodes.insert(site.schema.node)
            }
        }
        for site in context.operations {
            for parameter in context.parameters(of: site) where parameter.example != nil || !parameter.examples.isEmpty {
                if let schema = parameter.schema { nodes.insert(schema.node) }
            }
        }
        var compiler = SchemaCompiler(registry: registry, options: SchemaCompiler.Options(defaultDialect: dialect))
        var handles: [(String, SchemaHandle)] = []
        for node in nodes {
            let uri = uri(of: node)
            if let handle = compiler.compile(uri: uri) { handles.append((uri, handle)) }
        }
        let program = compiler.finish()
        cache.store(handles.map { ($0.0, program.validator($0.1)) })
    }

    private func uri(of node: NodeRef) -> String {
        let file = files[node.file]
        return file.uri + file.pointer(of: node.node).fragment
    }

    public func check(example: NodeRef, against schema: NodeRef, isRequest: Bool) -> [ExampleProblem] {
        let uri = uri(of: schema)
        guard let validator = cache.validator(uri: uri, make: { compile(uri) }) else { return [] }
        let exampleFile = files[example.file]
        let value = JSONValue(tree: exampleFile.tree, node: example.node)
        let result = validator.validate(value, options: ValidationOptions(direction: isRequest ? .request : .response))
        return result.errors.map { ExampleProblem(message: $0.message, instancePointer: $0.instancePointer) }
    }

    private func compile(_ uri: String) -> SchemaValidator? {
        try? SchemaValidator(registry: registry, uri: uri, options: SchemaCompiler.Options(defaultDialect: dialect))
    }
}

/// Compiled validators by schema URI, shared by copies of the checker.
private final class ValidatorCache: @unchecked Sendable {
    private let lock = NSLock()
    private var validators: [String: SchemaValidator?] = [:]

    func store(_ compiled: [(String, SchemaValidator)]) {
        lock.lock()
        for (uri, validator) in compiled { validators[uri] = validator }
        lock.unlock()
    }

    func validator(uri: String, make: () -> SchemaValidator?) -> SchemaValidator? {
        lock.lock()
        if let cached = validators[uri] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = make()
        lock.lock()
        validators[uri] = made
        lock.unlock()
        return made
    }
}
