import FlowSpecModel
import FlowSpecSchema
import Testing

/// The compiler compiles each pattern text once and shares its matcher: every keyword that uses the
/// text still checks its own value and names the pattern in its error.
@Suite struct SharedPatternTests {
    static let schema = """
        type: object
        properties:
          a: {type: string, pattern: '^[a-z]+$'}
          b: {type: string, pattern: '^[a-z]+$'}
          c: {type: string, pattern: '^[0-9]+$'}
        patternProperties:
          '^[a-z]+$': {type: string}

        """

    @Test func eachUseOfASharedPatternChecksItsOwnValue() {
        let validator = Fixture.validator(Self.schema)
        #expect(validator.validate(Fixture.json(#"{"a": "x", "b": "y", "c": "1"}"#)).errors.isEmpty)
        let errors = validator.validate(Fixture.json(#"{"a": "x", "b": "Y", "c": "z"}"#)).errors
        #expect(errors.map(\.instancePointer.description).sorted() == ["/b", "/c"])
        #expect(
            errors.map(\.message).sorted() == ["must match the pattern `^[0-9]+$`", "must match the pattern `^[a-z]+$`"])
        let b = errors.first { $0.instancePointer.description == "/b" }
        #expect(b?.keywordPointer == JSONPointer(["properties", "b", "pattern"]))
    }

    @Test func aPatternPropertyWithTheSameTextStillSelectsItsKeys() {
        let validator = Fixture.validator(Self.schema)
        #expect(validator.validate(Fixture.json(#"{"zz": "s"}"#)).errors.isEmpty)
        let errors = validator.validate(Fixture.json(#"{"zz": 1}"#)).errors
        #expect(errors.map(\.instancePointer.description) == ["/zz"])
    }
}
