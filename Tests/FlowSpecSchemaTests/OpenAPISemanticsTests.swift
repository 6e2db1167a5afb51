import FlowSpecModel
import FlowSpecSchema
import Testing

@Suite("OpenAPI semantics: dialects, direction, discriminator")
struct OpenAPISemanticsTests {
    static let document30 = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            User:
              type: object
              required: [id, name, password]
              properties:
                id:
                  $ref: '#/components/schemas/Id'
                name:
                  type: string
                  nullable: true
                password:
                  type: string
                  writeOnly: true
                score:
                  type: number
                  minimum: 0
                  exclusiveMinimum: true
            Id:
              type: string
              format: uuid
              readOnly: true
            Ref:
              $ref: '#/components/schemas/Id'
              type: integer
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: petType
                mapping:
                  kitty: Cat
            Cat:
              type: object
              required: [petType, lives]
              properties:
                petType: {type: string}
                lives: {type: integer, maximum: 9}
            Dog:
              type: object
              required: [petType, bark]
              properties:
                petType: {type: string}
                bark: {type: boolean}
            Multi:
              type: [string, integer]
        """

    func validator(_ name: String) -> SchemaValidator {
        do {
            return try SchemaValidator(
                registry: Fixture.document(Self.document30),
                uri: "file:///test/openapi.yaml#/components/schemas/\(name)")
        } catch {
            fatalError("\(error)")
        }
    }

    let uuid = "4b6f1b5e-8c1a-4a3e-9f57-2b2c0d8e6a11"

    @Test func readOnlyMayBeOmittedFromRequests() {
        let user = validator("User")
        let request = Fixture.json(#"{"name": "ann", "password": "secret"}"#)
        #expect(user.validate(request, options: ValidationOptions(direction: .request)).isValid)
        let result = user.validate(request, options: ValidationOptions(direction: .response))
        #expect(result.errors.map(\.message) == ["`id` is required"])
        #expect(!user.isValid(request))
    }

    @Test func writeOnlyMayBeOmittedFromResponses() {
        let user = validator("User")
        let response = Fixture.json(#"{"id": "\#(uuid)", "name": null}"#)
        #expect(user.validate(response, options: ValidationOptions(direction: .response)).isValid)
        #expect(!user.isValid(response, options: ValidationOptions(direction: .request)))
    }

    @Test func strictModeRefusesReadOnlyInRequests() {
        let user = validator("User")
        let request = Fixture.json(#"{"id": "\#(uuid)", "name": "ann", "password": "secret"}"#)
        #expect(user.isValid(request, options: ValidationOptions(direction: .request)))
        let strict = ValidationOptions(direction: .request, strictAccess: true)
        let result = user.validate(request, options: strict)
        #expect(result.errors.map(\.description) == ["/id: `id` is read-only and must not be sent in a request"])
        let response = Fixture.json(#"{"id": "\#(uuid)", "name": "ann", "password": "secret"}"#)
        let strictResponse = user.validate(
            response, options: ValidationOptions(direction: .response, strictAccess: true))
        #expect(
            strictResponse.errors.map(\.message) == ["`password` is write-only and must not be returned in a response"])
    }

    @Test func nullableAndBooleanExclusiveBounds() {
        let user = validator("User")
        #expect(user.isValid(Fixture.json(#"{"id": "\#(uuid)", "name": null, "password": "p"}"#)))
        let zero = user.validate(Fixture.json(#"{"id": "\#(uuid)", "name": "a", "password": "p", "score": 0}"#))
        #expect(zero.errors.map(\.description) == ["/score: must be greater than 0 (it is 0)"])
        #expect(zero.errors.first?.keyword == "exclusiveMinimum")
    }

    @Test func refSiblingsAreIgnoredIn30() {
        let ref = validator("Ref")
        #expect(ref.isValid(.string(uuid)))
        #expect(!ref.isValid(5))
    }

    @Test func typeArraysAreReportedIn30() {
        let multi = validator("Multi")
        #expect(multi.diagnostics.contains { $0.code == "schema.type_array" && $0.severity == .warning })
        #expect(multi.diagnostics.first { $0.code == "schema.type_array" }?.location?.line == 50)
        #expect(multi.isValid(3))
    }

    @Test func discriminatorPicksTheBranch() {
        let pet = validator("Pet")
        #expect(pet.isValid(Fixture.json(#"{"petType": "Cat", "lives": 7}"#)))
        #expect(pet.isValid(Fixture.json(#"{"petType": "kitty", "lives": 7}"#)))
        #expect(pet.isValid(Fixture.json(#"{"petType": "Dog", "bark": true}"#)))
        let wrong = pet.validate(Fixture.json(#"{"petType": "Cat", "lives": 12, "bark": "x"}"#))
        #expect(wrong.errors.map(\.description) == ["/lives: must be at most 9 (it is 12)"])
        let missing = pet.validate(Fixture.json(#"{"lives": 1}"#))
        #expect(missing.errors.map(\.message) == ["discriminator property `petType` is required"])
        let unknown = pet.validate(Fixture.json(#"{"petType": "Bird"}"#))
        #expect(
            unknown.errors.map(\.message) == [
                "`petType` is `\"Bird\"`, which is not one of the mapped values `kitty`, `Cat`, `Dog`"
            ])
    }

    @Test func openAPI31UsesTheDocumentDialect() {
        let document = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            components:
              schemas:
                Flow:
                  type: [object, 'null']
                  properties:
                    id: {type: string, const: abc}
                  unevaluatedProperties: false
            """
        let registry = Fixture.document(document)
        guard
            let flow = try? SchemaValidator(
                registry: registry, uri: "file:///test/openapi.yaml#/components/schemas/Flow")
        else {
            Issue.record("does not compile")
            return
        }
        #expect(flow.isValid(nil))
        #expect(flow.isValid(Fixture.json(#"{"id": "abc"}"#)))
        #expect(
            flow.validate(Fixture.json(#"{"id": "abc", "x": 1}"#)).errors.map(\.description) == [
                "/x: `x` is not allowed here"
            ])
        #expect(flow.diagnostics.isEmpty)
    }

    @Test func jsonSchemaDialectIsHonoured() {
        let document = """
            openapi: 3.1.0
            jsonSchemaDialect: https://json-schema.org/draft/2020-12/schema
            info: {title: t, version: '1'}
            """
        let source = SchemaSource.openAPIDocument(
            tree: Fixture.tree(document), file: "a.yaml", baseURI: "file:///a.yaml")
        #expect(source.dialect == .jsonSchema2020_12)
        let thirty = SchemaSource.openAPIDocument(
            tree: Fixture.tree("openapi: 3.0.1\ninfo: {title: t, version: '1'}"), file: "b.yaml",
            baseURI: "file:///b.yaml")
        #expect(thirty.dialect == .openAPI30)
    }
}
