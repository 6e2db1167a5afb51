public import FlowSpecModel
public import FlowSpecYAML

/// What a rule looks at: the loaded document, its files and references, and walks over the parts
/// most rules need (operations, parameters, media types, schemas).
public struct LintContext: Sendable {
    public let document: OpenAPIDocument
    public let files: SpecFileSet
    public let references: ReferenceTable
    /// Validates an example node against a schema node (wired to the schema engine by ``Linter``).
    public let examples: (any ExampleChecker)?

    /// Every operation under `paths`, in document order (computed once: most rules walk it).
    public let operations: [OperationSite]
    /// Every media type of request bodies and responses reachable from operations, plus those in
    /// components not reached that way (computed once).
    public let mediaTypes: [MediaTypeSite]
    /// Every schema object in the document, each once, in document order of discovery (computed once).
    public let schemas: [SchemaSite]
    /// Every path key parsed as a template, in document order (computed once: the path rules and
    /// several others compare templates).
    let paths: [(template: PathTemplate, key: NodeRef)]
    /// Every `description`, `title` and `summary` string of the description (data skipped), in walk
    /// order (computed once: two Markdown rules scan them, and a walk of a large spec cost each of
    /// them more than its own test).
    let documentationTexts: [NodeRef]
    /// Every `$ref` entry (its key and value nodes) and every `x-hal-actions` key of the description,
    /// in walk order: found by the same walk, so that the rules that look for them need not walk the
    /// whole spec again.
    let referenceEntries: [(file: FileID, key: NodeID, value: NodeID)]
    let halActionsKeys: [NodeRef]
    /// What the pieces of a run made for each other (the examples to check).
    let shared = SharedResults()

    public init(result: LoadResult, document: OpenAPIDocument, examples: (any ExampleChecker)? = nil) {
        self.init(result: result, document: document, examples: examples, splitNodes: Self.splitNodes)
    }

    /// - Parameter splitNodes: from how many nodes the context is made on two threads.
    init(result: LoadResult, document: OpenAPIDocument, examples: (any ExampleChecker)?, splitNodes: Int) {
        self.document = document
        self.files = result.files
        self.references = result.references
        self.examples = examples
        // The walks over the model (operations, media types, schemas) and those over the trees and
        // path keys do not depend on each other: for a large spec they run on two threads, while
        // the rest of the lint run waits for this context.
        let nodes = result.files.files.reduce(0) { $0 + $1.tree.count }
        let parts = ParallelWork.map(2, threads: nodes >= splitNodes ? 2 : 1) { index -> Part in
            index == 0
                ? Self.modelPart(document, result.references) : Self.treePart(document, result.files)
        }
        guard case .model(let operations, let mediaTypes, let schemas) = parts[0],
            case .trees(let paths, let texts, let references, let halActions) = parts[1]
        else { preconditionFailure("ParallelWork returns the parts in order") }
        self.operations = operations
        self.mediaTypes = mediaTypes
        self.schemas = schemas
        self.paths = paths
        self.documentationTexts = texts
        self.referenceEntries = references
        self.halActionsKeys = halActions
    }

    /// Specs with at least this many nodes make their context on two threads; a small one is done
    /// before a thread would have started.
    static let splitNodes = 50_000

    /// The two halves of making a context.
    private enum Part: Sendable {
        case model(operations: [OperationSite], mediaTypes: [MediaTypeSite], schemas: [SchemaSite])
        case trees(
            paths: [(template: PathTemplate, key: NodeRef)], texts: [NodeRef],
            references: [(file: FileID, key: NodeID, value: NodeID)], halActions: [NodeRef])
    }

    private static func modelPart(_ document: OpenAPIDocument, _ references: ReferenceTable) -> Part {
        let operations = collectOperations(document, references)
        let mediaTypes = collectMediaTypes(document, references, operations)
        return .model(
            operations: operations, mediaTypes: mediaTypes,
            schemas: collectSchemas(document, references, operations, mediaTypes))
    }

