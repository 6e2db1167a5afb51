import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Validator: parameters")
struct ValidatorParameterTests {
    let validator = Pets.standard

    func get(_ query: String, headers: [(String, String)] = [("X-Request-Count", "3")], path: String = "/v1/pets/5")
        -> RequestValidation
    {
        validator.validate(
            method: "GET", path: path + (query.isEmpty ? "" : "?" + query), headers: headers,
            body: nil)
    }

    @Test func everyLocationAndStyleDecodes() {
        let filter = "%7B%22q%22%3A%22x%22%7D"
        let verdict = get(
            "limit=5&tags=a&tags=b&ids=1|2&color[R]=100&flag&filter=\(filter)",
            headers: [("X-Request-Count", "3"), ("Cookie", "session=abc")])
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        let parameters = verdict.parameters
        #expect(parameters.path["id"] == 5)
        #expect(parameters.query["limit"] == 5)
        #expect(parameters.query["tags"] == ["a", "b"])
        #expect(parameters.query["ids"] == [1, 2])
        #expect(parameters.query["color"] == ["R": 100])
        #expect(parameters.query["flag"] == "")
        #expect(parameters.query["filter"] == .string(#"{"q":"x"}"#))
        #expect(parameters.header["X-Request-Count"] == 3)
        #expect(parameters.cookie["session"] == "abc")
        #expect(parameters.value("limit", in: .query) == 5)
    }

    @Test func decodedValuesAreValidatedWithTheirSchemas() throws {
        let cases: [(String, String, String)] = [
            ("limit=11", "schema.maximum", "query limit"),
            ("limit=five", "schema.type", "query limit"),
            ("ids=1|x", "schema.type", "query ids"),
            ("color[R]=red", "schema.type", "query color"),
            ("filter=%7B%7D", "schema.required", "query filter"),
        ]
        for (query, code, location) in cases {
            let verdict = get(query)
            #expect(codes(verdict.violations) == [code], "\(query)")
            #expect(verdict.violations.first?.instanceLocation == location, "\(query)")
        }
        let pathZero = get("", path: "/v1/pets/0")
        #expect(codes(pathZero.violations) == ["schema.minimum"])
        #expect(pathZero.violations.first?.instanceLocation == "path id")
        #expect(pathZero.violations.first?.pointer?.description == "/paths/~1pets~1{id}/parameters/0/schema/minimum")
        let notJSON = get("filter=%7Bq")
        #expect(notJSON.violations.first?.code.rawValue.hasPrefix("json.") == true)
    }

    @Test func requiredRepeatedAndEmpty() {
        let missing = get("", headers: [])
        #expect(codes(missing.violations) == ["missing_required_parameter"])
        #expect(missing.violations.first?.instanceLocation == "header X-Request-Count")
        #expect(missing.violations.first?.pointer?.description == "/paths/~1pets~1{id}/get/parameters/5")
        #expect(codes(get("limit=1&limit=2").violations) == ["parameter_repeated"])
        #expect(codes(get("limit=").violations) == ["empty_parameter_value"])
        #expect(codes(get("limit").violations) == ["empty_parameter_value"])
        #expect(get("flag=").violations.isEmpty)
        #expect(codes(get("limit=%ZZ").violations) == ["invalid_percent_encoding"])
    }

    @Test func headerNamesAreCaseInsensitiveAndValuesNotDecoded() {
        #expect(get("", headers: [("x-request-count", "3")]).violations.isEmpty)
        #expect(get("", headers: [("X-REQUEST-COUNT", "3")]).violations.isEmpty)
        let encoded = get("", headers: [("X-Request-Count", "%33")])
        #expect(codes(encoded.violations) == ["schema.type"])
        #expect(encoded.parameters.header["X-Request-Count"] == "%33")
    }

    @Test func cookieValuesAreNotDecoded() {
        let verdict = get("", headers: [("X-Request-Count", "3"), ("Cookie", "other=1; session=a%62")])
        #expect(codes(verdict.violations) == ["schema.pattern"])
        #expect(verdict.violations.first?.instanceLocation == "cookie session")
        #expect(verdict.parameters.cookie["session"] == "a%62")
        let repeated = get("", headers: [("X-Request-Count", "3"), ("Cookie", "session=a; session=b")])
        #expect(codes(repeated.violations) == ["parameter_repeated"])
    }

    @Test func pathStyles() {
        let matrix = validator.validate(request: request(.get, "/v1/m/;coords=1;coords=2"), body: nil)
        #expect(matrix.violations.isEmpty, "\(matrix.violations)")
        #expect(matrix.parameters.path["coords"] == [1, 2])
        let wrong = validator.validate(request: request(.get, "/v1/m/1,2"), body: nil)
        #expect(codes(wrong.violations) == ["invalid_parameter_syntax"])
        let label = validator.validate(request: request(.get, "/v1/l/.x,1,y,2"), body: nil)
        #expect(label.parameters.path["point"] == ["x": 1, "y": 2])
        #expect(label.violations.isEmpty, "\(label.violations)")
    }

    @Test func strictModeReportsWhatIsNotDeclared() {
        let strict = Pets.strict
        let verdict = strict.validate(
            method: "GET", path: "/v1/pets/5?limit=1&debug=1&color[R]=1",
            headers: [
                ("X-Request-Count", "3"), ("X-Custom", "y"), ("User-Agent", "t"), ("Accept", "*/*"),
                ("X-Forwarded-For", "1.2.3.4"), ("Cookie", "session=abc; tracking=1"),
            ], body: nil)
        #expect(codes(verdict.violations) == ["undeclared_query_parameter", "undeclared_header", "undeclared_cookie"])
        #expect(verdict.violations.map(\.instanceLocation) == ["query debug", "header X-Custom", "cookie tracking"])
        // Not strict: all of that is fine.
        let lenient = validator.validate(
            method: "GET", path: "/v1/pets/5?limit=1&debug=1",
            headers: [("X-Request-Count", "3"), ("X-Custom", "y")], body: nil)
        #expect(lenient.violations.isEmpty)
    }

    @Test func flowsPathParametersAreUUIDs() {
        let verdict = Flows.validator.validate(request: Flows.get("/not-a-uuid/flows/\(Flows.flowID)"), body: nil)
        #expect(codes(verdict.violations) == ["schema.format"])
        #expect(verdict.violations.first?.instanceLocation == "path envID")
        let formatsOff = Flows.makeValidator(ValidatorOptions(assertFormats: false))
        #expect(formatsOff.validate(request: Flows.get("/x/flows/y"), body: nil).violations.isEmpty)
    }
}
