import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

/// Verdicts whose path values were checked in place in the request target decode their parameters
/// again when read: they must read exactly as if they had been decoded during the validation.
@Suite("Validator: parameters decoded when read")
struct ValidatorDeferredParameterTests {
    let validator = Pets.standard

    @Test func inPlacePathValuesReadAsTheRouterGivesThem() {
        // A plain uuid path (checked in place) and the same values percent-escaped (decoded by the router).
        let plain = Flows.validator.validate(method: "GET", path: "https://auth.example.test" + Flows.path, headers: [], body: nil)
        let escapedPath = Flows.path.split(separator: "-", omittingEmptySubsequences: false).joined(separator: "%2D")
        let escaped = Flows.validator.validate(method: "GET", path: escapedPath, headers: [], body: nil)
        #expect(plain.operation != nil)
        #expect(plain.operation?.id == escaped.operation?.id)
        #expect(plain.parameters.path == escaped.parameters.path)
        #expect(plain.parameters.path["flowID"] == .string(Flows.flowID))
        #expect(plain.parameters.rawPath["envID"] == Flows.envID)
        #expect(escaped.parameters.rawPath["envID"] == Flows.envID.split(separator: "-", omittingEmptySubsequences: false).joined(separator: "%2D"))
        #expect(plain.parameters.pathValues.map(\.name) == ["envID", "flowID"])
        #expect(plain.parameters.pathValues.map(\.decodedValue) == [Flows.envID, Flows.flowID])
    }

    @Test func readingTwiceGivesTheSameValuesAndEqualVerdictsCompareEqual() {
        let path = "/v1/pets/5?limit=5&tags=a&tags=b"
        let first = validator.validate(method: "GET", path: path, headers: [("X-Request-Count", "3")], body: nil)
        let second = validator.validate(method: "GET", path: path, headers: [("X-Request-Count", "3")], body: nil)
        #expect(first.violations.isEmpty, "\(first.violations)")
        #expect(first.parameters.all == first.parameters.all)
        #expect(first.parameters == second.parameters)
        #expect(first.parameters.hashValue == second.parameters.hashValue)
        #expect(first.parameters.all.map(\.definition.name) == ["id", "limit", "tags", "X-Request-Count"])
        #expect(first.parameters.query["tags"] == ["a", "b"])
        // Built from the decoded values, the same parameters compare equal.
        let copy = DecodedParameters(all: first.parameters.all, pathValues: first.parameters.pathValues)
        #expect(copy == first.parameters)
    }

    @Test func invalidValuesAreLeftOutAsWhenDecodedDuringTheCheck() {
        // `limit=x` fails its schema but decodes (a string); `id` fails its schema too.
        let verdict = validator.validate(method: "GET", path: "/v1/pets/x?limit=x", headers: [("X-Request-Count", "3")], body: nil)
        #expect(!verdict.isValid)
        #expect(verdict.parameters.path["id"] == "x")
        #expect(verdict.parameters.query["limit"] == "x")
    }

    @Test func settingAFieldKeepsTheOther() {
        var verdict = Flows.validator.validate(method: "GET", path: Flows.path, headers: [], body: nil)
        let values = verdict.parameters.pathValues
        verdict.parameters.all = []
        #expect(verdict.parameters.all.isEmpty)
        #expect(verdict.parameters.pathValues == values)
        #expect(!values.isEmpty)
    }
}
