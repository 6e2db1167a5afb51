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

    public func check(example: NodeRef, against schema: NodeRef, isRequest: Bool) -> [ExampleProblem] {
        let file = files[schema.file]
        let uri = file.uri + file.pointer(of: schema.node).fragment
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
