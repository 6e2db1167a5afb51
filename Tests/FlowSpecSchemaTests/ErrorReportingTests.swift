import FlowSpecModel
import FlowSpecSchema
import Testing

@Suite("Errors people can act on")
struct ErrorReportingTests {
    let schema = """
        type: object
        required: [user, password]
        properties:
          user:
            type: string
            maxLength: 64
          password:
            type: string
            minLength: 8
          age:
            type: integer
            minimum: 0
          tags:
            type: array
            items:
              type: string
            uniqueItems: true
        additionalProperties: false
        """

    @Test func requiredMessageAndLocations() throws {
        let validator = Fixture.validator(schema)
        let result = validator.validate(Fixture.json(#"{"user": "ann"}"#))
        #expect(!result.isValid)
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.message == "`password` is required")
        #expect(error.code == "schema.required")
        #expect(error.instancePointer == .root)
        #expect(error.keyword == "required")
        #expect(error.keywordPointer == JSONPointer(["required"]))
        #expect(error.location?.file == "schema.yaml")
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 1)
        let diagnostic = error.diagnostic()
        #expect(diagnostic.instancePointer == .root)
        #expect(diagnostic.pointer == JSONPointer(["required"]))
    }

    @Test func collectsEveryErrorInADeterministicOrder() {
        let validator = Fixture.validator(schema)
        let body = Fixture.json(
            #"{"user": "\#(String(repeating: "u", count: 70))", "password": 5, "age": -1, "tags": ["a", "a"], "extra": 1}"#
        )
        let result = validator.validate(body)
        let rendered = result.errors.map(\.description)
        #expect(
            rendered == [
                "/user: must be at most 64 characters long (it is 70)",
                "/password: expected a string, got an integer",
                "/age: must be at least 0 (it is -1)",
                "/tags: items 0 and 1 are equal, but items must be unique",
                "/extra: `extra` is not allowed here",
            ])
        #expect(result.errors[0].location?.line == 6)
        #expect(result.errors[0].keywordPointer == JSONPointer(["properties", "user", "maxLength"]))
        // The same input gives the same errors every time.
        #expect(validator.validate(body).errors == result.errors)
    }

    @Test func capsTheNumberOfErrors() {
        let validator = Fixture.validator("type: array\nitems: {type: string}")
        let body = JSONValue.array((0..<500).map { .number(JSONNumber($0)) })
        let result = validator.validate(body, options: ValidationOptions(maxErrors: 10))
        #expect(result.errors.count == 10)
        #expect(result.isTruncated)
        #expect(result.errors.last?.instancePointer == JSONPointer(["9"]))
    }

    @Test func alternativesAreSummarisedWithTheClosestBranch() {
        let validator = Fixture.validator(
            """
            oneOf:
              - type: string
              - type: object
                required: [id]
                properties:
                  id: {type: integer}
            """)
        let result = validator.validate(Fixture.json(#"{"id": "x"}"#))
        #expect(
            result.errors.map(\.description) == [
                "(root): does not match any of the 2 alternatives",
                "/id: expected an integer, got a string",
            ])
    }

    @Test func oneOfWithTwoMatchesSaysWhich() {
        let validator = Fixture.validator("oneOf: [{type: integer}, {minimum: 0}, {type: string}]")
        let result = validator.validate(3)
        #expect(
            result.errors.map(\.message) == [
                "matches more than one of the 3 alternatives (#1 and #2), but must match exactly one"
            ])
    }

    @Test func formatsAreAssertedByDefault() {
        let validator = Fixture.validator("type: string\nformat: uuid")
        #expect(!validator.isValid("not-a-uuid"))
        #expect(validator.validate("not-a-uuid").errors.map(\.message) == ["`\"not-a-uuid\"` is not a valid uuid"])
        #expect(validator.isValid("4b6f1b5e-8c1a-4a3e-9f57-2b2c0d8e6a11"))
        #expect(validator.isValid("not-a-uuid", options: ValidationOptions(assertFormats: false)))
    }

    @Test func openAPIFormats() {
        let int32 = Fixture.validator("format: int32")
        #expect(int32.isValid(2_147_483_647))
        #expect(!int32.isValid(2_147_483_648))
        #expect(!int32.isValid(.number(JSONNumber(text: "1.5"))))
        let int64 = Fixture.validator("format: int64")
        #expect(int64.isValid(.number(JSONNumber(text: "9223372036854775807"))))
        #expect(!int64.isValid(.number(JSONNumber(text: "9223372036854775808"))))
        let byte = Fixture.validator("format: byte")
        #expect(byte.isValid("aGVsbG8="))
        #expect(!byte.isValid("aGVsbG8"))
        let float = Fixture.validator("format: float")
        #expect(float.isValid(.number(JSONNumber(text: "3.4e38"))))
        #expect(!float.isValid(.number(JSONNumber(text: "1e39"))))
        let double = Fixture.validator("format: double")
        #expect(!double.isValid(.number(JSONNumber(text: "1e400"))))
    }

    @Test func invalidJSONBodiesReportTheirOffset() {
        let validator = Fixture.validator("type: object")
        let result = validator.validate(json: Array(#"{"a": 1,}"#.utf8))
        #expect(!result.isValid)
        #expect(result.errors.first?.code == "json.syntax")
        #expect(result.errors.first?.message.contains("byte 8") == true)
        let duplicate = validator.validate(json: Array(#"{"a": 1, "a": 2}"#.utf8))
        #expect(duplicate.errors.first?.code == "json.duplicate_key")
        #expect(validator.validate(json: Array(#"{"a": [1, 2.50]}"#.utf8)).isValid)
    }
}
