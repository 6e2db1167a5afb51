import FlowSpecModel
import FlowSpecValidator
import Testing

@Suite("MediaTypeMatcher")
struct MediaTypeMatcherTests {
    /// The flows spec's POST /{envID}/flows/{flowID} request bodies (a selection).
    static let flowKeys = [
        "application/vnd.pingidentity.session.reset+json",
        "application/vnd.pingidentity.usernamePassword.check+json",
        "application/vnd.pingidentity.user.lookup+json",
        "application/vnd.pingidentity.password.sendRecoveryCode",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let contentType: String
        /// The expected key, or nil for no match.
        let key: String?
        let kind: MediaTypeMatch.Kind?
        let caseDiffers: Bool
        var testDescription: String { contentType }

        init(_ contentType: String, _ key: String?, _ kind: MediaTypeMatch.Kind? = nil, caseDiffers: Bool = false) {
            self.contentType = contentType
            self.key = key
            self.kind = kind
            self.caseDiffers = caseDiffers
        }
    }

    @Test(arguments: [
        Case(
            "application/vnd.pingidentity.session.reset+json", "application/vnd.pingidentity.session.reset+json",
            .exact),
        Case(
            "application/vnd.pingidentity.usernamePassword.check+json",
            "application/vnd.pingidentity.usernamePassword.check+json", .exact),
        Case(
            "application/vnd.pingidentity.usernamePassword.check+json; charset=utf-8",
            "application/vnd.pingidentity.usernamePassword.check+json", .exact),
        Case(
            "application/vnd.pingidentity.usernamePassword.check+json;charset=UTF-8",
            "application/vnd.pingidentity.usernamePassword.check+json", .exact),
        Case(
            "Application/VND.pingidentity.session.reset+JSON", "application/vnd.pingidentity.session.reset+json",
            .exact, caseDiffers: true),
        Case(
            "application/vnd.pingidentity.password.sendRecoveryCode",
            "application/vnd.pingidentity.password.sendRecoveryCode", .exact),
        // Missing +json suffix: a different media type.
        Case("application/vnd.pingidentity.session.reset", nil),
        // Extra +json suffix: also a different media type.
        Case("application/vnd.pingidentity.password.sendRecoveryCode+json", nil),
        // Unknown action.
        Case("application/vnd.pingidentity.session.explode+json", nil),
        // Plain JSON is not any vendor type.
        Case("application/json", nil),
        Case("application/json; charset=utf-8", nil),
        Case("text/plain", nil),
    ])
    func flowActions(_ example: Case) {
        let matcher = MediaTypeMatcher(declaredKeys: Self.flowKeys)
        let result = matcher.match(example.contentType)
        if let key = example.key {
            let match = result.match
            #expect(match?.key == key)
            #expect(match?.kind == example.kind)
            #expect(match?.caseDiffers == example.caseDiffers)
            #expect(match?.keyIndex == Self.flowKeys.firstIndex(of: key))
        } else {
            guard case .noMatch(_, let declared) = result else {
                Issue.record("expected no match, got \(result)")
                return
            }
            #expect(declared == Self.flowKeys)
        }
    }

