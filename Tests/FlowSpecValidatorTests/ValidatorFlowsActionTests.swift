import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

/// Every action of `submitFlowAction` in specs/pingone-flows.yaml, with the spec's own examples.
@Suite("Validator: PingOne flow actions")
struct ValidatorFlowsActionTests {
    static let keys = FlowsExamples.actionKeys

    @Test func everyActionIsDeclared() {
        #expect(Self.keys.count == 21)
        #expect(FlowsExamples.actionBodies.count == 21)
    }

    @Test(arguments: keys)
    func exampleBodyIsValid(_ key: String) throws {
        let body = try #require(FlowsExamples.actionBodies[key])
        let verdict = Flows.validator.check(Flows.post(key, body))
        #expect(verdict.operation?.id == "submitFlowAction")
        #expect(verdict.mediaTypeKey == key)
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        #expect(verdict.parameters.path["flowID"] == .string(Flows.flowID))
    }

    @Test(arguments: keys)
    func charsetParameterStillMatchesAndValidates(_ key: String) throws {
        let body = try #require(FlowsExamples.actionBodies[key])
        for suffix in ["; charset=utf-8", ";charset=UTF-8", " ; charset=\"utf-8\""] {
            let verdict = Flows.validator.check(Flows.post(key + suffix, body))
            #expect(verdict.mediaTypeKey == key, "\(key + suffix)")
            #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        }
        // The body is still validated: an array is never an action body.
        let wrong = Flows.validator.check(Flows.post(key + "; charset=utf-8", "[]"))
        #expect(wrong.mediaTypeKey == key)
        #expect(codes(wrong.violations) == ["schema.type"])
    }

    @Test(arguments: keys)
    func typeAndSubtypeAreCaseInsensitive(_ key: String) throws {
        let body = try #require(FlowsExamples.actionBodies[key])
        let verdict = Flows.validator.check(Flows.post(key.uppercased(), body))
        #expect(verdict.mediaTypeKey == key)
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
    }

    @Test func missingJSONSuffixIsAnotherMediaType() {
        let verdict = Flows.validator.check(
            Flows.post(Flows.prefix + "usernamePassword.check", #"{"username": "a", "password": "b"}"#))
        #expect(codes(verdict.violations) == ["unsupported_media_type"])
        #expect(verdict.violations.first?.hint?.contains("usernamePassword.check+json") == true)
        #expect(verdict.violations.first?.instanceLocation == "header Content-Type")
        // Both spellings of sendRecoveryCode are declared, and each matches itself.
        for key in [Flows.prefix + "password.sendRecoveryCode", Flows.prefix + "password.sendRecoveryCode+json"] {
            #expect(Flows.validator.check(Flows.post(key, "{}")).mediaTypeKey == key)
        }
    }

    @Test func unknownActionAndPlainJSONAreUnsupported() throws {
        for contentType in [
            Flows.prefix + "otp.verify+json", "application/json", "application/vnd.other.otp.check+json",
        ] {
            let verdict = Flows.validator.check(Flows.post(contentType, #"{"otp": "123456"}"#))
            #expect(codes(verdict.violations) == ["unsupported_media_type"], "\(contentType)")
            let violation = try #require(verdict.violations.first)
            #expect(violation.message.contains("declared: application/vnd.pingidentity.session.reset+json"))
            #expect(violation.location?.file == Flows.specPath)
            #expect(violation.pointer?.description == "/paths/~1{envID}~1flows~1{flowID}/post/requestBody")
            #expect(verdict.mediaTypeKey == nil)
        }
    }

    @Test func missingRequiredFieldIsReportedAtTheKeyword() throws {
        let verdict = Flows.validator.check(
            Flows.post(Flows.prefix + "usernamePassword.check+json", #"{"username": "lisa.park"}"#))
        #expect(codes(verdict.violations) == ["schema.required"])
        let violation = try #require(verdict.violations.first)
        #expect(violation.instancePointer == .root)
        #expect(violation.message.contains("password"))
        #expect(violation.pointer?.description == "/components/schemas/UsernamePasswordCheckRequest/required")
        #expect(violation.location?.line == 928)
    }

    @Test func extraFieldsAreAllowedUnlessStrict() throws {
        let body = #"{"username": "lisa.park", "password": "x", "rememberMe": true}"#
        let key = Flows.prefix + "usernamePassword.check+json"
        #expect(Flows.validator.check(Flows.post(key, body)).violations.isEmpty)
        let strict = Flows.strictValidator.check(Flows.post(key, body))
        #expect(codes(strict.violations) == ["undeclared_property"])
        #expect(strict.violations.first?.instancePointer == ["rememberMe"])
        // The body-less actions accept only `{}` (maxProperties: 0), strict or not.
        let reset = Flows.validator.check(Flows.post(Flows.prefix + "session.reset+json", #"{"x": 1}"#))
        #expect(codes(reset.violations) == ["schema.maxProperties"])
    }

    @Test func wrongTypesAndConstraints() {
        let key = Flows.prefix + "user.consent+json"
        #expect(codes(Flows.validator.check(Flows.post(key, #"{"accept": "true"}"#)).violations) == ["schema.type"])
        let invite = Flows.prefix + "user.acceptInvite+json"
        let verdict = Flows.validator.check(
            Flows.post(invite, #"{"inviteCode": "x", "password": "p", "accept": false}"#))
        #expect(codes(verdict.violations) == ["schema.const"])
        #expect(verdict.violations.first?.instancePointer == ["accept"])
        let cancel = Flows.validator.check(
            Flows.post(Flows.prefix + "cancel.push.authentication+json", #"{"reason": "BORED"}"#))
        #expect(codes(cancel.violations) == ["schema.enum"])
        let register = Flows.validator.check(
            Flows.post(
                Flows.prefix + "user.register+json", #"{"username": "a", "email": "not-an-email", "password": "p"}"#))
        #expect(codes(register.violations) == ["schema.format"])
    }

    @Test func invalidJSONIsOneViolation() throws {
        let verdict = Flows.validator.check(Flows.post(Flows.prefix + "otp.check+json", #"{"otp": "1234"#))
        #expect(verdict.violations.count == 1)
        let violation = try #require(verdict.violations.first)
        #expect(violation.code.rawValue.hasPrefix("json."))
        #expect(violation.message.contains("not valid JSON"))
    }

    @Test func bodylessActionsAcceptAnAbsentOrEmptyBody() {
        for action in [
            "session.reset+json", "password.sendRecoveryCode", "password.sendRecoveryCode+json",
            "user.sendVerificationCode+json", "user.confirm+json", "user.update+json",
        ] {
            for body: String? in [nil, "", "{}"] {
                let verdict = Flows.validator.check(Flows.post(Flows.prefix + action, body))
                #expect(verdict.violations.isEmpty, "\(action) \(String(describing: body)): \(verdict.violations)")
                #expect(verdict.mediaTypeKey == Flows.prefix + action)
            }
        }
    }

    @Test func emptyBodyForAnActionThatNeedsOne() throws {
        for body: String? in [nil, ""] {
            let verdict = Flows.validator.check(Flows.post(Flows.prefix + "usernamePassword.check+json", body))
            #expect(codes(verdict.violations) == ["request_body_empty"])
            let violation = try #require(verdict.violations.first)
            #expect(violation.pointer?.tokens.last == "application/vnd.pingidentity.usernamePassword.check+json")
        }
    }

    @Test func noContentTypeAndNoBodyIsAnAbsentOptionalBody() {
        #expect(Flows.validator.check(Flows.post(nil, nil)).violations.isEmpty)
        let verdict = Flows.validator.check(Flows.post(nil, #"{"otp": "1"}"#))
        #expect(codes(verdict.violations) == ["missing_content_type"])
        #expect(verdict.violations.first?.instanceLocation == "header Content-Type")
    }

    @Test func unknownActionWithoutBodyIsStillUnsupported() {
        let verdict = Flows.validator.check(Flows.post(Flows.prefix + "otp.verify+json", nil))
        #expect(codes(verdict.violations) == ["unsupported_media_type"])
    }

    @Test func invalidContentTypeSaysWhy() throws {
        let verdict = Flows.validator.check(Flows.post("application/vnd.pingidentity.otp.check json", "{}"))
        #expect(codes(verdict.violations) == ["invalid_media_type"])
        #expect(try #require(verdict.violations.first).message.contains("expected ';'"))
    }

    @Test func getWithContentTypeAndNoBodyIsFine() {
        let verdict = Flows.validator.validate(
            request: Flows.get(headers: [.contentType: "application/json", .cookie: "ST=abc"]), body: nil)
        #expect(verdict.violations.isEmpty)
        #expect(verdict.parameters.cookie["ST"] == .string("abc"))
    }

    @Test func getWithBodyIsUndeclared() {
        let verdict = Flows.validator.validate(
            request: Flows.get(headers: [.contentType: "application/json"]), body: bytes("{}"))
        #expect(codes(verdict.violations) == ["request_body_undeclared"])
    }

    @Test func flowIDMustBeAUUID() throws {
        let verdict = Flows.validator.validate(
            request: Flows.get("/\(Flows.envID)/flows/not-a-uuid"), body: nil)
        #expect(verdict.operation?.id == "readFlow")
        #expect(codes(verdict.violations) == ["schema.format"])
        let violation = try #require(verdict.violations.first)
        #expect(violation.instanceLocation == "path flowID")
        #expect(violation.pointer?.description == "/components/parameters/FlowID/schema/format")
        #expect(violation.message.hasPrefix("path flowID"))
        // The empty ST cookie fails its minLength.
        let cookie = Flows.validator.validate(request: Flows.get(headers: [.cookie: "ST="]), body: nil)
        #expect(codes(cookie.violations) == ["schema.minLength"])
        #expect(cookie.violations.first?.instanceLocation == "cookie ST")
    }
}