    private static func treePart(_ document: OpenAPIDocument, _ files: SpecFileSet) -> Part {
        let paths =
            document.paths.map { paths in
                zip(paths.items.keys, paths.items.keyNodes).map { (PathTemplate($0), $1) }
            } ?? []
        var texts: [NodeRef] = []
        var references: [(file: FileID, key: NodeID, value: NodeID)] = []
        var halActions: [NodeRef] = []
        DocumentWalk.entries(files) { file, tree, key, value in
            if tree.scalar(key, equals: "$ref") {
                references.append((file, key, value))
                return
            }
            if tree.scalar(key, equals: "x-hal-actions") {
                halActions.append(NodeRef(file: file, node: key))
                return
            }
            guard tree.isScalar(value), tree.scalarType(value) == .string,
                tree.scalar(key, equals: "description") || tree.scalar(key, equals: "title")
                    || tree.scalar(key, equals: "summary")
            else { return }
            texts.append(NodeRef(file: file, node: value))
        }
        return .trees(paths: paths, texts: texts, references: references, halActions: halActions)
    }

    public var version: OpenAPIVersion { document.version }

    /// The tree a node lives in.
    public func tree(_ node: NodeRef) -> YAMLTree { files[node.file].tree }

    /// A scalar node's text.
    public func text(_ node: NodeRef) -> String? { tree(node).scalar(node.node) }

    // MARK: Walks

    /// One operation with where it is.
    ///
    /// A class: rules walk every operation many times and media type sites hold theirs, and copying
    /// the path item and operation values retained and released each of their dozens of fields.
    public final class OperationSite: Sendable {
        public let path: String
        public let pathKey: NodeRef
        public let pathItem: PathItem
        public let method: HTTPMethod
        public let operation: Operation

        init(path: String, pathKey: NodeRef, pathItem: PathItem, method: HTTPMethod, operation: Operation) {
            self.path = path
            self.pathKey = pathKey
            self.pathItem = pathItem
            self.method = method
            self.operation = operation
        }
    }

    static func collectOperations(_ document: OpenAPIDocument, _ references: ReferenceTable) -> [OperationSite] {
        var result: [OperationSite] = []
        guard let paths = document.paths else { return result }
        for (index, (path, item)) in paths.items.enumerated() {
            guard let pathItem = references.resolve(item) else { continue }
            for (method, operation) in pathItem.operations {
                result.append(
                    OperationSite(
                        path: path, pathKey: paths.items.keyNodes[index], pathItem: pathItem, method: method,
                        operation: operation))
            }
        }
        return result
    }

    /// The parameters in force for an operation: the path item's, overridden by the operation's
    /// (same name and location), resolved.
    public func parameters(of site: OperationSite) -> [Parameter] { Self.parameters(of: site, references) }