    @Test func noMatchMessageListsDeclaredKeys() {
        let matcher = MediaTypeMatcher(declaredKeys: Self.flowKeys)
        #expect(
            matcher.match("application/vnd.pingidentity.session.explode+json").description
                == "Content-Type \"application/vnd.pingidentity.session.explode+json\" matches none of the declared "
                + "media types: application/vnd.pingidentity.session.reset+json, "
                + "application/vnd.pingidentity.usernamePassword.check+json, application/vnd.pingidentity.user.lookup+json, "
                + "application/vnd.pingidentity.password.sendRecoveryCode")
    }

    @Test func invalidContentType() {
        let matcher = MediaTypeMatcher(declaredKeys: Self.flowKeys)
        guard case .invalid(let error, let declared) = matcher.match("vnd.pingidentity.session.reset+json") else {
            Issue.record("expected an invalid result")
            return
        }
        #expect(declared == Self.flowKeys)
        #expect(error.offset == 35)
        #expect(matcher.match("").match == nil)
    }

    static let mixedKeys = [
        "*/*",  // 0
        "text/*",  // 1
        "application/json",  // 2
        "application/json; charset=utf-8",  // 3
        "application/json; charset=utf-8; profile=strict",  // 4
        "text/plain; format=flowed",  // 5
        "application/vnd.a+json",  // 6
        "Application/JSON",  // 7: a duplicate of 2 in another case; never chosen, 2 comes first
    ]

    @Test(arguments: [
        Case("application/json", "application/json", .exact),
        Case("application/json; charset=UTF-8", "application/json; charset=utf-8", .parameterised),
        Case("application/json; charset=latin1", "application/json", .exact),
        Case("application/json; profile=strict", "application/json", .exact),
        Case(
            "application/json; profile=strict; charset=utf-8", "application/json; charset=utf-8; profile=strict",
            .parameterised),
        Case("application/json; profile=Strict; charset=utf-8", "application/json; charset=utf-8", .parameterised),
        Case("APPLICATION/json", "application/json", .exact, caseDiffers: true),
        Case("text/plain", "text/*", .subtypeWildcard),
        Case("TEXT/plain", "text/*", .subtypeWildcard, caseDiffers: true),
        Case("text/plain; format=flowed", "text/plain; format=flowed", .parameterised),
        Case("text/plain; format=fixed", "text/*", .subtypeWildcard),
        Case("application/vnd.a+json", "application/vnd.a+json", .exact),
        Case("application/vnd.b+json", "*/*", .fullWildcard),
        Case("image/png", "*/*", .fullWildcard),
    ])
    func specificityOrder(_ example: Case) {
        let matcher = MediaTypeMatcher(declaredKeys: Self.mixedKeys)
        let match = matcher.match(example.contentType).match
        #expect(match?.key == example.key)
        #expect(match?.kind == example.kind)
        #expect(match?.caseDiffers == example.caseDiffers)
    }

    @Test func parameterisedDeclarationRequiresItsParameters() {
        let matcher = MediaTypeMatcher(declaredKeys: ["application/json; charset=utf-8"])
        #expect(matcher.match("application/json; charset=utf-8").match?.kind == .parameterised)
        #expect(matcher.match("application/json; charset=\"UTF-8\"").match?.kind == .parameterised)
        #expect(matcher.match("application/json").match == nil)
        #expect(matcher.match("application/json; charset=iso-8859-1").match == nil)
    }

    @Test func rangeDeclarationsWithParameters() {
        let matcher = MediaTypeMatcher(declaredKeys: ["text/*; charset=utf-8", "*/*"])
        #expect(matcher.match("text/csv; charset=utf-8").match?.key == "text/*; charset=utf-8")
        #expect(matcher.match("text/csv").match?.key == "*/*")
    }

    @Test func firstDeclaredWinsAmongEquals() {
        let matcher = MediaTypeMatcher(declaredKeys: ["application/JSON", "application/json"])
        let match = matcher.match("application/json").match
        #expect(match?.keyIndex == 0)
        #expect(match?.caseDiffers == true)
    }

    @Test func invalidDeclaredKeysAreReportedAndNeverMatch() {
        let matcher = MediaTypeMatcher(declaredKeys: ["json", "application/json", "text/plain; charset"])
        #expect(matcher.invalidKeys.map(\.input) == ["json", "text/plain; charset"])
        #expect(matcher.match("application/json").match?.keyIndex == 1)
        #expect(matcher.match("text/plain").match == nil)
        #expect(
            MediaTypeMatcher(declaredKeys: []).match("a/b")
                == .noMatch(actual: .init(type: "a", subtype: "b"), declared: []))
    }
}
