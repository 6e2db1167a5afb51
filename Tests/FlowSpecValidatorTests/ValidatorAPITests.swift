import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Validator: building and the catalog")
struct ValidatorAPITests {
    @Test func unreadableAndNonOpenAPISpecsThrow() {
        #expect(throws: ValidatorError.self) { try Validator(contentsOf: "/nonexistent/spec.yaml") }
        do {
            _ = try inlineValidator("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}")
            Issue.record("a Swagger document built a validator")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.unsupportedVersion])
            #expect(error.description.contains("Swagger"))
        }
    }

    @Test func specErrorsThrowUnlessAccepted() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationID: typo
                  responses: {'200': {description: ok}}
            """
        do {
            _ = try inlineValidator(yaml)
            Issue.record("a spec with an unknown field built a validator")
        } catch {
            #expect(error.errors.first?.code == .unknownField)
            #expect(error.errors.first?.location?.line == 6)
        }
        let lenient = try inlineValidator(yaml, options: ValidatorOptions(acceptsSpecErrors: true))
        #expect(lenient.validate(request: request(.get, "/a"), body: nil).operation?.id == "GET /a")
    }

    @Test func badPathTemplatesAreCompileErrors() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a/{b:
                get:
                  responses: {'200': {description: ok}}
            """
        do {
            _ = try inlineValidator(yaml)
            Issue.record("an unroutable template built a validator")
        } catch {
            #expect(error.errors.first?.message.contains("`/a/{b`") == true)
        }
    }

    @Test func coverageCatalogListsEveryCombination() throws {
        let catalog = Flows.validator.coverageCatalog
        let read = try #require(catalog.operations.first)
        #expect(read.method == "GET" && read.pathTemplate == "/{envID}/flows/{flowID}")
        #expect(read.requestMediaTypeKeys.isEmpty && read.requestBodyOptional)
        #expect(read.responses.map(\.statusKey) == ["200", "400", "401", "403", "404", "429", "500", "502", "503"])
        #expect(read.responses.first?.mediaTypeKeys == ["application/json", "application/hal+json"])
        let submit = try #require(catalog.operations.last)
        #expect(submit.requestMediaTypeKeys.count == 21 && submit.requestBodyOptional)
        #expect(catalog.entries.count == 9 + 22 * 10)
        #expect(catalog.entries.contains {
            $0.operationID == "submitFlowAction" && $0.requestMediaTypeKey == nil && $0.responseStatusKey == "415"
        })
    }

    @Test func operationsWithoutAnIDAreNamedByMethodAndPath() throws {
        let pets = Pets.standard.coverageCatalog.operations.map(\.id)
        #expect(pets == ["mine", "getPet", "updatePet", "getFile", "matrix", "label"])
        let anonymous = try inlineValidator(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x/{y}:\n    delete:\n      responses: {'204': {description: ok}}")
        #expect(anonymous.coverageCatalog.operations.map(\.id) == ["DELETE /x/{y}"])
    }

    @Test func verdictCarriesTheOperationNode() throws {
        let verdict = Flows.validator.check(Flows.post(Flows.prefix + "otp.check+json", #"{"otp": "1"}"#))
        let operation = try #require(verdict.operation)
        #expect(operation.method == "POST")
        let loaded = FlowsExamples.loaded
        #expect(loaded.files.pointer(of: operation.node).description == "/paths/~1{envID}~1flows~1{flowID}/post")
    }

    @Test func multiFileSpecValidatesLikeTheSingleFile() throws {
        let split = try Validator(contentsOf: repositoryRoot + "/specs/pingone-flows/openapi.yaml")
        for key in FlowsExamples.actionKeys {
            let body = try #require(FlowsExamples.actionBodies[key])
            #expect(split.check(Flows.post(key, body)).violations.isEmpty, "\(key)")
        }
        let missing = split.check(Flows.post(Flows.prefix + "usernamePassword.check+json", #"{"username": "x"}"#))
        #expect(codes(missing.violations) == ["schema.required"])
        #expect(missing.violations.first?.location?.file.hasSuffix(".yaml") == true)
    }
}
