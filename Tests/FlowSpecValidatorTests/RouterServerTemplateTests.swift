import FlowSpecModel
import FlowSpecValidator
import Testing

@Suite("ServerTemplate base paths")
struct RouterServerTemplateTests {
    static let tld = ServerTemplate.Variable(
        name: "tld", defaultValue: "com", enumValues: ["com", "eu", "asia", "ca", "com.au", "sg"])

    struct Case: Sendable, CustomTestStringConvertible {
        let url: String
        let variables: [ServerTemplate.Variable]
        let basePaths: [String]
        var testDescription: String { url }
        init(_ url: String, _ variables: [ServerTemplate.Variable] = [], _ basePaths: [String]) {
            self.url = url
            self.variables = variables
            self.basePaths = basePaths
        }
    }

    @Test(arguments: [
        Case("https://auth.pingone.{tld}", [tld], [""]),
        Case("https://auth.pingone.{tld}/", [tld], [""]),
        Case("https://auth.pingone.com/v1", [], ["/v1"]),
        Case("https://auth.pingone.com/v1/", [], ["/v1"]),
        Case("https://example.com/api/v2?x=1", [], ["/api/v2"]),
        Case("https://example.com", [], [""]),
        Case("/api", [], ["/api"]),
        Case("/", [], [""]),
        Case("", [], [""]),
        Case("v1", [], ["/v1"]),
        Case("api/v2/", [], ["/api/v2"]),
        Case("//cdn.example.com/base", [], ["/base"]),
        Case(
            "{scheme}://host/v1",
            [ServerTemplate.Variable(name: "scheme", defaultValue: "https", enumValues: ["http", "https"])], ["/v1"]),
        Case(
            "https://api.pingone.{tld}/{basePath}",
            [tld, ServerTemplate.Variable(name: "basePath", defaultValue: "v1", enumValues: ["v1", "v2"])], ["/v1", "/v2"]),
        Case(
            "https://api.example.com/{version}/x", [ServerTemplate.Variable(name: "version", defaultValue: "v1")],
            ["/{version}/x"]),
        Case("https://api.example.com/{undeclared}", [], ["/{undeclared}"]),
        Case(
            "https://api.example.com/{base}",
            [ServerTemplate.Variable(name: "base", defaultValue: "", enumValues: ["", "v1", "v1/beta"])],
            ["", "/v1", "/v1/beta"]),
        Case(
            "https://api.example.com/{version}",
            [ServerTemplate.Variable(name: "version", defaultValue: "v3", enumValues: ["v1", "v2"])], ["/v1", "/v2", "/v3"]),
        Case(
            "{baseURL}", [ServerTemplate.Variable(name: "baseURL", defaultValue: "https://api.example.com/v2")], ["/v2"]),
        Case(
            "{baseURL}/extra",
            [
                ServerTemplate.Variable(
                    name: "baseURL", defaultValue: "https://a.example.com",
                    enumValues: ["https://a.example.com", "https://b.example.com/p"])
            ],
            ["/extra", "/p/extra"]),
        Case("{host}/v1", [ServerTemplate.Variable(name: "host", defaultValue: "api.example.com")], ["/v1"]),
    ])
    func basePaths(_ example: Case) throws {
        let server = try ServerTemplate(url: example.url, variables: example.variables)
        #expect(server.basePaths.map(\.text) == example.basePaths)
    }

    @Test func undeclaredVariablesAreListed() throws {
        let server = try ServerTemplate(url: "https://{region}.example.com/{version}", variables: [])
        #expect(server.undeclaredVariables == ["region", "version"])
        #expect(
            try ServerTemplate(url: "https://auth.pingone.{tld}", variables: [Self.tld]).undeclaredVariables.isEmpty)
    }

    @Test(arguments: [
        (
            "https://example.com/{v",
            "invalid server URL \"https://example.com/{v\": '{' at offset 20 has no closing '}'"
        ),
        (
            "https://example.com/v}",
            "invalid server URL \"https://example.com/v}\": '}' at offset 21 has no opening '{'"
        ),
        (
            "https://example.com/{}",
            "invalid server URL \"https://example.com/{}\": the variable at offset 20 has an empty name"
        ),
        (
            "https://example.com/{a}{b}",
            "invalid server URL \"https://example.com/{a}{b}\": its path \"/{a}{b}\" is not a valid path: {a}{b} has no "
                + "literal between the variables, so a value cannot be split between them; put a separator such as '.' "
                + "or '-' between them"
        ),
    ])
    func rejectsInvalid(_ url: String, _ message: String) {
        #expect {
            _ = try ServerTemplate(url: url)
        } throws: { error in
            guard let error = error as? ServerTemplateError else { return false }
            #expect(error.message == message)
            #expect(error.code.rawValue == "invalid_server_url")
            return true
        }
    }

    @Test func refusesCombinatorialExplosion() {
        let many = (0..<20).map { "v\($0)" }
        let variables = ["a", "b"].map { ServerTemplate.Variable(name: $0, defaultValue: "v0", enumValues: many) }
        #expect(throws: ServerTemplateError.self) {
            _ = try ServerTemplate(url: "https://example.com/{a}/{b}", variables: variables)
        }
    }
}
