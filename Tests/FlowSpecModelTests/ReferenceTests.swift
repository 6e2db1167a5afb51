import FlowSpecModel
import Foundation
import Testing

/// `$ref` resolution: local JSON pointers, relative files, cycles, data that only looks like a
/// reference, and the safe policy for remote and outside files.
@Suite struct ReferenceTests {
    static func spec(schemas: String, paths: String = "{}") -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: v}
        paths: \(paths)
        components:
          schemas:
        \(schemas)
        """
    }

    @Test func localPointersAreUnescapedAfterPercentDecoding() throws {
        let text = Self.spec(
            schemas: """
                    a/b~c: {type: string}
                    "{id}": {type: integer}
                    "~1": {type: boolean}
                    Pet:
                      type: object
                      properties:
                        slashTilde: {$ref: '#/components/schemas/a~1b~0c'}
                        braces: {$ref: '#/components/schemas/%7Bid%7D'}
                        tildeOne: {$ref: '#/components/schemas/~01'}

                """)
        let result = try loadYAML(text)
        expectNoDiagnostics(result)
        let pet = try #require(result.componentSchema("Pet")?.object)
        let expected: [(String, String, String)] = [
            ("slashTilde", "string", "/components/schemas/a~1b~0c"),
            ("braces", "integer", "/components/schemas/{id}"),
            ("tildeOne", "boolean", "/components/schemas/~01"),
        ]
        for (property, type, pointer) in expected {
            let reference = try #require(pet.properties[property]?.object?.ref, "\(property)")
            let target = try #require(result.references.target(of: reference), "\(property)")
            #expect(result.files.pointer(of: target).description == pointer)
            #expect(result.references.schema(reference)?.object?.type == [type])
        }
        #expect(result.references.count == 3)
    }

    @Test func unresolvedReferenceAtTheRefsLine() throws {
        let text = Self.spec(
            schemas: """
                    Pet:
                      properties:
                        owner:
                          $ref: '#/components/schemas/Owner'
                    Ownr: {type: object}

                """)
        let result = try loadYAML(text)
        let diagnostic = expectDiagnostic(result, .refUnresolved, line: 9, column: 17)
        #expect(diagnostic?.message.contains("`#/components/schemas/Owner` does not resolve") == true)
        #expect(diagnostic?.hint == "did you mean `/components/schemas/Ownr`?")
        #expect(diagnostic?.pointer?.description == "/components/schemas/Pet/properties/owner/$ref")
        #expect(result.diagnostics.count == 1)
    }

    @Test func pureReferenceCycleIsReportedWithItsChain() throws {
        let text = Self.spec(
            schemas: """
                    A: {$ref: '#/components/schemas/B'}
                    B: {$ref: '#/components/schemas/A'}
                    User: {$ref: '#/components/schemas/A'}

                """)
        let result = try loadYAML(text)
        let cycles = diagnostics(result, .refCycle)
        #expect(cycles.count == 3, "\(describe(result))")
        let fromA = expectDiagnostic(result, .refCycle, line: 6, column: 15)
        let chain = "`#/components/schemas/B` → `#/components/schemas/A` → `#/components/schemas/B`"
        #expect(fromA?.message == "these references point at each other and never reach an object: " + chain)
        #expect(fromA?.hint != nil)
    }

    @Test func recursiveSchemasAreLegal() throws {
        let text = Self.spec(
            schemas: """
                    Tree:
                      type: object
                      properties:
                        value: {type: string}
                        children:
                          type: array
                          items: {$ref: '#/components/schemas/Tree'}
                    Node:
                      anyOf:
                        - $ref: '#/components/schemas/Leaf'
                        - {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
                    Leaf: {type: string}

                """)
        let result = try loadYAML(text)
        expectNoDiagnostics(result)
        let tree = try #require(result.componentSchema("Tree")?.object)
        let items = try #require(tree.properties["children"]?.object?.items)
        let resolved = result.references.resolve(items)
        #expect(resolved.object?.properties.keys == ["value", "children"])
        #expect(resolved.node == tree.node)
    }

    @Test func dataThatLooksLikeAReferenceIsNeverResolved() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: v}
            paths:
              /a:
                get:
                  parameters:
                    - name: q
                      in: query
                      schema: {type: object}
                      example: {$ref: ./nonexistent.yaml}
                  responses:
                    '200':
                      description: ok
                      content:
                        text/plain:
                          examples:
                            one: {value: {$ref: ./nonexistent.yaml}}
                        application/json:
                          example: {$ref: ./nonexistent.yaml}
                          schema:
                            type: object
                            example: {$ref: ./nonexistent.yaml}
                            default: {$ref: ./nonexistent.yaml}
                            const: {$ref: ./nonexistent.yaml}
                            enum: [{$ref: ./nonexistent.yaml}]
                            examples: [{$ref: ./nonexistent.yaml}]
                            properties:
                              $ref: {type: string}
            components:
              links:
                L: {operationId: x, parameters: {p: {$ref: ./nonexistent.yaml}}}

            """
        let result = try loadYAML(text)
        expectNoDiagnostics(result)
        #expect(result.references.count == 0)
        #expect(result.files.files.count == 1)
        let response = try #require(result.pathItem("/a")?.operation(.get)?.responses?.entries.first?.response.value)
        let schema = try #require(response.content["application/json"]?.schema?.object)
        #expect(schema.properties.keys == ["$ref"], "a property named `$ref` is a property")
    }

    @Test func remoteReferencesAreRefusedWithHowToOptIn() throws {
        let text = Self.spec(
            schemas: """
                    Pet: {$ref: 'https://example.com/schemas/pet.yaml#/Pet'}

                """)
        let result = try loadYAML(text)
        let diagnostic = expectDiagnostic(result, .refRemoteRefused, line: 6, column: 17, severity: .warning)
        #expect(diagnostic?.hint?.contains("--allow-remote-refs") == true)
        #expect(diagnostic?.message.contains("https://example.com/schemas/pet.yaml") == true)
        #expect(result.files.files.count == 1)
    }

    @Test func remoteReferencesWhenAllowedUseTheFetcher() throws {
        let text = Self.spec(
            schemas: """
                    Pet: {$ref: 'https://example.com/schemas/pet.yaml#/Pet'}

                """)
        let options = LoadOptions(
            allowRemoteReferences: true,
            fetchRemote: { url in
                guard url == "https://example.com/schemas/pet.yaml" else { throw CocoaError(.fileNoSuchFile) }
                return Array("Pet: {type: object, properties: {name: {type: string}}}\n".utf8)
            })
        let result = try loadYAML(text, options: options)
        expectNoDiagnostics(result)
        #expect(result.componentSchema("Pet")?.object?.properties.keys == ["name"])
        #expect(result.files.files.dropFirst().map(\.path) == ["https://example.com/schemas/pet.yaml"])
    }

    @Test func unknownURISchemesAreNotLoaded() throws {
        let text = Self.spec(
            schemas: """
                    Pet: {$ref: 'urn:example:pet'}

                """)
        let result = try loadYAML(text)
        expectDiagnostic(result, .refUnresolved, line: 6, column: 17)
    }

    @Test func schemaIDsAndAnchorsAreLeftToTheSchemaEngine() throws {
        let text = Self.spec(
            schemas: """
                    Pet:
                      $id: https://example.com/schemas/pet
                      $anchor: pet
                      type: object
                    ByID: {$ref: 'https://example.com/schemas/pet'}
                    ByAnchor: {$ref: '#pet'}

                """)
        let result = try loadYAML(text)
        expectNoDiagnostics(result)
    }

    @Test func anAnchorWhereOnlyPointersWorkIsUnresolved() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: v}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: '#ok'}

            """
        let result = try loadYAML(text)
        let diagnostic = expectDiagnostic(result, .refUnresolved, line: 7, column: 23)
        #expect(diagnostic?.message == "`#ok` is not a JSON pointer fragment")
    }

    @Test func cyclesOfOtherObjectsAreReportedToo() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: v}
            paths: {}
            components:
              responses:
                A: {$ref: '#/components/responses/B'}
                B: {$ref: '#/components/responses/A'}

            """
        let result = try loadYAML(text)
        #expect(diagnostics(result, .refCycle).count == 2, "\(describe(result))")
        expectDiagnostic(result, .refCycle, line: 6, column: 15)
        expectDiagnostic(result, .refCycle, line: 7, column: 15)
    }
}
