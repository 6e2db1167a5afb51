import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Foundation
import Testing

@Suite("Validator: routing")
struct ValidatorRoutingTests {
    let validator = Pets.standard
    let count: HTTPFields = [fieldName("X-Request-Count"): "1"]

    @Test func serverBasePathsWithVariables() {
        for base in ["/v1", "/v2"] {
            let verdict = validator.validate(request: request(.get, "\(base)/pets/5", count), body: nil)
            #expect(verdict.operation?.id == "getPet", "\(base)")
            #expect(verdict.violations.isEmpty, "\(verdict.violations)")
            #expect(verdict.parameters.path["id"] == 5)
        }
        for path in ["/pets/5", "/v3/pets/5", "/V1/pets/5"] {
            let verdict = validator.validate(request: request(.get, path, count), body: nil)
            #expect(codes(verdict.violations) == ["path_not_found"], "\(path)")
            #expect(verdict.operation == nil)
        }
    }

    @Test func concretePathsBeatTemplatedOnes() {
        let verdict = validator.validate(request: request(.get, "/v1/pets/mine"), body: nil)
        #expect(verdict.operation?.id == "mine")
        #expect(verdict.violations.isEmpty)
    }

    @Test func noSilentNormalisation() throws {
        for path in ["/v1/pets/5/", "/v1//pets/5", "/v1/pets//5", "/v1/pets/5/."] {
            let verdict = validator.validate(request: request(.get, path, count), body: nil)
            #expect(codes(verdict.violations) == ["path_not_found"], "\(path)")
            let violation = try #require(verdict.violations.first)
            #expect(violation.instanceLocation == "path")
            #expect(violation.pointer == ["paths"])
        }
    }

    @Test func percentDecodingKeepsEncodedSlashesInOneSegment() {
        let verdict = validator.validate(request: request(.get, "/v1/files/a%2Fb%20c"), body: nil)
        #expect(verdict.operation?.id == "getFile")
        #expect(verdict.parameters.path["name"] == .string("a/b c"))
        #expect(verdict.parameters.rawPath["name"] == "a%2Fb%20c")
        let bad = validator.validate(request: request(.get, "/v1/files/%ZZ"), body: nil)
        #expect(codes(bad.violations) == ["invalid_percent_encoding"])
    }

    @Test func undeclaredMethodIsNotANotFound() throws {
        let verdict = validator.validate(request: request(.delete, "/v1/pets/5"), body: nil)
        #expect(codes(verdict.violations) == ["method_not_allowed"])
        let violation = try #require(verdict.violations.first)
        #expect(violation.message.contains("GET, POST"))
        #expect(violation.instanceLocation == "method")
    }

    @Test func optionsAndHeadPolicies() {
        let rejecting = validator.validate(request: request(.options, "/v1/pets/5"), body: nil)
        #expect(codes(rejecting.violations) == ["method_not_allowed"])
        let head = validator.validate(request: request(.head, "/v1/pets/5", count), body: nil)
        #expect(codes(head.violations) == ["method_not_allowed"])

        let lenient = Pets.validator(ValidatorOptions(undeclaredMethods: .allowOptionsAndHead))
        let options = lenient.validate(request: request(.options, "/v1/pets/5"), body: nil)
        #expect(options.isUncheckedMethod && options.violations.isEmpty && options.operation == nil)
        let answer = lenient.validate(response: HTTPResponse(status: .noContent), body: nil, for: options)
        #expect(answer.violations.isEmpty)

        let headVerdict = lenient.validate(request: request(.head, "/v1/pets/5", count), body: nil)
        #expect(headVerdict.operation?.id == "getPet")
        #expect(headVerdict.violations.isEmpty)
        let headAnswer = lenient.validate(
            response: HTTPResponse(status: .ok, headerFields: [fieldName("X-Rate-Limit"): "3"]), body: nil,
            for: headVerdict)
        #expect(headAnswer.violations.isEmpty, "\(headAnswer.violations)")
        // Still only for paths that declare GET.
        let unknown = lenient.validate(request: request(.head, "/v1/nothing"), body: nil)
        #expect(codes(unknown.violations) == ["path_not_found"])
    }

    @Test func rawPartsAndAbsoluteURLs() {
        let verdict = validator.validate(
            method: "GET", path: "https://api.example.com/v1/pets/7?limit=3",
            headers: [("x-request-count", "2")], body: nil)
        #expect(verdict.operation?.id == "getPet")
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        #expect(verdict.parameters.query["limit"] == 3)
        let bare = validator.validate(method: "GET", path: "https://api.example.com", headers: [], body: nil)
        #expect(codes(bare.violations) == ["path_not_found"])
        let badMethod = validator.validate(method: "G T", path: "/v1/pets/1", headers: [], body: nil)
        #expect(codes(badMethod.violations) == ["method_not_allowed"])
    }

    @Test func flowsSpecHasNoBasePath() {
        let verdict = Flows.validator.validate(request: Flows.get("/v1" + Flows.path), body: nil)
        #expect(codes(verdict.violations) == ["path_not_found"])
        let put = Flows.validator.validate(request: request(.put, Flows.path), body: nil)
        #expect(codes(put.violations) == ["method_not_allowed"])
    }

    @Test(.enabled(if: Flows.hasMini, "../shared/bench/flows-mini.yaml is absent"))
    func flowsMiniSpecRoutesUnderItsServerPath() throws {
        let mini = try Validator(contentsOf: Flows.miniPath)
        let path = "/v1/environments/\(Flows.envID)/flows/\(Flows.flowID)"
        let verdict = mini.validate(request: request(.get, path + "?expand=user"), body: nil)
        #expect(verdict.operation?.id == "readFlow")
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        let bad = mini.validate(request: request(.get, path + "?expand=everything"), body: nil)
        #expect(codes(bad.violations) == ["schema.enum"])
        #expect(bad.violations.first?.instanceLocation == "query expand")
    }
}
