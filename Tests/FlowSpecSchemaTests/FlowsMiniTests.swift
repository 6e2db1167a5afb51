import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import Foundation
import Testing

/// The benchmark's spec (`shared/bench/flows-mini.yaml`): every media type compiles cleanly and the
/// bodies the traffic generator makes are judged right.
@Suite("flows-mini.yaml media types", .enabled(if: FlowsMini.isAvailable, "shared/bench/flows-mini.yaml is absent"))
struct FlowsMiniTests {
    @Test func everyMediaTypeCompilesWithoutDiagnostics() throws {
        let mini = try FlowsMini()
        #expect(mini.entries.count == 12)
        #expect(mini.program.diagnostics.isEmpty)
        let post = mini.entries.filter { $0.method == "post" && $0.status == nil }.map(\.mediaType)
        #expect(post.contains("application/vnd.pingidentity.otp.check+json"))
        let notFound = mini.entries.first { $0.status == "404" }
        #expect(
            notFound?.pointer
                == JSONPointer(["components", "responses", "NotFound", "content", "application/json", "schema"]))
    }

    @Test func requestAndResponseBodies() throws {
        let mini = try FlowsMini()
        let otp = try mini.validator(status: nil, mediaType: "application/vnd.pingidentity.otp.check+json")
        #expect(otp.validate(json: Array(#"{"otp": "123456"}"#.utf8), options: .init(direction: .request)).isValid)
        let badOTP = otp.validate(json: Array(#"{"otp": "12345a"}"#.utf8), options: .init(direction: .request))
        #expect(badOTP.errors.map(\.description) == ["/otp: must match the pattern `^[0-9]{6}$`"])
        #expect(badOTP.errors.first?.location?.file == "flows-mini.yaml")

        let flow = try mini.validator(status: "200", mediaType: "application/json", method: "get")
        let id = "6c0e1b7a-3f7e-4c8e-9a41-0f5f3c0c2b11"
        let body = """
            {"id": "\(id)", "status": "OTP_REQUIRED", "createdAt": "2024-05-01T10:00:00Z",
             "_links": {"self": {"href": "https://x/flows/1"}},
             "_embedded": {"user": {"id": "\(id)", "username": "ada", "enabled": true, "email": "ada@example.com"}}}
            """
        #expect(flow.validate(json: Array(body.utf8), options: .init(direction: .response)).isValid)
        let wrong = body.replacingOccurrences(of: "\"enabled\": true", with: "\"enabled\": \"yes\"")
            .replacingOccurrences(of: "OTP_REQUIRED", with: "DONE")
        let result = flow.validate(json: Array(wrong.utf8), options: .init(direction: .response))
        #expect(
            result.errors.map(\.description) == [
                "/status: must be one of `\"USERNAME_PASSWORD_REQUIRED\"`, `\"OTP_REQUIRED\"`, `\"VERIFICATION_CODE_REQUIRED\"`, `\"COMPLETED\"`, `\"FAILED\"`",
                "/_embedded/user/enabled: expected a boolean, got a string",
            ])
    }
}

/// The compiled media types of flows-mini.yaml.
struct FlowsMini {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/bench/flows-mini.yaml")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: path.path) }

    let entries: [OpenAPIMediaTypeSchema]
    let handles: [SchemaHandle?]
    let program: SchemaProgram

    init() throws {
        let tree = try YAMLParser.parse(Array(try Data(contentsOf: Self.path)))
        let source = SchemaSource.openAPIDocument(
            tree: tree, file: "flows-mini.yaml", baseURI: "file:///bench/flows-mini.yaml")
        var registry = SchemaRegistry()
        registry.register(source)
        var compiler = SchemaCompiler(registry: registry)
        entries = OpenAPIMediaTypeSchema.all(in: source)
        handles = entries.map { compiler.compile(uri: $0.schemaURI) }
        program = compiler.finish()
    }

    struct Missing: Error {}

    func validator(status: String?, mediaType: String, method: String = "post") throws -> SchemaValidator {
        guard
            let k = entries.firstIndex(where: {
                $0.status == status && $0.mediaType == mediaType && $0.method == method
            }),
            let handle = handles[k]
        else { throw Missing() }
        return program.validator(handle)
    }
}
