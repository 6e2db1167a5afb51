import FlowSpecModel
import FlowSpecSchema
import Foundation
import Testing

@testable import FlowSpecLint

/// The work ``SchemaRegistrationAhead`` starts while a spec loads. That it gives the same findings
/// is ``LinterSpecTests/registeringAheadGivesTheSameFindings(_:)``'s to show.
@Suite struct CompileAheadTests {
    /// The component schemas compiled ahead are what the checker carries on with; a checker that is
    /// dropped unused stops that work rather than leaving it running, and a spec in several files
    /// (whose registry the work ahead does not have) is compiled afresh.
    @Test func compilingAheadIsTakenOnceOrStopped() throws {
        let path = LinterSpecTests.root.appendingPathComponent("specs/pingone-flows.yaml").standardized.path
        let ahead = SchemaRegistrationAhead()
        let loaded = SpecLoader().load(path: path, beside: ahead.register)
        let root = try #require(loaded.files.root)
        #expect(!SchemaRegistrationAhead.componentSchemas(root.tree).isEmpty)
        #expect(ahead.compiler(for: root, dialect: .openAPI30) == nil)
        #expect(ahead.compiler(for: root, dialect: .jsonSchema2020_12) != nil)
        #expect(ahead.compiler(for: root, dialect: .jsonSchema2020_12) == nil)

        let unused = SchemaRegistrationAhead()
        do {
            let loaded = SpecLoader().load(path: path, beside: unused.register)
            _ = SchemaExampleChecker(loaded, registeredAhead: unused)
        }
        #expect(unused.compiler(for: root, dialect: .jsonSchema2020_12) == nil)
    }

    /// A spec with components but no example: the lint run stops the compiling ahead once it knows
    /// (the CLI keeps the checker until the process exits, so its end would come too late).
    @Test func noExampleStopsTheCompilingAhead() throws {
        let text = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
                B: {type: string, minLength: 1}
            """
        let ahead = SchemaRegistrationAhead()
        let loaded = SpecLoader().load(
            bytes: Array(text.utf8), path: "/virtual/openapi.yaml", displayPath: "openapi.yaml", beside: ahead.register)
        let root = try #require(loaded.files.root)
        let checker = SchemaExampleChecker(loaded, registeredAhead: ahead)
        _ = Linter(configuration: LintConfiguration(extends: [.all])).lint(loaded, examples: checker)
        #expect(ahead.compiler(for: root, dialect: .jsonSchema2020_12) == nil)
        withExtendedLifetime(checker) {}
    }
}