    static func parameters(of site: OperationSite, _ references: ReferenceTable) -> [Parameter] {
        var result: [Parameter] = []
        for item in site.operation.parameters {
            if let parameter = references.resolve(item) { result.append(parameter) }
        }
        for item in site.pathItem.parameters {
            guard let parameter = references.resolve(item) else { continue }
            if !result.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                result.append(parameter)
            }
        }
        return result
    }

    /// A media type object with where it is and whether it belongs to a request or a response (a
    /// class, as ``OperationSite`` is).
    public final class MediaTypeSite: Sendable {
        public let key: String
        public let keyNode: NodeRef
        public let mediaType: MediaTypeObject
        public let isRequest: Bool
        public let operation: OperationSite?

        init(key: String, keyNode: NodeRef, mediaType: MediaTypeObject, isRequest: Bool, operation: OperationSite?) {
            self.key = key
            self.keyNode = keyNode
            self.mediaType = mediaType
            self.isRequest = isRequest
            self.operation = operation
        }
    }

    static func collectMediaTypes(
        _ document: OpenAPIDocument, _ references: ReferenceTable, _ operations: [OperationSite]
    ) -> [MediaTypeSite] {
        var result: [MediaTypeSite] = []
        var seen = Set<NodeRef>()
        func add(_ content: OrderedMap<MediaTypeObject>, isRequest: Bool, site: OperationSite?) {
            for (index, (key, media)) in content.enumerated() where seen.insert(media.node).inserted {
                result.append(
                    MediaTypeSite(
                        key: key, keyNode: content.keyNodes[index], mediaType: media, isRequest: isRequest,
                        operation: site))
            }
        }
        for site in operations {
            if let body = site.operation.requestBody.flatMap(references.resolve) {
                add(body.content, isRequest: true, site: site)
            }
            for entry in site.operation.responses?.entries ?? [] {
                if let response = references.resolve(entry.response) {
                    add(response.content, isRequest: false, site: site)
                }
            }
        }
        if let components = document.components {
            for case .value(let body) in components.requestBodies.values {
                add(body.content, isRequest: true, site: nil)
            }
            for case .value(let response) in components.responses.values {
                add(response.content, isRequest: false, site: nil)
            }
        }
        return result
    }

    /// A schema with where it was found.
    public struct SchemaSite: Sendable {
        public var schema: Schema
        /// The object schema, or `nil` for a boolean schema.
        public var object: SchemaObject? { schema.object }
    }

    /// Every schema object in the document (components, parameters, headers, media types, nested
    /// subschemas, and the targets of schema `$ref`s in other files), each once.
    static func collectSchemas(
        _ document: OpenAPIDocument, _ references: ReferenceTable, _ operations: [OperationSite],
        _ mediaTypes: [MediaTypeSite]
    ) -> [SchemaSite] {
        var result: [SchemaSite] = []
        var seen = Set<NodeRef>()
        func walk(_ schema: Schema?) {
            guard let schema, seen.insert(schema.node).inserted else { return }
            result.append(SchemaSite(schema: schema))
            guard let s = schema.object else { return }
            // A reference's target is walked too, so schemas in other files are reached.
            if let ref = s.ref, let target = references.schema(ref) { walk(target) }
            for child in s.allOf ?? [] { walk(child) }
            for child in s.anyOf ?? [] { walk(child) }
            for child in s.oneOf ?? [] { walk(child) }
            for child in s.prefixItems ?? [] { walk(child) }
            for child in s.properties.values { walk(child) }
            for child in s.patternProperties.values { walk(child) }
            for child in s.defs.values { walk(child) }
            for child in s.dependentSchemas.values { walk(child) }
            // One call each rather than a loop over an array of them, which was made for every schema.
            walk(s.not)
            walk(s.items)
            walk(s.contains)
            walk(s.additionalProperties)
            walk(s.propertyNames)
            walk(s.ifSchema)
            walk(s.thenSchema)
            walk(s.elseSchema)
            walk(s.unevaluatedItems)
            walk(s.unevaluatedProperties)
            walk(s.contentSchema)
        }
        func walkHeader(_ header: Header?) {
            guard let header else { return }
            walk(header.schema)
            for media in header.content.values { walk(media.schema) }
        }
        for schema in document.components?.schemas.values ?? [] { walk(schema) }
        for site in operations {
            for parameter in parameters(of: site, references) {
                walk(parameter.schema)
                for media in parameter.content.values { walk(media.schema) }
            }
            for entry in site.operation.responses?.entries ?? [] {
                for header in references.resolve(entry.response)?.headers.values ?? [] {
                    walkHeader(references.resolve(header))
                }
            }
        }
        for site in mediaTypes { walk(site.mediaType.schema) }
        for case .value(let parameter) in document.components?.parameters.values ?? [] {
            walk(parameter.schema)
            for media in parameter.content.values { walk(media.schema) }
        }
        for case .value(let header) in document.components?.headers.values ?? [] { walkHeader(header) }
        for case .value(let response) in document.components?.responses.values ?? [] {
            for header in response.headers.values { walkHeader(references.resolve(header)) }
        }
        return result
    }
}

/// Checks an example against a schema; the linter wires the schema engine in, so that FlowSpecLint's
/// rules do not depend on how validation is done.
public protocol ExampleChecker: Sendable {
    /// Called once, before ``prepare(_:)`` and while the linter builds its ``LintContext`` on another
    /// thread: work that needs only the loaded files (registering them with a schema engine).
    func prepareFiles()

    /// Called once before the rules run, so that a checker can compile every schema that has examples
    /// in one go (shared references are then compiled once, not once per example).
    func prepare(_ context: LintContext)

    /// The problems of the example at `example` against the schema at `schema`, each as a message and
    /// the JSON pointer into the example; empty when it is valid.
    func check(example: NodeRef, against schema: NodeRef, isRequest: Bool) -> [ExampleProblem]
}

extension ExampleChecker {
    public func prepareFiles() {}
    public func prepare(_ context: LintContext) {}
}

/// One reason an example does not match its schema.
public struct ExampleProblem: Sendable, Hashable {
    public var message: String
    public var instancePointer: JSONPointer

    public init(message: String, instancePointer: JSONPointer) {
        self.message = message
        self.instancePointer = instancePointer
    }
}
