import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Validator: request bodies and media types")
struct ValidatorBodyTests {
    let validator = Pets.standard

    func post(_ contentType: String?, _ body: [UInt8]?, validator: Validator = Pets.standard) -> RequestValidation {
        var fields: HTTPFields = [:]
        if let contentType { fields[.contentType] = contentType }
        return validator.validate(request: request(.post, "/v1/pets/5", fields), body: body)
    }

    @Test func jsonBodies() {
        let ok = post("application/json", bytes(#"{"name": "Rex"}"#))
        #expect(ok.violations.isEmpty && ok.mediaTypeKey == "application/json")
        let missing = post("application/json; charset=utf-8", bytes(#"{"nom": "Rex"}"#))
        #expect(codes(missing.violations) == ["schema.required"])
        #expect(missing.violations.first?.pointer?.description
            == "/paths/~1pets~1{id}/post/requestBody/content/application~1json/schema/required")
        #expect(missing.violations.first?.location?.file == "inline.yaml")
    }

    @Test func formBodies() {
        let ok = post("application/x-www-form-urlencoded", bytes("name=Rex+the+dog&age=3&tag=a"))
        #expect(ok.violations.isEmpty, "\(ok.violations)")
        #expect(ok.mediaTypeKey == "application/x-www-form-urlencoded")
        let typed = post("application/x-www-form-urlencoded", bytes("name=Rex&age=old"))
        #expect(codes(typed.violations) == ["schema.type"])
        #expect(typed.violations.first?.instancePointer == ["age"])
        let encoding = post("application/x-www-form-urlencoded", bytes("name=%ZZ"))
        #expect(codes(encoding.violations) == ["invalid_body_encoding"])
        let missing = post("application/x-www-form-urlencoded", bytes("age=3"))
        #expect(codes(missing.violations) == ["schema.required"])
    }

    @Test func textBodies() {
        #expect(post("text/plain; charset=utf-8", bytes("ab")).violations.isEmpty)
        #expect(codes(post("text/plain", bytes("a")).violations) == ["schema.minLength"])
        #expect(codes(post("text/plain", [0xFF, 0xFE]).violations) == ["invalid_body_encoding"])
    }

    @Test func opaqueBodiesAreNotParsed() {
        let verdict = post("application/octet-stream", [0, 1, 2, 0xFF])
        #expect(verdict.violations.isEmpty && verdict.mediaTypeKey == "application/octet-stream")
    }

    @Test func contentTypeProblems() throws {
        let missing = post(nil, bytes(#"{"name": "Rex"}"#))
        #expect(codes(missing.violations) == ["missing_content_type"])
        let undeclared = post("application/xml", bytes("<pet/>"))
        #expect(codes(undeclared.violations) == ["unsupported_media_type"])
        let message = try #require(undeclared.violations.first).message
        #expect(
            message == "Content-Type `application/xml` is not a declared request media type; declared: "
                + "application/json, application/x-www-form-urlencoded, text/plain, application/octet-stream")
        #expect(codes(post("application/", bytes("{}")).violations) == ["invalid_media_type"])
        // Two different vendor types never match, nor does a suffix make a type JSON-compatible.
        #expect(codes(post("application/vnd.a+json", bytes("{}")).violations) == ["unsupported_media_type"])
    }

    @Test func requiredBodyAbsentOrEmpty() {
        #expect(codes(post(nil, nil).violations) == ["request_body_missing"])
        #expect(codes(post(nil, []).violations) == ["request_body_missing"])
        #expect(codes(post("application/json", []).violations) == ["request_body_empty"])
    }

    @Test func bodyCap() throws {
        let small = Pets.validator(ValidatorOptions(maxBodyBytes: 10))
        let verdict = post("application/json", bytes(#"{"name": "Rexxxxx"}"#), validator: small)
        #expect(codes(verdict.violations) == ["body_too_large"])
        #expect(try #require(verdict.violations.first).message.contains("10-byte limit"))
        #expect(post("application/json", bytes(#"{"name":""}"#), validator: small).violations.isEmpty == false)
        #expect(post("application/json", bytes(#"{"name":1}"#), validator: small).violations.map(\.code) == ["schema.type"])
    }

    @Test func readOnlyAndWriteOnly() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /users:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/User'}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/User'}
            components:
              schemas:
                User:
                  type: object
                  required: [id, password]
                  properties:
                    id: {type: string, readOnly: true}
                    password: {type: string, writeOnly: true}
            """
        let lenient = try inlineValidator(yaml)
        let enforcing = try inlineValidator(yaml, options: ValidatorOptions(enforceReadWriteOnly: true))
        let sent = request(.post, "/users", [.contentType: "application/json"])
        // `id` is read-only: a request need not send it; `password` is write-only: a response need not.
        let verdict = lenient.validate(request: sent, body: bytes(#"{"password": "p"}"#))
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        let reply = HTTPResponse(status: .created, headerFields: [.contentType: "application/json"])
        #expect(lenient.validate(response: reply, body: bytes(#"{"id": "1"}"#), for: verdict).violations.isEmpty)
        // Sending them the wrong way is a violation only when enforced.
        let both = bytes(#"{"id": "1", "password": "p"}"#)
        #expect(lenient.validate(request: sent, body: both).violations.isEmpty)
        let strict = enforcing.validate(request: sent, body: both)
        #expect(codes(strict.violations).count == 1)
        #expect(strict.violations.first?.instancePointer == ["id"])
        #expect(codes(enforcing.validate(response: reply, body: both, for: strict).violations).count == 1)
    }
}
