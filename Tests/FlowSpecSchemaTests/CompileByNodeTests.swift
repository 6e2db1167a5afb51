import FlowSpecModel
import FlowSpecYAML
import Testing

@testable import FlowSpecSchema

/// `compile(fileURI:node:pointer:)` compiles what `compile(fileURI:pointer:)` compiles: the same
/// verdicts and the same errors (messages, instance pointers and schema locations), whether it skips
/// following the pointer (nothing on the way can change the base URI or the dialect) or follows it.
@Suite("Compiler: schemas compiled by node")
struct CompileByNodeTests {
    /// OpenAPI 3.0, no identifiers: the pointer is not followed.
    static let plain = """
        openapi: 3.0.3
        paths:
          /pets/{id}:
            get:
              responses:
                '200':
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string, minLength: 2}
                tag: {$ref: '#/components/schemas/Tag'}
                kinds:
                  type: array
                  items: {$ref: '#/components/schemas/Tag'}
            Tag: {type: string, enum: [a, b]}
        """

    /// OpenAPI 3.1 with an `$id` on the way: a relative `$ref` below it resolves against it, so the
    /// pointer is followed.
    static let identified = """
        openapi: 3.1.0
        components:
          schemas:
            Outer:
              $id: https://example.test/outer
              $defs:
                inner: {type: integer, minimum: 3}
              properties:
                x: {$ref: '#/$defs/inner'}
                y:
                  type: object
                  properties:
                    z: {$ref: '#/$defs/inner'}
        """

    static let instances: [JSONValue] = [
        ["name": "rex", "tag": "a", "kinds": ["a", "b"]], ["name": "r", "tag": "c", "kinds": ["x"]], [:], 7,
        ["x": 3, "y": ["z": 1]], ["x": "no", "y": ["z": 4]], "text",
    ]

    @Test(arguments: [
        (plain, [["components", "schemas", "Pet"], ["components", "schemas", "Tag"],
                 ["components", "schemas", "Pet", "properties", "name"],
                 ["paths", "/pets/{id}", "get", "responses", "200", "content", "application/json", "schema"]]),
        (identified, [["components", "schemas", "Outer"], ["components", "schemas", "Outer", "properties", "y"],
                      ["components", "schemas", "Outer", "properties", "y", "properties", "z"]]),
    ])
    func compilesWhatThePointerNames(yaml: String, pointers: [[String]]) throws {
        let registry = Fixture.document(yaml)
        let tree = try #require(registry.sources.last?.tree)
        var byPointer = SchemaCompiler(registry: registry, options: .init(defaultDialect: .openAPI30))
        var byNode = SchemaCompiler(registry: registry, options: .init(defaultDialect: .openAPI30))
        var handles: [(SchemaHandle, SchemaHandle)] = []
        for tokens in pointers {
            let node = try #require(Self.node(at: tokens, in: tree), "\(tokens)")
            let pointer = JSONPointer(tokens)
            let expected = byPointer.compile(fileURI: "file:///test/openapi.yaml", pointer: pointer)
            let found = byNode.compile(fileURI: "file:///test/openapi.yaml", node: node, pointer: pointer)
            handles.append((try #require(expected), try #require(found)))
        }
        let expectedProgram = byPointer.finish()
        let foundProgram = byNode.finish()
        for (expected, found) in handles {
            for instance in Self.instances {
                #expect(
                    foundProgram.validator(found).validate(instance).errors
                        == expectedProgram.validator(expected).validate(instance).errors)
            }
        }
    }

    @Test func aFileWithIdentifiersFollowsThePointer() throws {
        let registry = Fixture.document(Self.identified)
        let tree = try #require(registry.sources.last?.tree)
        let tokens = ["components", "schemas", "Outer", "properties", "x"]
        let node = try #require(Self.node(at: tokens, in: tree))
        var compiler = SchemaCompiler(registry: registry)
        let compiled = compiler.compile(fileURI: "file:///test/openapi.yaml", node: node, pointer: JSONPointer(tokens))
        let handle = try #require(compiled)
        // `#/$defs/inner` resolves against the `$id`, which only following the pointer sees.
        let validator = compiler.finish().validator(handle)
        #expect(validator.validate(3).isValid)
        #expect(validator.validate(2).errors.map(\.code) == ["schema.minimum"])
    }

    /// The node at `tokens` from the root (first key wins, as in the compiler's walk).
    static func node(at tokens: [String], in tree: YAMLTree) -> NodeID? {
        var node = tree.root
        for token in tokens {
            guard let next = tree.value(forKey: token, in: node) else { return nil }
            node = next
        }
        return node
    }
}
