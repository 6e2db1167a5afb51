import FlowSpecModel
import FlowSpecSchema
import Testing

/// Validating raw bytes (the fast path, through the flat tape) must agree with validating the parsed
/// value, for every kind of value and keyword.
@Suite("Raw JSON bodies")
struct RawBodyValidationTests {
    func both(_ validator: SchemaValidator, _ json: String, options: ValidationOptions = .init()) -> (Bool, Bool) {
        let bytes = Array(json.utf8)
        let raw = validator.validate(json: bytes, options: options).isValid
        #expect(validator.isValid(json: bytes, options: options) == raw)
        #expect(validator.isValid(json: json, options: options) == raw)
        #expect(validator.validate(json: json, options: options).isValid == raw)
        let value = Fixture.json(json)
        return (raw, validator.validate(value, options: options).isValid)
    }

    @Test func escapedAndNonASCIIStrings() {
        let validator = Fixture.validator(
            """
            type: object
            required: ["a\\"b", "é"]
            properties:
              "a\\"b": {const: "x\\ny"}
              "é": {type: string, maxLength: 3, minLength: 3}
            additionalProperties: false
            """)
        #expect(both(validator, #"{"a\"b": "x\ny", "\u00e9": "ñöü"}"#) == (true, true))
        #expect(both(validator, #"{"a\u0022b": "x\u000ay", "é": "ñöü"}"#) == (true, true))
        #expect(both(validator, #"{"a\"b": "x\ny", "é": "ñöüx"}"#) == (false, false))
        #expect(both(validator, #"{"a\"b": "x\ny", "e\u0301": "abc", "é": "abc"}"#) == (false, false))
        let result = validator.validate(json: Array(#"{"a\"b": "x\ny", "é": "ab"}"#.utf8))
        #expect(result.errors.map(\.description) == ["/é: must be at least 3 characters long (it is 2)"])
    }

    /// Parameter values take a shortcut that validates a string in place; it must agree with the
    /// string as a value, formats, patterns and lengths included.
    @Test func stringsValidatedInPlaceAgreeWithValues() {
        let validator = Fixture.validator(
            """
            anyOf:
              - {type: string, format: uuid}
              - {type: string, pattern: "^[0-9]{6}$"}
              - {type: string, minLength: 3, maxLength: 3, format: date}
              - {enum: [user, "é", "x y"]}
            """)
        let cases = [
            "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36", "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e3", "123456", "12345", "user",
            "users", "é", "e\u{301}", "x y", "abc", "", "2025-02-29", "ñöü",
        ]
        var accepted = 0
        for text in cases {
            let inPlace = validator.isValid(string: text)
            #expect(inPlace == validator.isValid(.string(text)), "\(text)")
            if inPlace { accepted += 1 }
        }
        #expect(accepted == 5)
        #expect(!Fixture.validator("type: integer").isValid(string: "1"))
    }

    @Test func numbersKeepTheirExactValue() {
        let validator = Fixture.validator(
            "type: array\nitems: {type: integer, maximum: 18446744073709551615, multipleOf: 5}")
        #expect(both(validator, "[18446744073709551615, 0, -0, 1.0e1, 10]") == (true, true))
        #expect(both(validator, "[18446744073709551616]") == (false, false))
        #expect(both(validator, "[12345678901234567895, 9223372036854775805]") == (true, true))
        #expect(both(validator, "[7.5]") == (false, false))
        let result = validator.validate(json: Array("[1e400]".utf8))
        #expect(result.errors.map(\.description) == ["/0: must be at most 18446744073709551615 (it is 1e400)"])
    }

    @Test func manyPropertiesUseTheHashIndex() {
        var yaml = "type: object\nadditionalProperties: false\nproperties:\n"
        for k in 0..<40 { yaml += "  p\(k): {type: integer, minimum: \(k)}\n" }
        let validator = Fixture.validator(yaml)
        var members: [String] = []
        for k in 0..<40 { members.append("\"p\(k)\": \(k)") }
        #expect(both(validator, "{" + members.joined(separator: ", ") + "}") == (true, true))
        #expect(both(validator, #"{"p39": 38}"#) == (false, false))
        #expect(both(validator, #"{"p40": 1}"#) == (false, false))
    }

    @Test func largeEnumsAndUniqueItems() {
        var values = (0..<20).map { "v\($0)" }
        values.append("{\"a\": [1, 2.0]}")
        let validator = Fixture.validator("enum: [\(values.joined(separator: ", "))]")
        #expect(both(validator, #""v7""#) == (true, true))
        #expect(both(validator, #"{"a": [1.0, 2]}"#) == (true, true))
        #expect(both(validator, #""v70""#) == (false, false))
        let unique = Fixture.validator("uniqueItems: true")
        let many = (0..<30).map { "{\"k\": \($0), \"s\": \"x\"}" }
        #expect(both(unique, "[" + many.joined(separator: ", ") + "]") == (true, true))
        #expect(
            both(unique, "[" + (many + [#"{"s": "x", "k": 29.0}"#]).joined(separator: ", ") + "]") == (false, false))
    }

    @Test func propertyNamesAndPatterns() {
        let validator = Fixture.validator(
            "propertyNames: {maxLength: 3, pattern: '^[a-z]+$'}\npatternProperties:\n  '^x': {type: integer}\n")
        #expect(both(validator, #"{"abc": 1, "xy": 2}"#) == (true, true))
        #expect(both(validator, #"{"abcd": 1}"#) == (false, false))
        #expect(both(validator, #"{"xy": "s"}"#) == (false, false))
        let result = validator.validate(json: Array(#"{"Ab": 1}"#.utf8))
        #expect(result.errors.map(\.description) == ["/Ab: must match the pattern `^[a-z]+$`"])
    }

    @Test func duplicateKeysAndBadBytes() {
        let validator = Fixture.validator("type: object")
        #expect(!validator.isValid(json: Array(#"{"a": 1, "a": 1}"#.utf8)))
        let allowed = JSONParser.Options(allowDuplicateKeys: true)
        let kept = Fixture.validator("properties: {a: {const: 1}}")
        #expect(kept.validate(json: Array(#"{"a": 1, "b": [2], "a": {"x": [3]}}"#.utf8), parseOptions: allowed).isValid)
        let bad = validator.validate(json: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D])
        #expect(bad.errors.first?.code == "json.invalid_utf8")
        #expect(bad.errors.first?.message.contains("byte 2") == true)
    }
}

@Suite("Random bodies never crash the validator")
struct RandomBodyTests {
    @Test func randomBytesAgainstTheMetaSchema() throws {
        let meta = try SchemaValidator(registry: SchemaRegistry(), uri: "https://json-schema.org/draft/2020-12/schema")
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "{", "}", "[", "]", ",", ":", "\"type\"", "\"items\"", "\"$ref\"", "\"#\"", "\"properties\"", "\"allOf\"",
            "\"minimum\"", "1", "-0.5e3", "true", "null", "\"a\\u00e9\"", " ", "\"unevaluatedProperties\"", "false",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1..<30, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let bytes = Array(text.utf8)
            let result = meta.validate(json: bytes)
            #expect(result.isValid == meta.isValid(json: bytes))
            if let value = try? JSONParser.parse(bytes) {
                #expect(meta.validate(value).isValid == result.isValid)
            }
        }
    }
}
