/// Where every `$ref` of a loaded spec points, and the typed object at each target.
///
/// Filled by the loader: references are values in the model and are never inlined, so recursive
/// schemas cost nothing and a reference's own position is kept.
public struct ReferenceTable: Sendable {
    /// The target of each `$ref`, keyed by the `$ref` value's node.
    var targets: [NodeRef: NodeRef] = [:]
    var objects: [ObjectKey: ResolvedObject] = [:]

    struct ObjectKey: Hashable, Sendable {
        var kind: ObjectKind
        var node: NodeRef
    }

    /// Indirect: the objects are large structs (a response or a parameter is hundreds of bytes), and a
    /// dictionary stores its values inline in every bucket, used or not.
    indirect enum ResolvedObject: Sendable {
        case schema(Schema)
        case response(Response)
        case parameter(Parameter)
        case example(Example)
        case requestBody(RequestBody)
        case header(Header)
        case securityScheme(SecurityScheme)
        case link(Link)
        case callback(Callback)
        case pathItem(PathItem)
    }

    public init() {}

    /// The node `reference` points to (after following chains of references), or `nil` when it did
    /// not resolve.
    public func target(of reference: Reference) -> NodeRef? { targets[reference.node] }

    /// The number of resolved references.
    public var count: Int { targets.count }

    private func object(_ kind: ObjectKind, _ reference: Reference) -> ResolvedObject? {
        guard let target = targets[reference.node] else { return nil }
        return objects[ObjectKey(kind: kind, node: target)]
    }

    public func schema(_ reference: Reference) -> Schema? {
        if case .schema(let value) = object(.schema, reference) { return value }
        return nil
    }

    public func resolve(_ item: Referenceable<Response>) -> Response? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .response(let value) = object(.response, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<Parameter>) -> Parameter? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .parameter(let value) = object(.parameter, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<Example>) -> Example? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .example(let value) = object(.example, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<RequestBody>) -> RequestBody? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .requestBody(let value) = object(.requestBody, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<Header>) -> Header? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .header(let value) = object(.header, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<SecurityScheme>) -> SecurityScheme? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .securityScheme(let value) = object(.securityScheme, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<Link>) -> Link? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .link(let value) = object(.link, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<Callback>) -> Callback? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .callback(let value) = object(.callback, r) { return value }
            return nil
        }
    }

    public func resolve(_ item: Referenceable<PathItem>) -> PathItem? {
        switch item {
        case .value(let value): return value
        case .reference(let r):
            if case .pathItem(let value) = object(.pathItem, r) { return value }
            return nil
        }
    }

    /// A schema, following its `$ref` when it is a pure reference (3.0, or 3.1 without siblings).
    public func resolve(_ schema: Schema) -> Schema {
        var current = schema
        var hops = 0
        while case .object(let object) = current, let ref = object.ref, hops < 64 {
            guard let next = self.schema(ref) else { break }
            current = next
            hops += 1
        }
        return current
    }
}
