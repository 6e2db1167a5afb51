import FlowSpecModel
import FlowSpecYAML

/// Rules about examples: Spectral's `oas3-valid-media-example` and `oas3-valid-schema-example`, which
/// need the schema engine (``LintContext/examples``), and FlowSpec's `example-read-write-only`.
public enum ExampleRules {
    // readWriteOnly walks every example of a large spec: it is started among the first rules.
    public static let all: [LintRule] = [validMediaExample, validSchemaExample, readWriteOnly.weighing(8)]

    /// The rules that validate examples with the ``LintContext/examples`` checker: the linter runs
    /// them together, after the checker has compiled their schemas.
    static let checkerRuleIDs: Set<DiagnosticCode> = [validMediaExample.id, validSchemaExample.id]

    /// An example value to check, the schema it illustrates, and whether it is part of a request.
    struct ExampleSite: Sendable {
        var value: NodeRef
        var schema: Schema
        var isRequest: Bool
    }

    /// The example values of a media type, parameter or header: `example`, and each of `examples`
    /// that has a `value` (an `externalValue` cannot be checked here).
    static func values(
        example: NodeRef?, examples: OrderedMap<Referenceable<Example>>, in context: LintContext
    ) -> [NodeRef] {
        var result: [NodeRef] = []
        if let example { result.append(example) }
        for item in examples.values {
            if let value = context.references.resolve(item)?.value { result.append(value) }
        }
        return result
    }

    /// Every example of a media type, parameter or header with the schema it must match (listed once
    /// per run: the example checker and every part of the example rule ask).
    static func mediaExamples(_ context: LintContext) -> [ExampleSite] {
        context.shared.mediaExamples { listMediaExamples(context) }
    }

    private static func listMediaExamples(_ context: LintContext) -> [ExampleSite] {
        var result: [ExampleSite] = []
        func add(_ media: MediaTypeObject, isRequest: Bool) {
            guard let schema = media.schema else { return }
            for value in values(example: media.example, examples: media.examples, in: context) {
                result.append(ExampleSite(value: value, schema: schema, isRequest: isRequest))
            }
        }
        for site in context.mediaTypes { add(site.mediaType, isRequest: site.isRequest) }
        for parameter in ParameterRules.parameters(context) {
            if let schema = parameter.schema {
                for value in values(example: parameter.example, examples: parameter.examples, in: context) {
                    result.append(ExampleSite(value: value, schema: schema, isRequest: true))
                }
            }
            for media in parameter.content.values { add(media, isRequest: true) }
        }
        for header in headers(context) {
            if let schema = header.schema {
                for value in values(example: header.example, examples: header.examples, in: context) {
                    result.append(ExampleSite(value: value, schema: schema, isRequest: false))
                }
            }
            for media in header.content.values { add(media, isRequest: false) }
        }
        return result
    }

    /// The schemas that ``validMediaExample`` and ``validSchemaExample`` check examples against, each
    /// once, in document order: the example checker compiles them together before the rules run.
    static func checkedSchemas(_ context: LintContext) -> [NodeRef] {
        var result: [NodeRef] = []
        var seen = Set<NodeRef>()
        for site in mediaExamples(context) where seen.insert(site.schema.node).inserted {
            result.append(site.schema.node)
        }
        for site in context.schemas {
            guard let schema = site.object,
                schema.example != nil || !(schema.examples ?? []).isEmpty || schema.defaultValue != nil
            else { continue }
            if seen.insert(site.schema.node).inserted { result.append(site.schema.node) }
        }
        return result
    }

    /// Every response header of the document, each once.
    static func headers(_ context: LintContext) -> [Header] {
        var result: [Header] = []
        var seen = Set<NodeRef>()
        func add(_ items: some Sequence<Referenceable<Header>>) {
            for item in items {
                if let header = context.references.resolve(item), seen.insert(header.node).inserted {
                    result.append(header)
                }
            }
        }
        for site in context.operations {
            for entry in site.operation.responses?.entries ?? [] {
                add(context.references.resolve(entry.response)?.headers.values ?? [])
            }
        }
        if let components = context.document.components {
            for case .value(let response) in components.responses.values { add(response.headers.values) }
            add(components.headers.values)
        }
        return result
    }

