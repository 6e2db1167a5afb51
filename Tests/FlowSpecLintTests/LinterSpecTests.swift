import FlowSpecLint
import FlowSpecModel
import Foundation
import Testing

/// Whole specs under the built-in rules: the flows spec is clean, the community spec of the same
/// endpoints gets the findings a reviewer agrees with, and every corpus spec lints to the end.
@Suite struct LinterSpecTests {
    /// The repository's root folder (this file is Tests/FlowSpecLintTests/LinterSpecTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The shared corpus of real specs, beside the repository.
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let community = corpus.appendingPathComponent("pingone/community-authenticationAPIs.yml").path
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: community) }

    /// `line:column rule-id` of every finding of the default (recommended) configuration.
    static func findings(_ path: String, examples: (@Sendable (LoadResult) -> any ExampleChecker)? = nil) -> [String] {
        let loaded = SpecLoader().load(path: path)
        return Linter().lint(loaded, examples: examples.map { $0(loaded) }).diagnostics.map(\.place)
    }

    @Test(arguments: ["specs/pingone-flows.yaml", "specs/pingone-flows/openapi.yaml"])
    func flowsSpecIsClean(_ spec: String) {
        #expect(Self.findings(Self.root.appendingPathComponent(spec).path) == [])
    }

    /// The community description of PingOne's authentication endpoints, finding by finding:
    /// - `info` has no contact;
    /// - no operation has an operationId;
    /// - `Content-Type` is declared as a header parameter on every form POST and on the flow actions,
    ///   where OpenAPI ignores it (the vendor media types belong in `requestBody.content`);
    /// - the session token is declared as a `Cookie` header parameter instead of a cookie `ST`.
    static let communityFindings = """
        2:1 info-contact
        68:5 operation-operationId
        117:5 operation-operationId
        167:17 header-parameter-ignored
        183:5 operation-operationId
        192:17 header-parameter-ignored
        213:5 operation-operationId
        241:17 header-parameter-ignored
        257:5 operation-operationId
        277:5 operation-operationId
        296:5 operation-operationId
        316:5 operation-operationId
        325:17 header-parameter-ignored
        347:5 operation-operationId
        367:5 operation-operationId
        395:17 header-parameter-ignored
        411:5 operation-operationId
        429:17 header-parameter-ignored
        445:5 operation-operationId
        454:17 header-parameter-ignored
        474:5 operation-operationId
        490:17 header-parameter-ignored
        495:17 header-parameter-ignored
        516:5 operation-operationId
        525:17 header-parameter-ignored
        530:17 header-parameter-ignored
        551:5 operation-operationId
        576:5 operation-operationId
        605:5 operation-operationId
        625:17 header-parameter-ignored
        641:5 operation-operationId
        650:17 header-parameter-ignored
        676:5 operation-operationId
        701:5 operation-operationId
        731:5 operation-operationId
        748:17 header-parameter-ignored
        764:5 operation-operationId
        793:5 operation-operationId
        813:17 header-parameter-ignored
        829:5 operation-operationId
        859:5 operation-operationId
        894:5 operation-operationId
        903:17 header-parameter-ignored
        """

    @Test(.enabled(if: hasCorpus)) func communitySpecFindings() {
        let found = Self.findings(Self.community)
        #expect(found == Self.communityFindings.split(separator: "\n").map(String.init))
    }

    @Test(.enabled(if: hasCorpus)) func communitySpecMessages() throws {
        let loaded = SpecLoader().load(path: Self.community)
        let found = Linter().lint(loaded).diagnostics
        let reset = try #require(found.first { $0.location?.line == 525 })
        #expect(reset.message == "OpenAPI ignores the header parameter `Content-Type`")
        #expect(reset.hint == "remove it; the request body's `content` keys declare the media types sent")
        let cookie = try #require(found.first { $0.location?.line == 192 })
        #expect(cookie.hint == "declare each cookie as a parameter with `in: cookie` and its own name")
        let operation = try #require(found.first { $0.location?.line == 445 })
        #expect(operation.message == "GET /{envID}/flows/{flowID} has no `operationId`")
        #expect(operation.hint == "add `operationId:` with a unique name such as `getFlows`")
    }

    /// With a schema engine wired in, the two examples written as strings for integer properties
    /// (`nonce: '123'`, `max_age: '3600'`) are found as well.
    @Test(.enabled(if: hasCorpus)) func communitySpecExamplesWithASchemaEngine() {
        let found = Self.findings(Self.community, examples: TypeOnlyChecker.init)
        let added = found.filter { !Self.communityFindings.contains($0) }
        #expect(added == ["149:28 oas3-valid-schema-example", "161:28 oas3-valid-schema-example"])
    }

    /// The root file registered with the schema engine while the spec loads (as `flowspec lint` does)
    /// gives the findings of registering every file after loading: one-file and multi-file specs, and
    /// a corpus spec whose examples fail their schemas.
    @Test(arguments: [
        "specs/pingone-flows.yaml", "specs/pingone-flows/openapi.yaml", "../shared/corpus/pingone/community-pingone-management.yml",
    ])
    func registeringAheadGivesTheSameFindings(_ spec: String) {
        let path = Self.root.appendingPathComponent(spec).standardized.path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let linter = Linter(configuration: LintConfiguration(extends: [.all]))
        let today = CalendarDate(year: 2026, month: 1, day: 1)
        #expect(linter.mayCheckExamples(file: path))
        #expect(!Linter(rules: []).mayCheckExamples(file: path))
        let plain = SpecLoader().load(path: path)
        let expected = linter.lint(plain, today: today, examples: SchemaExampleChecker(plain))
        let ahead = SchemaRegistrationAhead()
        let loaded = SpecLoader().load(path: path, beside: ahead.register)
        let found = linter.lint(loaded, today: today, examples: SchemaExampleChecker(loaded, registeredAhead: ahead))
        #expect(found.diagnostics == expected.diagnostics)
        if spec.contains("community") {
            #expect(found.diagnostics.contains { $0.code == "oas3-valid-media-example" || $0.code == "oas3-valid-schema-example" })
        }
    }

    /// The rules run on several threads, the example rules after the schemas are compiled: the
    /// findings (all rules, the real schema engine) are the same, in the same order, on one thread
    /// and on many.
    @Test(.enabled(if: hasCorpus), arguments: ["pingone/community-pingone-management.yml"])
    func findingsDoNotDependOnThreads(_ spec: String) {
        let loaded = SpecLoader().load(path: Self.corpus.appendingPathComponent(spec).path)
        let configuration = LintConfiguration(extends: [.all])
        let today = CalendarDate(year: 2026, month: 1, day: 1)
        let one = Linter(configuration: configuration, threads: 1).lint(
            loaded, today: today, examples: SchemaExampleChecker(loaded))
        #expect(one.diagnostics.contains { $0.code == "oas3-valid-media-example" || $0.code == "oas3-valid-schema-example" })
        for threads in [2, 4] {
            let many = Linter(configuration: configuration, threads: threads).lint(
                loaded, today: today, examples: SchemaExampleChecker(loaded))
            #expect(many.diagnostics == one.diagnostics)
            #expect(many.suppressedCount == one.suppressedCount)
        }
    }

    /// Every pingone spec of the corpus, and one large spec, lint to the end (the large ones are slow
    /// in debug builds; the benchmarks cover the rest).
    @Test(
        .enabled(if: hasCorpus),
        arguments: [
            "pingone/community-authenticationAPIs.yml", "pingone/community-pingone-management.yml",
            "pingone/pingone-go-client.openapi.yaml", "twilio/twilio_api_v2010.yaml",
        ])
    func corpusSpecLintsToTheEnd(_ spec: String) {
        let loaded = SpecLoader().load(path: Self.corpus.appendingPathComponent(spec).path)
        #expect(loaded.document != nil)
        let result = Linter(configuration: LintConfiguration(extends: [.all])).lint(
            loaded, examples: TypeOnlyChecker(loaded))
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { $0.location != nil })
    }
}
