import FlowSpecModel
import FlowSpecValidator
import Foundation
import Testing

/// The request validator's budgets from docs/security.md: the body size cap and the number of body
/// violations reported, checked against the flows spec through the string entry point a capture uses.
@Suite("Hostile input: the request validator's budgets")
struct HostileValidatorBudgetTests {
    static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs/pingone-flows.yaml").path
    static let target = "/3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73/flows/4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"
    static let register = "application/vnd.pingidentity.user.register+json"

    static func validator(_ options: ValidatorOptions) throws -> Validator {
        try Validator(contentsOf: specPath, options: options)
    }

    static func post(_ validator: Validator, _ body: String) -> [Diagnostic] {
        validator.validate(
            method: "POST", path: target, headers: [("Content-Type", register)], body: Array(body.utf8)
        ).violations
    }

    @Test("the defaults are the documented ones")
    func documentedDefaults() {
        let options = ValidatorOptions()
        #expect(options.maxBodyBytes == 1 << 20)
        #expect(options.maxBodyViolations == 20)
    }

    @Test("a body over the size cap is body_too_large and is not parsed")
    func bodyCap() throws {
        let validator = try Self.validator(ValidatorOptions(maxBodyBytes: 64))
        // Invalid JSON too: a parse would add a json.* violation.
        let big = "{" + String(repeating: "x", count: 99)
        let violations = Self.post(validator, big)
        #expect(violations.map(\.code.rawValue) == ["body_too_large"])
        #expect(violations.first?.message.contains("100 bytes, more than the 64-byte limit") == true)
        #expect(violations.first?.hint?.contains("ValidatorOptions.maxBodyBytes") == true)
        // At the cap it is checked as usual.
        let small = #"{"username":"a","email":"a@example.com","password":"p"}"#
        #expect(small.utf8.count <= 64)
        #expect(Self.post(validator, small).isEmpty)
    }

    @Test("at most maxBodyViolations body violations are reported")
    func violationCap() throws {
        var extra = ""
        for k in 0..<50 { extra += #","x\#(k)":\#(k)"# }
        let body = #"{"username":"a","email":"a@example.com","password":"p""# + extra + "}"
        let strict = try Self.validator(ValidatorOptions(strict: true, maxBodyViolations: 3))
        let violations = Self.post(strict, body)
        #expect(violations.count == 3)
        #expect(violations.allSatisfy { $0.code == .undeclaredProperty })
        let defaults = Self.post(try Self.validator(ValidatorOptions(strict: true)), body)
        #expect(defaults.count == 20)
    }
}
