import FlowSpecModel
import Testing

/// Wrong types, missing fields and unknown fields are reported at their line and column, and loading
/// goes on, so that one run reports them all.
@Suite struct ModelDiagnosticsTests {
    static let several = """
        openapi: 3.1.0
        info:
          title: Pets
          version: 1.0.0
          colour: blue
        paths:
          /pets:
            get:
              summary: [not, a, string]
              operationId: listPets
              deprecated: maybe
              responses:
                '200':
                  descripton: typo
                  content:
                    application/json:
                      schema:
                        type: object
                        minLength: -1

        """

    @Test func severalErrorsInOneRun() throws {
        let result = try loadYAML(Self.several)
        let unknown = expectDiagnostic(result, .unknownField, line: 5, column: 3)
        #expect(unknown?.message == "`colour` is not a field of the Info object")
        #expect(unknown?.pointer?.description == "/info/colour")
        #expect(unknown?.hint?.contains("x-") == true)

        let summary = expectDiagnostic(result, .typeMismatch, line: 9, column: 16)
        #expect(summary?.message == "`summary` of the Operation object must be a string, not a list")
        #expect(summary?.pointer?.description == "/paths/~1pets/get/summary")

        let deprecated = expectDiagnostic(result, .typeMismatch, line: 11, column: 19)
        #expect(deprecated?.message.contains("must be a boolean, not a string") == true)
        #expect(deprecated?.hint == "write `true` or `false`")

        let typo = expectDiagnostic(result, .unknownField, line: 14, column: 11)
        #expect(typo?.pointer?.description == "/paths/~1pets/get/responses/200/descripton")
        let missing = expectDiagnostic(result, .missingField, line: 14, column: 11)
        #expect(missing?.message == "the Response object is missing the required field `description`")
        #expect(missing?.pointer?.description == "/paths/~1pets/get/responses/200")

        let minLength = expectDiagnostic(result, .typeMismatch, line: 19, column: 28)
        let schemaPointer = "/paths/~1pets/get/responses/200/content/application~1json/schema"
        #expect(minLength?.pointer?.description == schemaPointer + "/minLength")

        #expect(result.diagnostics.count == 6, "\(describe(result))")
        // The model is still built around the errors.
        let document = try #require(result.document)
        #expect(document.info.title == "Pets")
        let get = try #require(result.pathItem("/pets")?.operation(.get))
        #expect(get.operationId == "listPets")
        #expect(get.summary == nil)
        #expect(get.responses?.entries.map { "\($0.status)" } == ["200"])
    }

    @Test func diagnosticsAreSortedByPosition() throws {
        let result = try loadYAML(Self.several)
        let offsets = result.diagnostics.compactMap { $0.location?.offset }
        #expect(offsets == offsets.sorted())
    }

    @Test func missingRequiredFields() throws {
        let text = """
            openapi: 3.0.3
            info:
              version: 1.0.0

            """
        let result = try loadYAML(text)
        let title = expectDiagnostic(result, .missingField, line: 3, column: 3)
        #expect(title?.message == "the Info object is missing the required field `title`")
        #expect(title?.pointer?.description == "/info")
        let paths = expectDiagnostic(result, .missingField, line: 1, column: 1)
        #expect(paths?.message == "the OpenAPI object is missing the required field `paths`")
        #expect(paths?.pointer?.description == "")
        #expect(result.diagnostics.count == 2, "\(describe(result))")
    }

