import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Validator: responses")
struct ValidatorResponseTests {
    let validator = Pets.standard
    let rate = HTTPField.Name("X-Rate-Limit")!

    func verdict(accept: String? = nil) -> RequestValidation {
        var fields: HTTPFields = [HTTPField.Name("X-Request-Count")!: "1"]
        if let accept { fields[.accept] = accept }
        return validator.validate(request: request(.get, "/v1/pets/5", fields), body: nil)
    }

    func respond(
        _ status: Int, _ fields: HTTPFields, _ body: String?, to request: RequestValidation? = nil
    ) -> ResponseValidation {
        validator.validate(
            response: HTTPResponse(status: .init(code: status), headerFields: fields), body: body.map(bytes),
            for: request ?? verdict())
    }

    @Test func exactRangeAndDefault() {
        let ok = respond(200, [.contentType: "application/json", rate: "5"], #"{"id": 1}"#)
        #expect(ok.statusKey == "200" && ok.mediaTypeKey == "application/json")
        #expect(ok.violations.isEmpty, "\(ok.violations)")
        let created = respond(201, [:], nil)
        #expect(created.statusKey == "2XX" && created.violations.isEmpty)
        let problem = respond(404, [.contentType: "application/problem+json"], #"{"title": "gone"}"#)
        #expect(problem.statusKey == "4XX" && problem.violations.isEmpty)
        let fallback = respond(500, [.contentType: "text/plain"], "oops")
        #expect(fallback.statusKey == "default" && fallback.violations.isEmpty)
    }

    @Test func bodiesAreValidatedAsForRequests() {
        #expect(codes(respond(200, [.contentType: "application/json", rate: "5"], #"{"id": "x"}"#).violations)
            == ["schema.type"])
        #expect(codes(respond(404, [.contentType: "application/problem+json"], #"{"detail": 1}"#).violations)
            == ["schema.required"])
        #expect(codes(respond(503, [.contentType: "text/plain"], "too long").violations) == ["schema.maxLength"])
        #expect(codes(respond(200, [.contentType: "text/html", rate: "5"], "<p/>").violations)
            == ["response_media_type_undeclared"])
        #expect(codes(respond(200, [rate: "5"], "{}").violations) == ["missing_content_type"])
        #expect(codes(respond(200, [rate: "5"], nil).violations) == ["response_body_missing"])
        #expect(codes(respond(201, [.contentType: "application/json"], "{}").violations) == ["response_body_undeclared"])
    }

    @Test func declaredHeaders() throws {
        let missing = respond(200, [.contentType: "application/json"], #"{"id": 1}"#)
        #expect(codes(missing.violations) == ["missing_required_header"])
        let violation = try #require(missing.violations.first)
        #expect(violation.instanceLocation == "header X-Rate-Limit")
        #expect(violation.pointer?.description == "/paths/~1pets~1{id}/get/responses/200/headers/X-Rate-Limit")
        let typed = respond(200, [.contentType: "application/json", rate: "many"], #"{"id": 1}"#)
        #expect(codes(typed.violations) == ["schema.type"])
        #expect(typed.violations.first?.instanceLocation == "header X-Rate-Limit")
        let optional = respond(
            200, [.contentType: "application/json", rate: "1", HTTPField.Name("x-note")!: "long"], #"{"id": 1}"#)
        #expect(codes(optional.violations) == ["schema.maxLength"])
    }

    @Test func undeclaredStatusIsOneViolation() throws {
        let post = validator.validate(
            request: request(.post, "/v1/pets/5", [.contentType: "application/json"]), body: bytes(#"{"name": "a"}"#))
        let teapot = validator.validate(
            response: HTTPResponse(status: .init(code: 418), headerFields: [.contentType: "application/json"]),
            body: bytes("{}"), for: post)
        #expect(codes(teapot.violations) == ["response_status_undeclared"])
        let violation = try #require(teapot.violations.first)
        #expect(violation.message == "status 418 is not declared for updatePet; declared: 204")
        #expect(violation.instanceLocation == "status")
        #expect(violation.pointer?.description == "/paths/~1pets~1{id}/post/responses")
        #expect(teapot.statusKey == nil)
    }

    @Test func acceptIsCheckedAgainstTheResponseMediaType() {
        let body = #"{"id": 1}"#
        let fields: HTTPFields = [.contentType: "application/json", rate: "5"]
        for accept in ["application/json", "application/*;q=0.5", "*/*", "text/html, application/json;q=0.1"] {
            #expect(respond(200, fields, body, to: verdict(accept: accept)).violations.isEmpty, "\(accept)")
        }
        for accept in ["application/xml", "application/json;q=0, */*", "text/*"] {
            let result = respond(200, fields, body, to: verdict(accept: accept))
            #expect(codes(result.violations) == ["not_acceptable"], "\(accept)")
        }
        let off = Pets.validator(ValidatorOptions(checkAccept: false))
        let request = off.validate(
            request: request(.get, "/v1/pets/5", [HTTPField.Name("X-Request-Count")!: "1", .accept: "text/html"]),
            body: nil)
        let answer = off.validate(
            response: HTTPResponse(status: .ok, headerFields: fields), body: bytes(body), for: request)
        #expect(answer.violations.isEmpty)
    }

    @Test func responseToAnUnroutedRequestIsAWarning() {
        let lost = validator.validate(request: request(.get, "/nowhere"), body: nil)
        let answer = validator.validate(response: HTTPResponse(status: .notFound), body: nil, for: lost)
        #expect(codes(answer.violations) == ["response_not_checked"])
        #expect(answer.violations.first?.severity == .warning)
        #expect(answer.isValid)
    }

    @Test func flowsResponses() throws {
        let read = Flows.validator.validate(request: Flows.get(headers: [.accept: "application/hal+json"]), body: nil)
        for type in ["application/hal+json", "application/hal+json;charset=UTF-8"] {
            let answer = Flows.validator.validate(
                response: HTTPResponse(status: .ok, headerFields: [.contentType: type]), body: bytes(Flows.flowBody),
                for: read)
            #expect(answer.violations.isEmpty, "\(answer.violations)")
            #expect(answer.mediaTypeKey == "application/hal+json")
        }
        let noLinks = Flows.validator.validate(
            response: HTTPResponse(status: .ok, headerFields: [.contentType: "application/hal+json"]),
            body: bytes(#"{"id": "\#(Flows.flowID)", "status": "COMPLETED"}"#), for: read)
        #expect(codes(noLinks.violations) == ["schema.required"])
        let error = #"{"id": "\#(Flows.flowID)", "code": "NOT_FOUND", "message": "gone"}"#
        let json = Flows.validator.validate(
            response: HTTPResponse(status: .notFound, headerFields: [.contentType: "application/json"]),
            body: bytes(error), for: read)
        #expect(codes(json.violations) == ["not_acceptable"])
        let wrongCode = Flows.validator.validate(
            response: HTTPResponse(status: .notFound, headerFields: [.contentType: "application/hal+json"]),
            body: bytes(#"{"id": "\#(Flows.flowID)", "code": "INVALID_DATA", "message": "x"}"#), for: read)
        #expect(codes(wrongCode.violations) == ["schema.enum"])
        let teapot = Flows.validator.validate(
            response: HTTPResponse(status: .init(code: 418), headerFields: [.contentType: "application/json"]),
            body: bytes("{}"), for: read)
        #expect(codes(teapot.violations) == ["response_status_undeclared"])
        #expect(try #require(teapot.violations.first).message.contains("declared: 200, 400, 401, 403, 404, 429, 500, 502, 503"))
    }
}
