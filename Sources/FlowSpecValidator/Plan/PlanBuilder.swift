import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import HTTPTypes

/// Turns a loaded document into a ``ValidationPlan``: the router, a parameter decoder and compiled
/// schema per parameter, a media-type matcher and compiled schema per body, and the status lookups
/// of every operation. Everything a validation would otherwise look up by name is resolved here.
struct PlanBuilder {
    let loaded: LoadResult
    let document: OpenAPIDocument
    let options: ValidatorOptions
    var compiler: SchemaCompiler
    var handles: [SchemaHandle] = []
    var slots: [NodeRef: Int] = [:]
    var properties: PropertyTreeBuilder
    var diagnostics: [Diagnostic] = []

    var files: SpecFileSet { loaded.files }
    var references: ReferenceTable { loaded.references }

    init(loaded: LoadResult, document: OpenAPIDocument, options: ValidatorOptions) {
        self.loaded = loaded
        self.document = document
        self.options = options
        var registry = SchemaRegistry()
        var dialect: SchemaDialect = document.version.minor == 0 ? .openAPI30 : .openAPI31
        for (index, file) in loaded.files.files.enumerated() {
            if index == 0 {
                let source = SchemaSource.openAPIDocument(tree: file.tree, file: file.displayPath, baseURI: file.uri)
                dialect = source.dialect ?? dialect
                registry.register(source)
            } else {
                registry.register(
                    SchemaSource(tree: file.tree, file: file.displayPath, baseURI: file.uri, dialect: dialect))
            }
        }
        compiler = SchemaCompiler(registry: registry, options: .init(defaultDialect: dialect))
        properties = PropertyTreeBuilder(references: loaded.references)
    }

    // MARK: - Whole document

    mutating func build() -> ValidationPlan {
        var operations: [OperationPlan] = []
        var routes: [Router<Int>.Route] = []
        var servers: [Server] = document.servers
        let paths = document.paths
        for (index, item) in (paths?.items ?? OrderedMap()).enumerated() {
            let template = item.key
            guard let pathItem = references.resolve(item.value) else { continue }
            let keyNode = paths?.items.keyNodes[index] ?? pathItem.node
            let parsed: PathTemplate
            do {
                parsed = try PathTemplate(parsing: template)
            } catch {
                report(.invalidValue, "path template `\(template)` cannot be routed: \(error)", at: keyNode)
                continue
            }
            servers += pathItem.servers ?? []
            var methods: [(method: HTTPRequest.Method, operationID: Int)] = []
            for (method, operation) in pathItem.operations {
                servers += operation.servers ?? []
                guard let wire = HTTPRequest.Method(method.wireName) else { continue }
                let plan = operationPlan(
                    operation, method: method, template: template, pathItem: pathItem, index: operations.count)
                methods.append((wire, operations.count))
                operations.append(plan)
            }
            routes.append(Router<Int>.Route(template: parsed, operations: methods))
        }
        let router = Router<Int>(servers: serverTemplates(servers), routes: routes)
        let program = compiler.finish()
        let schemas = handles.map { program.validator($0) }
        for diagnostic in program.diagnostics { diagnostics.append(diagnostic) }
        markEmptyBodies(operations, schemas: schemas)
        let coverage = CoverageCatalog(operations: operations.map(Self.coverage))
        return ValidationPlan(
            router: router, operations: operations, schemas: schemas, properties: properties.tree, options: options,
            coverage: coverage, diagnostics: diagnostics,
            pathsSite: paths.map { SpecSite($0.node, in: files) } ?? SpecSite(document.node, in: files))
    }

    /// The server templates of every server the document declares, `/` when it declares none.
    mutating func serverTemplates(_ servers: [Server]) -> [ServerTemplate] {
        var templates: [ServerTemplate] = []
        var seen: Set<String> = []
        for server in servers where seen.insert(server.url).inserted {
            let variables = zip(server.variables.keys, server.variables.values).map { name, variable in
                ServerTemplate.Variable(
                    name: name, defaultValue: variable.defaultValue, enumValues: variable.enumValues ?? [])
            }
            do {
                templates.append(try ServerTemplate(url: server.url, variables: variables))
            } catch {
                report(.invalidValue, "server URL `\(server.url)` cannot be routed: \(error)", at: server.node)
            }
        }
        return templates
    }

    /// An optional body accepts an empty request when its schema accepts `{}`.
    func markEmptyBodies(_ operations: [OperationPlan], schemas: [SchemaValidator]) {
        let empty = JSONValue.object(JSONObject())
        for index in operations.indices {
            guard let body = operations[index].requestBody, !body.required else { continue }
            for mediaIndex in body.media.indices {
                let slot = body.media[mediaIndex].schema
                body.media[mediaIndex].acceptsEmpty =
                    slot < 0 || schemas[slot].isValid(empty, options: ValidationOptions(direction: .request))
            }
        }
    }

    static func coverage(_ plan: OperationPlan) -> CoverageCatalog.Operation {
        CoverageCatalog.Operation(
            id: plan.matched.id, method: plan.matched.method, pathTemplate: plan.matched.pathTemplate,
            requestMediaTypeKeys: plan.requestBody?.media.map(\.key) ?? [],
            requestBodyOptional: plan.requestBody.map { !$0.required } ?? true,
            responses: plan.responses.responses.map {
                CoverageCatalog.Response(statusKey: $0.statusKey, mediaTypeKeys: $0.media.map(\.key))
            })
    }

    // MARK: - Operations

    mutating func operationPlan(
        _ operation: Operation, method: HTTPMethod, template: String, pathItem: PathItem, index: Int
    ) -> OperationPlan {
        let id = operation.operationId ?? "\(method.wireName) \(template)"
        let matched = MatchedOperation(
            id: id, method: method.wireName, pathTemplate: template, node: operation.node, index: index)
        return OperationPlan(
            matched: matched, site: SpecSite(operation.node, in: files),
            parameters: parameterPlans(pathItem.parameters, operation.parameters, template: template),
            requestBody: operation.requestBody.flatMap { requestBodyPlan($0) },
            responses: responsesPlan(operation.responses, operationNode: operation.node))
    }

    // MARK: - Schemas

    /// The slot of the compiled schema at `schema`'s node; -1 when there is none.
    mutating func schemaSlot(_ schema: Schema?) -> Int {
        guard let schema else { return -1 }
        let node = schema.node
        if let slot = slots[node] { return slot }
        let file = files[node.file]
        let uri = file.uri + files.pointer(of: node).fragment
        guard let handle = compiler.compile(uri: uri) else {
            report(.invalidValue, "the schema at `\(uri)` cannot be compiled", at: node)
            slots[node] = -1
            return -1
        }
        handles.append(handle)
        slots[node] = handles.count - 1
        return handles.count - 1
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at node: NodeRef, severity: Severity = .error) {
        diagnostics.append(
            Diagnostic(
                code: code, severity: severity, message: message, location: files.location(of: node),
                pointer: files.pointer(of: node)))
    }
}
