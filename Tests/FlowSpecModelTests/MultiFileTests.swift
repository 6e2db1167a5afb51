import FlowSpecModel
import Foundation
import Testing

/// References into other files: relative to the referring file's folder, YAML and JSON alike, and
/// never outside the root spec's folder unless allowed.
@Suite struct MultiFileTests {
    /// A spec in nested folders whose references go down, sideways and back up, in YAML and JSON.
    static func writeNestedSpec(in folder: TemporaryFolder) throws -> String {
        try folder.write(
            "spec/paths/pets.yaml",
            """
            get:
              operationId: listPets
              parameters:
                - $ref: '../components/parameters.json#/Limit'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '../schemas/pet.json'}

            """)
        try folder.write(
            "spec/components/parameters.json",
            #"{"Limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}}"#)
        try folder.write(
            "spec/schemas/pet.json",
            """
            {
              "type": "object",
              "properties": {
                "name": {"type": "string"},
                "owner": {"$ref": "people/owner.yaml"}
              }
            }
            """)
        try folder.write("spec/schemas/people/owner.yaml", "type: object\nproperties:\n  pets: {$ref: '../pet.json'}\n")
        return try folder.write(
            "spec/openapi.yaml",
            """
            openapi: 3.1.0
            info: {title: Nested, version: v}
            paths:
              /pets: {$ref: 'paths/pets.yaml'}
            components:
              schemas:
                Pet: {$ref: './schemas/pet.json'}

            """)
    }

    @Test func relativeFilesResolveFromTheReferringFilesFolder() throws {
        let folder = try TemporaryFolder()
        let root = try Self.writeNestedSpec(in: folder)
        let result = SpecLoader().load(path: root)
        expectNoDiagnostics(result)
        #expect(
            result.files.files.map(\.displayPath) == [
                root, "paths/pets.yaml", "schemas/pet.json", "components/parameters.json", "schemas/people/owner.yaml",
            ])
        let get = try #require(result.pathItem("/pets")?.operation(.get))
        #expect(get.operationId == "listPets")
        let limit = try #require(get.parameters.first.flatMap { result.references.resolve($0) })
        #expect(limit.name == "limit")
        #expect(limit.location == .query)
        let response = try #require(get.responses?.entries.first.flatMap { result.references.resolve($0.response) })
        let schema = try #require(response.content["application/json"]?.schema)
        let pet = try #require(result.references.resolve(schema).object)
        #expect(pet.properties.keys == ["name", "owner"])
        let owner = try #require(pet.properties["owner"].map { result.references.resolve($0) }?.object)
        #expect(owner.properties.keys == ["pets"])
        // The cycle pet.json → owner.yaml → pet.json is a legal recursive schema.
        let back = try #require(owner.properties["pets"].map { result.references.resolve($0) })
        #expect(back.node == pet.node)
        #expect(result.componentSchema("Pet")?.node == pet.node)
    }

