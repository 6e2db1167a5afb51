import FlowSpecSchema
import Testing

/// The JSON-Schema-Test-Suite. Unexpected failures fail the test; so does a pass count below the
/// recorded floor. Known failures are listed by name with the reason.
@Suite(
    "JSON-Schema-Test-Suite",
    .enabled(if: SuiteRunner.isAvailable, "shared/conformance/json-schema-test-suite is absent"))
struct JSONSchemaSuiteTests {
    static func check(
        _ runner: SuiteRunner, _ files: [String], known: [String: String], floors: [String: Int]
    ) {
        var total = 0
        var streamed = 0
        for file in files {
            let outcome = runner.run(file, known: known)
            total += outcome.passed
            streamed += outcome.streamed
            print(
                "[suite] \(file): \(outcome.passed) passed, \(outcome.failed.count) failed, \(outcome.expectedFailures.count) known failures"
            )
            for failure in outcome.failed { Issue.record("unexpected failure: \(failure)") }
            for fixed in outcome.fixedFailures { print("[suite] now passes, remove from the known list: \(fixed)") }
            if let floor = floors[file] {
                #expect(outcome.passed >= floor, "\(file): \(outcome.passed) passed, the floor is \(floor)")
            }
        }
        print("[suite] total passed: \(total), instances the one-pass byte check vouched for: \(streamed)")
        // The differential check means something only if the one-pass check takes part.
        #expect(streamed > 0)
    }

    @Test func draft2020_12() {
        let runner = SuiteRunner(dialect: .jsonSchema2020_12, assertFormats: false)
        Self.check(
            runner, SuiteRunner.files(in: "draft2020-12"), known: KnownFailures.draft2020_12,
            floors: Floors.draft2020_12)
    }

    @Test func draft2020_12Optional() {
        let runner = SuiteRunner(dialect: .jsonSchema2020_12, assertFormats: false)
        Self.check(
            runner, SuiteRunner.files(in: "draft2020-12/optional"), known: KnownFailures.optional,
            floors: Floors.optional)
    }

    @Test func draft2020_12Formats() {
        let runner = SuiteRunner(dialect: .jsonSchema2020_12, assertFormats: true)
        Self.check(
            runner, SuiteRunner.files(in: "draft2020-12/optional/format"), known: KnownFailures.formats,
            floors: Floors.formats)
    }

    @Test func draft4() {
        let runner = SuiteRunner(dialect: .draft4, assertFormats: false)
        Self.check(runner, SuiteRunner.files(in: "draft4"), known: KnownFailures.draft4, floors: Floors.draft4)
    }

    @Test func draft4AsOpenAPI30() {
        let runner = SuiteRunner(dialect: .openAPI30, assertFormats: false)
        Self.check(runner, SuiteRunner.files(in: "draft4"), known: KnownFailures.openAPI30, floors: Floors.openAPI30)
    }
}