    /// Reports each problem the schema engine finds with `site`'s example.
    static func check(_ site: ExampleSite, with checker: any ExampleChecker, _ findings: inout LintFindings) {
        for problem in checker.check(example: site.value, against: site.schema.node, isRequest: site.isRequest) {
            let place = problem.instancePointer.isRoot ? "" : " at `\(problem.instancePointer)`"
            findings.report(
                "the example does not match its schema\(place): \(problem.message)", at: site.value,
                hint: "fix the example, or the schema if the example is right")
        }
    }

    static let validMediaExample = LintRule(
        id: "oas3-valid-media-example", severity: .error,
        summary: "Examples of media types, parameters and headers match their schemas.",
        description: """
            Examples are what readers copy and what mock servers return; one that does not match its schema \
            teaches the wrong request or hides a wrong schema. Each `example` and each `examples` entry's \
            `value` of a media type, parameter or header is validated against its `schema`, with readOnly \
            properties allowed only in responses and writeOnly ones only in requests. Needs the schema engine: \
            the rule reports nothing until the linter is given an example checker.
            """,
        category: "examples"
    ).splitting(into: 8, weight: 6) { context, part, parts, findings in
        // The longest rule of a large spec, and the last to start (it waits for the schemas to
        // compile): its examples are dealt out to parts that the threads share.
        guard let checker = context.examples else { return }
        for (index, site) in mediaExamples(context).enumerated() where index % parts == part {
            check(site, with: checker, &findings)
        }
    }

    static let validSchemaExample = LintRule(
        id: "oas3-valid-schema-example", severity: .error,
        summary: "A schema's own `example`, `examples` and `default` match the schema.",
        description: """
            A schema's `example` (and in 3.1 each of its `examples`, and its `default`) is shown in \
            documentation and used by generators and mock servers; one that the schema rejects is a mistake \
            in one or the other. The values are validated against the schema they belong to (as in a \
            response). Needs the schema engine: the rule reports nothing until the linter is given an \
            example checker.
            """,
        category: "examples"
    ) { context, findings in
        guard let checker = context.examples else { return }
        for site in context.schemas {
            guard let schema = site.object else { continue }
            var values: [NodeRef] = []
            if let example = schema.example { values.append(example) }
            values += schema.examples ?? []
            if let value = schema.defaultValue { values.append(value) }
            for value in values {
                check(ExampleSite(value: value, schema: site.schema, isRequest: false), with: checker, &findings)
            }
        }
    }

    static let readWriteOnly = LintRule(
        id: "example-read-write-only", severity: .warning,
        summary: "Request examples have no readOnly properties, and response examples no writeOnly ones.",
        description: """
            A readOnly property (an id, a creation time) is set by the server and SHOULD NOT be sent; a \
            writeOnly one (a password) is sent but never returned. An example that shows a readOnly property \
            in a request, or a writeOnly one in a response, teaches clients the wrong message. Remove the \
            property from the example, or fix the schema's `readOnly`/`writeOnly`.
            """,
        category: "examples"
    ) { context, findings in
        // One walker per direction, so the schemas' resolved parts are shared by every example.
        var walkers = [
            ReadWriteWalker(context: context, isRequest: false), ReadWriteWalker(context: context, isRequest: true),
        ]
        // A direction whose flag no schema sets has nothing to find: most specs have no writeOnly
        // property, and walking every response example for one was most of this rule's time. Every
        // schema a walker meets (resolved references, members, properties, items) is in
        // `context.schemas`.
        let flagged = [
            context.schemas.contains { $0.object?.writeOnly == true },
            context.schemas.contains { $0.object?.readOnly == true },
        ]
        for site in context.mediaTypes where flagged[site.isRequest ? 1 : 0] {
            guard let schema = site.mediaType.schema else { continue }
            for value in values(example: site.mediaType.example, examples: site.mediaType.examples, in: context) {
                let found = walkers[site.isRequest ? 1 : 0].collect(value, schema)
                for (key, pointer, name) in found {
                    let (flag, place) = site.isRequest ? ("readOnly", "request") : ("writeOnly", "response")
                    let at = pointer.tokens.count > 1 ? " (at `\(pointer)`)" : ""
                    findings.report(
                        "the \(place) example has the \(flag) property `\(name)`\(at)",
                        at: key,
                        hint: site.isRequest
                            ? "remove `\(name)` from the request example: the server sets it"
                            : "remove `\(name)` from the response example: the server never returns it")
                }
            }
        }
    }
}