    @Test func locationsInReferencedFilesNameThoseFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("spec/schemas/bad.yaml", "type: object\nproperties:\n  id: {$ref: '#/nowhere'}\n")
        let root = try folder.write(
            "spec/openapi.yaml",
            "openapi: 3.1.0\ninfo: {title: T, version: v}\npaths: {}\ncomponents:\n  schemas:\n"
                + "    Bad: {$ref: 'schemas/bad.yaml'}\n    Gone: {$ref: 'schemas/missing.yaml'}\n")
        let result = SpecLoader().load(path: root)
        let inner = try #require(diagnostics(result, .refUnresolved).first { $0.location?.file == "schemas/bad.yaml" })
        #expect(inner.location?.line == 3)
        #expect(inner.location?.column == 14)
        #expect(inner.pointer?.description == "/properties/id/$ref")
        let missing = expectDiagnostic(result, .refUnresolved, line: 7, column: 18)
        #expect(missing?.location?.file == root)
        #expect(missing?.message.contains("no file at") == true)
        #expect(missing?.hint?.contains("relative to the folder of") == true)
    }

    @Test func filesOutsideTheRootFolderAreRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("outside.yaml", "Pet: {type: object}\n")
        let root = try folder.write(
            "spec/openapi.yaml",
            """
            openapi: 3.1.0
            info: {title: T, version: v}
            paths: {}
            components:
              schemas:
                Up: {$ref: '../outside.yaml#/Pet'}
                Linked: {$ref: 'link.yaml#/Pet'}

            """)
        // A link inside the folder whose target is outside it.
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("spec/link.yaml"), withDestinationPath: "../outside.yaml")
        let result = SpecLoader().load(path: root)
        let up = expectDiagnostic(result, .refOutsideRoot, line: 6, column: 16)
        #expect(up?.hint?.contains("--allow-outside-refs") == true)
        expectDiagnostic(result, .refOutsideRoot, line: 7, column: 20)
        #expect(result.files.files.count == 1)

        let allowed = SpecLoader(options: LoadOptions(allowFilesOutsideRoot: true)).load(path: root)
        expectNoDiagnostics(allowed)
        #expect(allowed.componentSchema("Up")?.object?.type == ["object"])
        #expect(allowed.componentSchema("Linked")?.node == allowed.componentSchema("Up")?.node, "one file, read once")
        #expect(allowed.files.files.count == 2)
    }

    @Test func absolutePathsOutsideTheRootAreRefusedToo() throws {
        let folder = try TemporaryFolder()
        let outside = try folder.write("elsewhere/pet.yaml", "type: object\n")
        let root = try folder.write(
            "spec/openapi.yaml",
            "openapi: 3.1.0\ninfo: {title: T, version: v}\npaths: {}\ncomponents:\n  schemas:\n"
                + "    Pet: {$ref: '\(outside)'}\n")
        let result = SpecLoader().load(path: root)
        expectDiagnostic(result, .refOutsideRoot, line: 6, column: 17)
    }

    @Test func percentEncodedFileNamesAreDecodedOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("spec/my schemas/pet {v1}.yaml", "type: object\n")
        let root = try folder.write(
            "spec/openapi.yaml",
            "openapi: 3.1.0\ninfo: {title: T, version: v}\npaths: {}\ncomponents:\n  schemas:\n"
                + "    Pet: {$ref: 'my%20schemas/pet%20%7Bv1%7D.yaml'}\n")
        let result = SpecLoader().load(path: root)
        expectNoDiagnostics(result)
        #expect(result.files.files.last?.displayPath == "my schemas/pet {v1}.yaml")
        #expect(result.componentSchema("Pet")?.object?.type == ["object"])
    }

    @Test func aReferencedFileThatDoesNotParseIsReportedInBothFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("spec/bad.yaml", "type: object\nproperties: {a: 1\n")
        try folder.write("spec/empty.yaml", "# nothing\n")
        let root = try folder.write(
            "spec/openapi.yaml",
            "openapi: 3.1.0\ninfo: {title: T, version: v}\npaths: {}\ncomponents:\n  schemas:\n"
                + "    Bad: {$ref: bad.yaml}\n    Empty: {$ref: empty.yaml}\n")
        let result = SpecLoader().load(path: root)
        let syntax = try #require(result.diagnostics.first { $0.code == "yaml_syntax" })
        #expect(syntax.location?.file == "bad.yaml")
        #expect(syntax.location?.line == 3)
        let empty = try #require(result.diagnostics.first { $0.code == "yaml_empty_document" })
        #expect(empty.location?.file == "empty.yaml")
        #expect(empty.location?.line == 2)
        expectDiagnostic(result, .refFileUnreadable, line: 6, column: 17)
        expectDiagnostic(result, .refFileUnreadable, line: 7, column: 19)
    }

    @Test func aDuplicateKeyInAReferencedFileNamesThatFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("spec/pet.json", "{\n  \"type\": \"object\",\n  \"type\": \"string\"\n}\n")
        let root = try folder.write(
            "spec/openapi.yaml",
            "openapi: 3.1.0\ninfo: {title: T, version: v}\npaths: {}\ncomponents:\n  schemas:\n"
                + "    Pet: {$ref: pet.json}\n")
        let result = SpecLoader().load(path: root)
        let duplicate = try #require(result.diagnostics.first { $0.code == "yaml_duplicate_key" })
        #expect(duplicate.location?.file == "pet.json")
        #expect(duplicate.location?.line == 3)
        #expect(duplicate.location?.column == 3)
        #expect(duplicate.related.first?.line == 2)
        #expect(result.componentSchema("Pet")?.object?.type == ["object"], "the first occurrence wins")
    }
}
