import FlowSpecModel
@testable import FlowSpecSchema
import Testing

/// The collecting pass on an invalid body checks the collections it descends into in one pass
/// first and skips those found valid: the errors, the verdict and the steps counted must be what
/// the walk over every collection gives.
@Suite("Collecting pass: valid collections checked in one pass")
struct CollectingSubtreesTests {
    static let uuid = "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"
    static let bodies: [String] = CollectingFirstTests.bodies + [
        // A valid item before and after an invalid one, nested arrays and objects.
        #"{"name":1,"kind":"a","items":[{"id":"\#(uuid)","tags":["ab"]},{"id":3},{"id":"\#(uuid)","count":2}]}"#,
        #"{"name":"ab","kind":"a","items":[{"id":"\#(uuid)","tags":["ab","cd"]},{"id":"\#(uuid)","tags":["A"]}]}"#,
        #"{"name":"ab","kind":"z","items":[{"id":"\#(uuid)"}],"extra":{"a":[1,{"b":null}],"c":{}}}"#,
        // The one pass gives up inside a collection (an escaped string), then goes on after it.
        #"{"name":"ab","kind":"z","items":[{"id":"\#(uuid)","tags":["a\u0062"]},{"id":"\#(uuid)"}]}"#,
        // Whitespace everywhere, an invalid member last.
        #" { "items" : [ { "id" : "\#(uuid)" } , { "id" : "\#(uuid)" , "tags" : [ "x" ] } ] , "name" : "ab" , "kind" : 7 } "#,
    ]

    /// The collecting pass over `body`, with or without the one-pass check of collections.
    static func collect(
        _ validator: SchemaValidator, _ body: String, _ options: ValidationOptions, subtrees: Bool
    ) -> (valid: Bool, errors: [String], steps: Int, skipped: Int)? {
        Array(body.utf8).withUnsafeBufferPointer { buffer in
            guard let tape = try? JSONParser.tape(buffer, options: .default) else { return nil }
            var evaluator = Evaluator(runtime: validator.runtime, tape: tape, options: options, collect: true)
            if subtrees { evaluator.subtrees = .default }
            var none = Annotations.inactive
            let valid = evaluator.evaluate(validator.entry, JSONTape.root, &none)
            let errors = evaluator.errors.map {
                "\($0.description) | \($0.code) | \($0.keyword) | \(String(describing: $0.location))"
            }
            return (valid, errors, evaluator.steps, evaluator.subtreesSkipped)
        }
    }

    @Test(arguments: [
        ValidationOptions(), ValidationOptions(maxErrors: 1), ValidationOptions(assertFormats: false),
        ValidationOptions(maxSteps: 1_030), ValidationOptions(maxDepth: 20),
    ])
    func sameErrorsAndStepsAsTheWalk(_ options: ValidationOptions) throws {
        let validator = Fixture.validator(StreamingCheckTests.schema)
        var skipped = 0
        for body in Self.bodies {
            guard let walk = Self.collect(validator, body, options, subtrees: false) else { continue }
            let checked = try #require(Self.collect(validator, body, options, subtrees: true))
            #expect(checked.valid == walk.valid, "\(body)")
            #expect(checked.errors == walk.errors, "\(body)")
            #expect(checked.steps == walk.steps, "\(body)")
            skipped += checked.skipped
        }
        // The path is taken (a test that never skips would prove nothing).
        #expect(skipped >= 8)
    }

    @Test func aCollectionIsSkippedOnlyWhenValid() throws {
        let validator = Fixture.validator(StreamingCheckTests.schema)
        let body = #"{"name":1,"kind":"a","items":[{"id":"\#(Self.uuid)","tags":["ab"]},{"id":3}]}"#
        let checked = try #require(Self.collect(validator, body, .init(), subtrees: true))
        // `items` fails (its second item), so it is walked; its first item is skipped, its second
        // walked; the name's error and the id's are both reported.
        #expect(checked.skipped == 1)
        #expect(checked.errors.count == 2)
    }

    @Test func theBodiesEntryPointAgreesWithTheTwoPasses() {
        let validator = Fixture.validator(StreamingCheckTests.schema)
        for body in Self.bodies {
            let bytes = Array(body.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                guard let tape = try? JSONParser.tape(buffer, options: .default) else { return }
                let twoPasses = validator.validate(tape: tape, options: .init())
                let answer = validator.validate(json: bytes)
                #expect(CollectingFirstTests.summary(answer) == CollectingFirstTests.summary(twoPasses), "\(body)")
            }
        }
    }
}
