import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Validator: strict properties and parameter merging")
struct ValidatorStrictTests {
    static let yaml = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: mode, in: query, schema: {type: string, enum: [a, b]}}
            put:
              operationId: putThing
              parameters:
                - {name: mode, in: query, required: true, schema: {type: [integer, 'null']}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      allOf:
                        - $ref: '#/components/schemas/Base'
                        - type: object
                          properties:
                            tags: {type: array, items: {$ref: '#/components/schemas/Tag'}}
              responses: {'204': {description: ok}}
        components:
          schemas:
            Base:
              type: object
              properties:
                name: {type: string}
                meta: {type: object, additionalProperties: true}
                child: {$ref: '#/components/schemas/Base'}
            Tag:
              type: object
              properties:
                label: {type: string}
        """

    func put(_ validator: Validator, query: String = "mode=3", _ body: String) -> RequestValidation {
        validator.validate(
            request: request(.put, "/things/x?\(query)", [.contentType: "application/json"]), body: bytes(body))
    }

    @Test func operationParametersOverridePathItemOnes() throws {
        let validator = try inlineValidator(Self.yaml)
        #expect(put(validator, #"{"name": "n"}"#).violations.isEmpty)
        #expect(put(validator, #"{"name": "n"}"#).parameters.query["mode"] == 3)
        #expect(codes(put(validator, query: "mode=a", #"{}"#).violations) == ["schema.type"])
        #expect(codes(put(validator, query: "", #"{}"#).violations) == ["missing_required_parameter"])
        // With no servers, the base path is `/`.
        #expect(validator.validate(request: request(.put, "/v1/things/x?mode=1"), body: nil).operation == nil)
    }

    @Test func strictModeFollowsAllOfRefsRecursionAndItems() throws {
        let strict = try inlineValidator(Self.yaml, options: ValidatorOptions(strict: true))
        let body = """
            {"name": "n", "extra": 1, "meta": {"free": true},
             "child": {"name": "c", "oops": 2, "child": {"deeper": 3}},
             "tags": [{"label": "x"}, {"colour": "red"}]}
            """
        let verdict = put(strict, body)
        #expect(codes(verdict.violations) == Array(repeating: "undeclared_property", count: 4))
        #expect(
            Set(verdict.violations.compactMap(\.instancePointer)) == [
                ["extra"], ["child", "oops"], ["child", "child", "deeper"], ["tags", "1", "colour"],
            ])
        let lenient = try inlineValidator(Self.yaml)
        #expect(put(lenient, body).violations.isEmpty)
    }
}
