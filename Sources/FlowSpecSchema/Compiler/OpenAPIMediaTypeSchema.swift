public import FlowSpecModel
internal import FlowSpecYAML

/// The schema of one media type of one operation in an OpenAPI document: what to compile to validate
/// a request or response body.
///
/// ```swift
/// for entry in OpenAPIMediaTypeSchema.all(in: source) where entry.status == "200" {
///     let handle = compiler.compile(uri: entry.schemaURI)
/// }
/// ```
public struct OpenAPIMediaTypeSchema: Hashable, Sendable {
    /// The path template, such as `/flows/{flowId}`.
    public var path: String
    /// The method in lower case, such as `post`.
    public var method: String
    /// `nil` for the request body; the response's status key (`200`, `4XX`, `default`) otherwise.
    public var status: String?
    /// The media type as written, such as `application/json`.
    public var mediaType: String
    /// The JSON pointer of the media type's `schema` in the document (after following local `$ref`s
    /// of request bodies and responses).
    public var pointer: JSONPointer
    /// ``SchemaSource/baseURI`` with ``pointer`` as its fragment: pass it to ``SchemaCompiler/compile(uri:)``.
    public var schemaURI: String

    /// Every request and response media type schema of the document's `paths`, in document order.
    public static func all(in source: SchemaSource) -> [OpenAPIMediaTypeSchema] {
        let tree = source.tree
        let base = URIReference(source.baseURI).withoutFragment
        var result: [OpenAPIMediaTypeSchema] = []
        guard let paths = tree.value(forKey: "paths", in: source.root), tree.isMapping(paths) else { return result }
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        for pathEntry in tree.entries(paths) {
            guard let path = tree.scalar(pathEntry.key), tree.isMapping(pathEntry.value) else { continue }
            for operationEntry in tree.entries(pathEntry.value) {
                guard let method = tree.scalar(operationEntry.key), methods.contains(method) else { continue }
                let operationPointer = ["paths", path, method]
                let operation = operationEntry.value
                if let body = tree.value(forKey: "requestBody", in: operation) {
                    let (node, pointer) = follow(body, operationPointer + ["requestBody"], in: source)
                    add(node, pointer, status: nil)
                }
                if let responses = tree.value(forKey: "responses", in: operation), tree.isMapping(responses) {
                    for response in tree.entries(responses) {
                        let status = tree.scalar(response.key) ?? ""
                        let (node, pointer) = follow(
                            response.value, operationPointer + ["responses", status], in: source)
                        add(node, pointer, status: status)
                    }
                }
                func add(_ node: NodeID, _ pointer: [String], status: String?) {
                    guard let content = tree.value(forKey: "content", in: node), tree.isMapping(content) else { return }
                    for media in tree.entries(content) {
                        guard let mediaType = tree.scalar(media.key),
                            tree.value(forKey: "schema", in: media.value) != nil
                        else { continue }
                        let schemaPointer = JSONPointer(pointer + ["content", mediaType, "schema"])
                        result.append(
                            OpenAPIMediaTypeSchema(
                                path: path, method: method, status: status, mediaType: mediaType,
                                pointer: schemaPointer, schemaURI: base + schemaPointer.fragment))
                    }
                }
            }
        }
        return result
    }

    /// Follows local `$ref`s (`#/components/responses/NotFound`) from `node`.
    static func follow(_ node: NodeID, _ pointer: [String], in source: SchemaSource) -> (NodeID, [String]) {
        let tree = source.tree
        var node = node
        var pointer = pointer
        for _ in 0..<16 {
            guard tree.isMapping(node), let ref = tree.value(forKey: "$ref", in: node).flatMap(tree.scalar),
                ref.hasPrefix("#"), let tokens = SchemaCompiler.pointerTokens(String(ref.dropFirst()))
            else { break }
            var current = source.root
            var found = true
            for token in tokens {
                guard let next = tree.value(forKey: token, in: current) else {
                    found = false
                    break
                }
                current = next
            }
            guard found else { break }
            node = current
            pointer = tokens
        }
        return (node, pointer)
    }
}
