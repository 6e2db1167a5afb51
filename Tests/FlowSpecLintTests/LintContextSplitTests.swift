@testable import FlowSpecLint
import FlowSpecModel
import Foundation
import Testing

/// A large spec's context is made on two threads (the walks over the model beside those over the
/// trees and path keys): every walk must hold what one thread makes, in the same order.
@Suite struct LintContextSplitTests {
    static func describe(_ context: LintContext) -> [String] {
        [
            String(describing: context.operations.map { "\($0.method) \($0.path) \($0.pathKey)" }),
            String(describing: context.mediaTypes.count),
            String(describing: context.schemas.count),
            String(describing: context.paths.map { "\($0.template) \($0.key)" }),
            String(describing: context.documentationTexts),
            String(describing: context.referenceEntries.map { "\($0.file) \($0.key) \($0.value)" }),
            String(describing: context.halActionsKeys),
        ]
    }

    @Test(arguments: [
        "specs/pingone-flows.yaml", "specs/pingone-flows/openapi.yaml", "../shared/corpus/github/api.github.com.yaml",
    ])
    func twoThreadsMakeTheOneThreadContext(_ spec: String) throws {
        let path = LinterSpecTests.root.appendingPathComponent(spec).standardized.path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let loaded = SpecLoader().load(path: path)
        let document = try #require(loaded.document)
        let one = LintContext(result: loaded, document: document, examples: nil, splitNodes: .max)
        let two = LintContext(result: loaded, document: document, examples: nil, splitNodes: 0)
        #expect(!one.operations.isEmpty && !one.documentationTexts.isEmpty && !one.paths.isEmpty)
        #expect(Self.describe(one) == Self.describe(two))
    }
}
