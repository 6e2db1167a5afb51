import FlowSpecLint
import FlowSpecModel
import FlowSpecYAML
import Testing

/// A stand-in for the schema engine: checks `type` (following local `$ref`s and `properties`), enough
/// to see that the example rules hand the right example and schema nodes over and place the problems.
struct TypeOnlyChecker: ExampleChecker {
    let files: SpecFileSet

    init(_ loaded: LoadResult) { files = loaded.files }

    func check(example: NodeRef, against schema: NodeRef, isRequest: Bool) -> [ExampleProblem] {
        var problems: [ExampleProblem] = []
        visit(example, schema, JSONPointer(), &problems, depth: 0)
        return problems
    }

    func visit(
        _ value: NodeRef, _ schema: NodeRef, _ pointer: JSONPointer, _ problems: inout [ExampleProblem], depth: Int
    ) {
        guard depth < 16 else { return }
        let file = files[schema.file]
        let tree = file.tree
        if let ref = tree.value(forKey: "$ref", in: schema.node), let text = tree.scalar(ref),
            let target = JSONPointer(fragment: text).flatMap(file.node(at:))
        {
            visit(value, NodeRef(file: schema.file, node: target), pointer, &problems, depth: depth + 1)
            return
        }
        let valueTree = files[value.file].tree
        if let type = tree.value(forKey: "type", in: schema.node).flatMap(tree.scalar) {
            let actual: String
            switch valueTree.kind(value.node) {
            case .mapping: actual = "object"
            case .sequence: actual = "array"
            case .scalar:
                switch valueTree.scalarType(value.node) {
                case .int: actual = "integer"
                case .float: actual = "number"
                case .bool: actual = "boolean"
                case .null: actual = "null"
                case .string: actual = "string"
                }
            }
            if actual != type && !(type == "number" && actual == "integer") {
                problems.append(ExampleProblem(message: "expected \(type), found \(actual)", instancePointer: pointer))
                return
            }
        }
        guard let properties = tree.value(forKey: "properties", in: schema.node) else { return }
        for entry in valueTree.entries(value.node) {
            guard let name = valueTree.scalar(entry.key), let property = tree.value(forKey: name, in: properties) else {
                continue
            }
            visit(
                NodeRef(file: value.file, node: entry.value), NodeRef(file: schema.file, node: property),
                pointer.appending(name), &problems, depth: depth + 1)
        }
    }
}

/// The example rules, with the stand-in checker, and without one.
@Suite struct RulesExampleTests {
    static let mediaSpec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              parameters:
                - name: limit
                  in: query
                  schema: {type: integer}
                  example: ten
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        age: {type: integer}
                    examples:
                      good:
                        value: {age: 3}
                      bad:
                        value: {age: three}
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate:
                      schema: {type: integer}
                      example: lots

        """

    static let schemaSpec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Age:
              type: integer
              example: old
              default: 1
            Person:
              type: object
              properties:
                name: {type: string}
              examples:
                - name: Ann
                - name: 7

        """

    @Test func mediaExamplesAreCheckedAtTheirValues() throws {
        let found = try RulesTesting.lint(
            Self.mediaSpec, rules: [RulesTesting.rule("oas3-valid-media-example")], examples: TypeOnlyChecker.init)
        #expect(
            found.map(\.place) == [
                "10:20 oas3-valid-media-example", "22:24 oas3-valid-media-example", "29:24 oas3-valid-media-example",
            ])
        #expect(found[1].message == "the example does not match its schema at `/age`: expected integer, found string")
        #expect(found[0].message == "the example does not match its schema: expected integer, found string")
    }

    @Test func schemaExamplesAndDefaultsAreChecked() throws {
        let found = try RulesTesting.lint(
            Self.schemaSpec, rules: [RulesTesting.rule("oas3-valid-schema-example")], examples: TypeOnlyChecker.init)
        #expect(found.map(\.place) == ["8:16 oas3-valid-schema-example", "16:11 oas3-valid-schema-example"])
        #expect(found[1].message.contains("at `/name`"))
    }

    @Test(arguments: ["oas3-valid-media-example", "oas3-valid-schema-example"])
    func withoutTheSchemaEngineNothingIsReported(_ id: String) throws {
        #expect(try RulesTesting.places(Self.mediaSpec, RulesTesting.rule(id)).isEmpty)
        #expect(try RulesTesting.places(Self.schemaSpec, RulesTesting.rule(id)).isEmpty)
    }

    @Test func validExamplesPass() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Person'
                        example: {age: 3}
                  responses:
                    '200':
                      description: ok
            components:
              schemas:
                Person:
                  type: object
                  properties:
                    age: {type: integer, example: 4}

            """
        for id in ["oas3-valid-media-example", "oas3-valid-schema-example"] {
            #expect(try RulesTesting.places(spec, RulesTesting.rule(id), examples: TypeOnlyChecker.init).isEmpty)
        }
    }

    static let users = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /users:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/User'
                    example:
                      id: 7
                      name: Ann
                      password: secret
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/User'
                      examples:
                        created:
                          value:
                            id: 7
                            name: Ann
                            password: secret
                            friends:
                              - id: 8
                                password: x
        components:
          schemas:
            User:
              type: object
              properties:
                id: {type: integer, readOnly: true}
                name: {type: string}
                password: {type: string, writeOnly: true}
                friends:
                  type: array
                  items: {$ref: '#/components/schemas/User'}

        """

    static let cases: [RuleCase] = [
        RuleCase(
            "example-read-write-only", "readOnly in a request, writeOnly in responses", users,
            [(12, 15), (27, 21), (30, 25)]),
        RuleCase(
            "example-read-write-only", "each side as it should be",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /users:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/User'
                        example: {name: Ann, password: secret}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema:
                            allOf:
                              - $ref: '#/components/schemas/User'
                          example: {id: 7, name: Ann}
            components:
              schemas:
                User:
                  type: object
                  properties:
                    id: {type: integer, readOnly: true}
                    name: {type: string}
                    password: {type: string, writeOnly: true}

            """, []),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        try testCase.verify()
    }

    @Test func readWriteMessagesNameTheProperty() throws {
        let found = try RulesTesting.lint(Self.users, rules: [RulesTesting.rule("example-read-write-only")])
        #expect(
            found.map(\.message) == [
                "the request example has the readOnly property `id`",
                "the response example has the writeOnly property `password`",
                "the response example has the writeOnly property `password` (at `/friends/0/password`)",
            ])
    }
}