    @Test func wrongTypeOfAWholeObject() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: v}
            paths:
              /pets:
                get:
                  responses: []

            """
        let result = try loadYAML(text)
        let diagnostic = expectDiagnostic(result, .typeMismatch, line: 6, column: 18)
        #expect(diagnostic?.pointer?.description == "/paths/~1pets/get/responses")
        #expect(diagnostic?.pointer?.tokens == ["paths", "/pets", "get", "responses"])
        #expect(diagnostic?.message == "`responses` must be a mapping, not a list")
    }

    @Test func extensionsAreNotUnknownFields() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: v, x-team: api}
            paths:
              x-note: fine
              /a:
                x-internal: true
                get: {responses: {'204': {description: none}}, x-rate: 5}
            x-top: {any: [thing]}

            """
        let result = try loadYAML(text)
        expectNoDiagnostics(result)
        #expect(result.document?.extensions.keys == ["x-top"])
        #expect(result.document?.info.extensions.keys == ["x-team"])
    }

    @Test func swagger2IsOneClearDiagnostic() throws {
        let text = """
            swagger: "2.0"
            info: {title: Old, version: 1}
            paths: {}

            """
        let result = try loadYAML(text)
        #expect(result.diagnostics.count == 1, "\(describe(result))")
        let diagnostic = expectDiagnostic(result, .unsupportedVersion, line: 1, column: 10)
        #expect(diagnostic?.message == "Swagger 2.0 documents are not supported yet")
        #expect(diagnostic?.hint?.contains("OpenAPI 3") == true)
        #expect(diagnostic?.pointer?.description == "/swagger")
        #expect(result.document == nil)
        #expect(result.hasErrors)
    }

    static let versions: [(text: String, code: DiagnosticCode, severity: Severity)] = [
        ("openapi: 4.0.0", .unsupportedVersion, .error),
        ("openapi: 3.1", .unsupportedVersion, .error),
        ("openapi: 3.2.0", .unsupportedVersion, .warning),
        ("title: not openapi", .missingField, .error),
    ]

    @Test(arguments: versions) func versionsOtherThan30And31(text: String, code: DiagnosticCode, severity: Severity)
        throws
    {
        let result = try loadYAML(text + "\ninfo: {title: T, version: v}\npaths: {}\n")
        let found = diagnostics(result, code)
        #expect(found.count == 1, "\(describe(result))")
        #expect(found.first?.severity == severity)
        #expect(found.first?.location?.line == 1)
    }

    @Test func aVersionWrittenAsANumberIsToldToBeQuoted() throws {
        let result = try loadYAML("openapi: 3.1\ninfo: {title: T, version: v}\npaths: {}\n")
        let diagnostic = expectDiagnostic(result, .unsupportedVersion, line: 1, column: 10)
        #expect(diagnostic?.hint == "quote the version: `openapi: \"3.1\"`")
    }

    @Test func yamlErrorsBecomeDiagnosticsWithTheirPlace() throws {
        let result = try loadYAML("openapi: 3.1.0\ninfo: title: x\n")
        #expect(result.document == nil)
        let diagnostic = expectDiagnostic(result, "yaml_syntax", line: 2, column: 12)
        #expect(diagnostic?.location?.offset == 26)
    }

    @Test func duplicateKeysAreErrorsWithTheFirstPlaceRelated() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: v}
            paths:
              /a:
                get:
                  responses:
                    200: {description: a}
                    "200": {description: b}

            """
        let result = try loadYAML(text)
        let diagnostic = expectDiagnostic(result, "yaml_duplicate_key", line: 8, column: 9)
        #expect(diagnostic?.related.first?.line == 7)
        #expect(diagnostic?.related.first?.column == 9)
        #expect(result.document != nil, "a duplicate key does not stop loading")
    }

    @Test func unreadableFile() {
        let result = SpecLoader().load(path: "/nonexistent/flowspec/openapi.yaml")
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.code) == [.fileUnreadable])
        #expect(result.diagnostics.first?.hint?.contains("no such file") == true)
    }

    @Test func diagnosticBudget() throws {
        var text = "openapi: 3.1.0\ninfo: {title: T, version: v}\npaths: {}\n"
        for i in 0..<30 { text += "unknown\(i): 1\n" }
        let result = try loadYAML(text, options: LoadOptions(maxDiagnostics: 10))
        #expect(diagnostics(result, .unknownField).count == 10)
        let summary = try #require(diagnostics(result, .tooManyDiagnostics).first)
        #expect(summary.message == "20 more diagnostics were not kept")
    }

    @Test func pointersThroughListsUseIndexes() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: v}
            paths:
              /a:
                get:
                  parameters:
                    - {name: a, in: query, schema: {type: string}}
                    - {name: b, in: body, schema: {type: string}}
                  responses:
                    default:
                      description: x
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/S', description: ignored}
            components:
              schemas:
                S: {type: object}

            """
        let result = try loadYAML(text)
        let location = expectDiagnostic(result, .invalidValue, line: 8, column: 21)
        #expect(location?.pointer?.description == "/paths/~1a/get/parameters/1/in")
        #expect(location?.message == "`body` is not a parameter location")
        let sibling = expectDiagnostic(result, .refSiblingIgnored, line: 14, column: 56, severity: .warning)
        #expect(sibling?.hint?.contains("allOf") == true)
        #expect(result.diagnostics.count == 2, "\(describe(result))")
    }
}
