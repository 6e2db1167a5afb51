import FlowSpecModel
@testable import FlowSpecSchema
import Testing

/// Invalid bodies skip the fast evaluator pass when the one-pass check saw a keyword fail: the
/// collecting pass alone must report exactly what the two passes report (verdict, every error with
/// its pointers and location, truncation, the budget error).
@Suite("Collecting pass first for likely-invalid bodies")
struct CollectingFirstTests {
    static let bodies: [String] = StreamingCheckTests.cases.map(\.0) + [
        #"{"name":1,"kind":2,"items":[{"id":3,"count":"x","tags":[1,"A"]},{"zz":true}],"mail":"@","when":"x"}"#,
        #"{"name":"ab","kind":"a","items":"nope"}"#,
        #"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","tags":[]}]}"#,
        #"{"name":"ab","kind":"a","items":[],"either":true,"one":[],"exact":"y","nothing":0,"flag":"no"}"#,
        #"{"name":"ab","kind":"a","items":[],"both":""}"#,
        #"[1,2,3]"#,
        #""just a string""#,
    ]

    /// Every error field the reports show.
    static func summary(_ result: ValidationResult) -> [String] {
        ["valid=\(result.isValid) truncated=\(result.isTruncated)"]
            + result.errors.map {
                "\($0.description) | \($0.code) | \($0.keyword) | \(String(describing: $0.keywordPointer)) | \(String(describing: $0.location))"
            }
    }

    @Test(arguments: [
        ValidationOptions(), ValidationOptions(maxErrors: 1), ValidationOptions(maxErrors: 2),
        ValidationOptions(assertFormats: false), ValidationOptions(maxSteps: 1_030),
    ])
    func sameResultAsTheTwoPasses(_ options: ValidationOptions) {
        let validator = Fixture.validator(StreamingCheckTests.schema)
        var collectedFirst = 0
        for body in Self.bodies {
            let bytes = Array(body.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                guard let tape = try? JSONParser.tape(buffer, options: .default) else { return }
                let twoPasses = validator.validate(tape: tape, options: options)
                let oneFirst = validator.validateCollectingFirst(tape: tape, options: options)
                #expect(Self.summary(oneFirst) == Self.summary(twoPasses), "\(body)")
                if !twoPasses.isValid { collectedFirst += 1 }
                // The public entry point, whichever way the hint sends it, agrees too.
                let answer = validator.validate(json: bytes, options: options)
                #expect(Self.summary(answer) == Self.summary(twoPasses), "\(body)")
            }
        }
        #expect(collectedFirst > 10)
    }

    @Test func aStepBudgetTooSmallStillReportsTheBudgetError() {
        // Past the step budget the collecting pass alone cannot tell what the fast pass would
        // have counted: the two passes run, and the one budget error is reported.
        let validator = Fixture.validator(StreamingCheckTests.schema)
        let body = Array(#"{"name":1,"kind":2,"items":[{"id":3},{"id":4},{"id":5}]}"#.utf8)
        let options = ValidationOptions(maxSteps: 4)
        body.withUnsafeBufferPointer { buffer in
            let tape = try! JSONParser.tape(buffer, options: .default)
            let oneFirst = validator.validateCollectingFirst(tape: tape, options: options)
            #expect(oneFirst.errors.map(\.code) == ["schema.budget_exceeded"])
            #expect(Self.summary(oneFirst) == Self.summary(validator.validate(tape: tape, options: options)))
        }
    }

    @Test func theHintFollowsFailedKeywordsOnly() {
        let validator = Fixture.validator(StreamingCheckTests.schema)
        func verdict(_ text: String) -> StreamingCheck.Verdict {
            Array(text.utf8).withUnsafeBufferPointer {
                StreamingCheck.verdict(
                    runtime: validator.runtime, entry: validator.entry, buffer: $0, options: .init(),
                    parseOptions: .default)
            }
        }
        #expect(verdict(#"{"name":"ab","kind":"a","items":[]}"#) == .valid)
        #expect(verdict(#"{"name":"a","kind":"a","items":[]}"#) == .mismatch)  // minLength
        #expect(verdict(#"{"name":"ab","items":[]}"#) == .mismatch)  // required
        #expect(verdict(#"{"name":"ab","kind":"a","items":{}}"#) == .mismatch)  // type of a container
        #expect(verdict(#"{"name":"ab","kind":"a","items":[{"id":"x"}]}"#) == .mismatch)  // format
        #expect(verdict(#"{"name":"ab","kind":"a","items":[{"id":"4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36","zz":1}]}"#) == .mismatch)
        // Giving up is not a failed keyword.
        #expect(verdict(#"{"name":"a\u0062","kind":"a","items":[]}"#) == .unsure)  // escape
        #expect(verdict(#"{"name":"ab","kind":"a","items":[],"either":1}"#) == .unsure)  // anyOf
        #expect(verdict(#"{"name":"ab","kind":"a","items":[] "#) == .unsure)  // not JSON
    }
}

/// Decoded values (parameters, form fields) validated after `isValid` refused them: a scalar the
/// one-pass check sees fail a keyword is collected in one pass, with the two passes' result.
@Suite("Collecting pass first for refused values")
struct CollectingFirstValueTests {
    @Test func valuesGetTheTwoPassesResult() {
        let schemas = [
            "{type: string, format: uuid}", "{type: string, pattern: \"^[0-9]{6}$\", maxLength: 6}",
            "{type: integer, minimum: 1, maximum: 100}", "{enum: [user, session, all]}", "{type: boolean}",
            "{type: string, minLength: 3}", "{anyOf: [{type: integer}, {type: boolean}]}",
        ]
        let values: [JSONValue] = [
            .string("4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"), .string("4b8e1f27"), .string("12345a"), .string("ñö"),
            .string("1234567"), .string("user"), .string("nobody"), .number(JSONNumber(0)), .number(JSONNumber(50)),
            .number(JSONNumber(text: "1.5")), .bool(true), .null, .array([.string("x")]), .object(["a": .null]),
        ]
        var hinted = 0
        for yaml in schemas {
            let validator = Fixture.validator(yaml)
            for value in values {
                let twoPasses = validator.validate(tape: JSONTape(value), options: .init())
                let answer = validator.validate(value, options: .init())
                #expect(CollectingFirstTests.summary(answer) == CollectingFirstTests.summary(twoPasses), "\(yaml) \(value)")
                if StreamingCheck.mismatches(
                    runtime: validator.runtime, entry: validator.entry, value: value, options: .init())
                {
                    hinted += 1
                    #expect(!twoPasses.isValid, "\(yaml) \(value)")
                }
            }
        }
        #expect(hinted > 20)
    }
}