/// Walks an example beside its schema and collects the properties that break `readOnly` (in a
/// request) or `writeOnly` (in a response).
struct ReadWriteWalker {
    let context: LintContext
    let isRequest: Bool
    var found: [(key: NodeRef, pointer: JSONPointer, name: String)] = []
    /// The path from the example's root, as tokens; a pointer is made only for a finding.
    private var path: [String] = []
    /// ``Shape`` of the schemas met so far, by schema node: the same schemas come back in example
    /// after example, and finding a property by name in each part was most of this rule's time.
    private var shapes: [NodeRef: Shape] = [:]
    /// Whether each property schema met so far has the flag that breaks the rule in this direction.
    private var broken: [NodeRef: Bool] = [:]

    /// What the walk needs of a schema: its properties by name (the first part that declares a
    /// name wins) and the `items` of its first part that has one.
    struct Shape {
        var properties: [String: Schema] = [:]
        var items: Schema?
    }

    init(context: LintContext, isRequest: Bool) {
        self.context = context
        self.isRequest = isRequest
    }

    /// The properties of the example at `value` that break the flags of `schema`, in example order.
    mutating func collect(_ value: NodeRef, _ schema: Schema) -> [(key: NodeRef, pointer: JSONPointer, name: String)] {
        found = []
        path = []
        visit(value, schema, depth: 0)
        return found
    }

    /// The object schemas that apply to a value: the schema, its `$ref` target and `allOf` members.
    func parts(of schema: Schema, depth: Int) -> [SchemaObject] {
        guard depth < 16, let object = context.references.resolve(schema).object else { return [] }
        var result = [object]
        if let ref = object.ref, let target = context.references.schema(ref) {
            result += parts(of: target, depth: depth + 1)
        }
        for member in object.allOf ?? [] { result += parts(of: member, depth: depth + 1) }
        return result
    }

    private mutating func shape(of schema: Schema) -> Shape {
        if let known = shapes[schema.node] { return known }
        var shape = Shape()
        for part in parts(of: schema, depth: 0) {
            for (name, property) in part.properties where shape.properties[name] == nil {
                shape.properties[name] = property
            }
            if shape.items == nil { shape.items = part.items }
        }
        shapes[schema.node] = shape
        return shape
    }

    private mutating func isBroken(_ property: Schema) -> Bool {
        if let known = broken[property.node] { return known }
        let flags = parts(of: property, depth: 0)
        let result = isRequest ? flags.contains { $0.readOnly == true } : flags.contains { $0.writeOnly == true }
        broken[property.node] = result
        return result
    }

    mutating func visit(_ value: NodeRef, _ schema: Schema, depth: Int) {
        guard depth < 32 else { return }
        let shape = shape(of: schema)
        let tree = context.tree(value)
        let entries = tree.entries(value.node)
        if !entries.isEmpty {
            // A schema without properties has nothing to find in the example's keys.
            guard !shape.properties.isEmpty else { return }
            for entry in entries {
                let key = NodeRef(file: value.file, node: entry.key)
                guard let name = tree.scalar(entry.key), let property = shape.properties[name] else { continue }
                if isBroken(property) {
                    found.append((key, JSONPointer(path + [name]), name))
                } else {
                    path.append(name)
                    visit(NodeRef(file: value.file, node: entry.value), property, depth: depth + 1)
                    path.removeLast()
                }
            }
        } else if let items = shape.items {
            for (index, item) in tree.items(value.node).enumerated() {
                path.append(String(index))
                visit(NodeRef(file: value.file, node: item), items, depth: depth + 1)
                path.removeLast()
            }
        }
    }
}
