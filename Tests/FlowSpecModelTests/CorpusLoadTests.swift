import FlowSpecModel
import Foundation
import Testing

/// Real-world specs (`shared/corpus`) load with no error-level diagnostic.
@Suite struct CorpusLoadTests {
    static let corpus = sharedFolder.appendingPathComponent("corpus")

    static let specs: [String] = [
        "github/api.github.com.yaml", "github/api.github.com.json",
        "openai/openapi.yaml", "openai/openapi.json",
        "stripe/spec3.yaml", "stripe/spec3.json",
        "twilio/twilio_api_v2010.yaml", "twilio/twilio_api_v2010.json",
        "pingone/community-authenticationAPIs.yml", "pingone/community-pingone-management.yml",
        "pingone/pingone-go-client.openapi.yaml",
        "digitalocean/specification/DigitalOcean-public.v2.yaml",
    ]

    /// Error-level diagnostics the corpus really has, by file: defects of the published documents,
    /// not of the loader. Anything else is a failure.
    static let knownErrors: [String: Set<String>] = [:]

    static let present = FileManager.default.fileExists(atPath: corpus.path)

    @Test(.enabled(if: present, "shared/corpus not found beside the package"), arguments: specs)
    func loadsWithoutErrors(spec: String) throws {
        let path = Self.corpus.appendingPathComponent(spec).path
        let result = SpecLoader().load(path: path)
        let document = try #require(result.document, "\(describe(result))")
        #expect((document.paths?.items.count ?? 0) > 0)
        let known = Self.knownErrors[spec] ?? []
        let errors = result.diagnostics.filter { $0.severity == .error && !known.contains(Self.key($0)) }
        let shown = errors.prefix(20).map { "\(Self.key($0)) \($0)" }.joined(separator: "\n")
        #expect(errors.isEmpty, "\(errors.count) errors:\n\(shown)")
    }

    static func key(_ diagnostic: Diagnostic) -> String {
        let file = diagnostic.location?.file.split(separator: "/").last ?? ""
        return "\(diagnostic.code) \(file):\(diagnostic.location?.line ?? 0)"
    }
}
