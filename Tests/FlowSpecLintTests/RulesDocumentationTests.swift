import FlowSpecLint
import FlowSpecModel
import Foundation
import Testing

/// The rules' descriptors, and docs/rules.md generated from them.
@Suite struct RulesDocumentationTests {
    static let docPath = LinterSpecTests.root.appendingPathComponent("docs/rules.md").path

    @Test func rulesDocumentIsUpToDate() throws {
        let written = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        let generated = RuleDocumentation.markdown(for: BuiltinRules.all)
        #expect(
            written == generated,
            "docs/rules.md is out of date: run `swift run flowspec rules --markdown > docs/rules.md`")
    }

    @Test func idsAreUniqueAndStable() {
        let ids = BuiltinRules.all.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            // Spectral's ids keep their spelling (`oas3_1-...`, `operation-operationId`); YAML codes are
            // the parser's; FlowSpec's own are kebab-case.
            let allowed = id.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            #expect(allowed, "\(id)")
        }
    }

    @Test(arguments: BuiltinRules.all.map(\.descriptor))
    func everyRuleIsDescribed(_ rule: RuleDescriptor) {
        #expect(rule.summary.hasSuffix("."), "\(rule.id): the summary is a sentence")
        #expect((rule.description ?? "").count >= 60, "\(rule.id): the description says why and how to fix")
        #expect(!rule.category.isEmpty)
        #expect(
            rule.helpURI
                == "https://github.com/flowspec/flowspec/blob/main/docs/rules.md#\(rule.id.rawValue.lowercased())")
    }

    @Test func everyAnchorIsInTheDocument() throws {
        let written = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        for rule in BuiltinRules.all {
            #expect(written.contains("<a id=\"\(rule.id.rawValue.lowercased())\"></a>"), "\(rule.id)")
        }
    }

    /// Spectral's `oas` rules that apply to OpenAPI 3.x, all present under Spectral's ids, with
    /// Spectral's recommended split.
    @Test func spectralRulesArePresent() {
        let recommended = [
            "duplicated-entry-in-enum", "info-contact", "info-description", "no-eval-in-markdown",
            "no-script-tags-in-markdown", "openapi-tags-uniqueness", "operation-description", "operation-operationId",
            "operation-operationId-unique", "operation-operationId-valid-in-url", "operation-parameters",
            "operation-success-response", "operation-tags", "operation-tag-defined", "path-declarations-must-exist",
            "path-keys-no-trailing-slash", "path-not-include-query", "path-params", "typed-enum", "array-items",
            "oas3-api-servers", "oas3-examples-value-or-externalValue", "oas3-operation-security-defined",
            "oas3-server-trailing-slash", "oas3-unused-component", "oas3-valid-media-example",
            "oas3-valid-schema-example", "oas3-server-variables", "oas3_callbacks_in_callbacks",
            "oas3_1-servers-in-webhook", "oas3_1-callbacks-in-webhook",
        ]
        let optional = [
            "contact-properties", "info-license", "license-url", "openapi-tags", "openapi-tags-alphabetical",
            "operation-singular-tag", "tag-description", "oas3-parameter-description", "oas3-server-not-example.com",
        ]
        let byID = Dictionary(uniqueKeysWithValues: BuiltinRules.all.map { ($0.id.rawValue, $0.descriptor) })
        for id in recommended { #expect(byID[id]?.isRecommended == true, "\(id)") }
        for id in optional { #expect(byID[id]?.isRecommended == false, "\(id)") }
    }
}
