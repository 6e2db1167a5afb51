import FlowSpecModel
import Foundation
import Testing

/// The OpenAPI Initiative's schema test documents (`shared/conformance/oas-schema-tests`): every
/// `pass` document loads with no error, every 3.1 `fail` document gives at least one.
@Suite struct OASSchemaTestsConformance {
    static let folder = sharedFolder.appendingPathComponent("conformance/oas-schema-tests")

    static func documents(_ relative: String) -> [String] {
        let url = folder.appendingPathComponent(relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
            .map { url.appendingPathComponent($0).path }
    }

    static let pass31 = documents("3.1/tests/schema/pass")
    static let pass30 = documents("3.0/_archive_/schemas/v3.0/pass")
    static let fail31 = documents("3.1/tests/schema/fail")

    static let present = FileManager.default.fileExists(atPath: folder.path)

    @Test(.enabled(if: present, "oas-schema-tests not found in shared/conformance beside the package"))
    func suiteIsComplete() {
        #expect(Self.pass31.count >= 30)
        #expect(Self.pass30.count >= 6)
        #expect(Self.fail31.count >= 10)
    }

    @Test(arguments: pass31 + pass30) func passDocumentsLoadWithoutErrors(path: String) {
        let result = SpecLoader().load(path: path)
        #expect(result.document != nil, "\(describe(result))")
        expectNoDiagnostics(result, atLeast: .error, (path as NSString).lastPathComponent)
    }

    @Test(arguments: fail31) func failDocumentsGiveAnError(path: String) {
        let result = SpecLoader().load(path: path)
        let name = (path as NSString).lastPathComponent
        #expect(result.hasErrors, "\(name) loaded without an error:\n\(describe(result))")
    }
}
