import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes

/// What the body-only peers (`../shared/bench/py/schema_floor.py`, `js/ajv_floor.js`) build from
/// their bundle: per route, a compiled schema per request media type and per response status and
/// media type. Built here from the spec itself with the library's router and schema compiler, in
/// the dialect the validator uses.
struct BodyRoutes {
    struct Operation {
        /// By the media-type key as declared.
        var request: [String: SchemaValidator] = [:]
        /// In declaration order; each with its schemas by media-type key.
        var responses: [(status: StatusKey, media: [String: SchemaValidator])] = []

        /// The schemas of the response with `status`: the exact code first, then the range, then
        /// `default` (the peers look up the exact code, then `default`).
        func response(_ status: Int) -> [String: SchemaValidator]? {
            var range: [String: SchemaValidator]?
            var fallback: [String: SchemaValidator]?
            for entry in responses {
                switch entry.status.kind {
                case .code(let code): if code == status { return entry.media }
                case .range(let digit): if range == nil, status / 100 == digit { range = entry.media }
                case .default: fallback = entry.media
                }
            }
            return range ?? fallback
        }
    }

    let router: Router<Int>
    let operations: [Operation]

    init(spec path: String) {
        let loaded = SpecLoader().load(path: path)
        guard let document = loaded.document, let root = loaded.files.root else {
            fail("\(path) did not load: \(loaded.diagnostics.map(\.message))")
        }
        var registry = SchemaRegistry()
        var dialect: SchemaDialect = document.version.minor == 0 ? .openAPI30 : .openAPI31
        let main = SchemaSource.openAPIDocument(tree: root.tree, file: root.displayPath, baseURI: root.uri)
        dialect = main.dialect ?? dialect
        registry.register(main)
        for file in loaded.files.files.dropFirst() {
            registry.register(
                SchemaSource(tree: file.tree, file: file.displayPath, baseURI: file.uri, dialect: dialect))
        }
        var compiler = SchemaCompiler(registry: registry, options: .init(defaultDialect: dialect))
        // Handles first, validators once the program is finished.
        var pending: [(operation: Int, status: Int?, key: String, handle: SchemaHandle)] = []
        func compile(_ schema: Schema?) -> SchemaHandle? {
            guard let schema else { return nil }
            let uri = loaded.files[schema.node.file].uri + loaded.files.pointer(of: schema.node).fragment
            guard let handle = compiler.compile(uri: uri) else { fail("cannot compile \(uri)") }
            return handle
        }

        var operations: [Operation] = []
        var routes: [Router<Int>.Route] = []
        var statuses: [[StatusKey]] = []
        for (template, item) in document.paths?.items ?? OrderedMap() {
            guard let pathItem = loaded.references.resolve(item) else { continue }
            let parsed: PathTemplate
            do {
                parsed = try PathTemplate(parsing: template)
            } catch {
                fail("path template \(template): \(error)")
            }
            var methods: [(method: HTTPRequest.Method, operationID: Int)] = []
            for (method, operation) in pathItem.operations {
                guard let wire = HTTPRequest.Method(method.wireName) else { continue }
                let index = operations.count
                methods.append((wire, index))
                if let body = operation.requestBody.flatMap({ loaded.references.resolve($0) }) {
                    for (key, media) in body.content {
                        if let handle = compile(media.schema) { pending.append((index, nil, key, handle)) }
                    }
                }
                var keys: [StatusKey] = []
                for entry in operation.responses?.entries ?? [] {
                    guard let response = loaded.references.resolve(entry.response) else { continue }
                    for (key, media) in response.content {
                        if let handle = compile(media.schema) { pending.append((index, keys.count, key, handle)) }
                    }
                    keys.append(entry.status)
                }
                statuses.append(keys)
                operations.append(Operation())
            }
            routes.append(Router<Int>.Route(template: parsed, operations: methods))
        }
        for index in operations.indices {
            operations[index].responses = statuses[index].map { ($0, [:]) }
        }
        let program = compiler.finish()
        for item in pending {
            let validator = program.validator(item.handle)
            if let status = item.status {
                operations[item.operation].responses[status].media[item.key] = validator
            } else {
                operations[item.operation].request[item.key] = validator
            }
        }
        var servers: [ServerTemplate] = []
        for server in document.servers {
            let variables = zip(server.variables.keys, server.variables.values).map { name, variable in
                ServerTemplate.Variable(
                    name: name, defaultValue: variable.defaultValue, enumValues: variable.enumValues ?? [])
            }
            do {
                servers.append(try ServerTemplate(url: server.url, variables: variables))
            } catch {
                fail("server \(server.url): \(error)")
            }
        }
        router = Router<Int>(servers: servers, routes: routes)
        self.operations = operations
    }
}
