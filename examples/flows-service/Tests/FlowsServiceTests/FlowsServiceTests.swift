import FlowSpecValidator
import FlowsService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

private let specPath: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(5)
    return parts.joined(separator: "/") + "/specs/pingone-flows.yaml"
}()

private let envID = "3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73"
private let flowID = "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"
private let flowPath = "/\(envID)/flows/\(flowID)"
private let action = "application/vnd.pingidentity."

/// Everything the middleware reported.
private final class Reports: Sendable {
    let stored = Mutex<[(RequestValidation, ResponseValidation?)]>([])
    func add(_ request: RequestValidation, _ response: ResponseValidation?) {
        stored.withLock { $0.append((request, response)) }
    }
}

@Suite("flows-service over loopback")
struct FlowsServiceTests {
    /// Runs the service on 127.0.0.1 at a port the system picks, and a client against it.
    func withService(_ body: @Sendable (TestClient, Reports) async throws -> Void) async throws {
        let validator = try Validator(contentsOf: specPath)
        let reports = Reports()
        let port = Mutex<Int?>(nil)
        let app = FlowsApp.make(validator: validator, host: "127.0.0.1", port: 0, onReport: reports.add) { channel in
            port.withLock { $0 = channel.localAddress?.port }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var bound: Int?
            for _ in 0..<500 {
                bound = port.withLock { $0 }
                if bound != nil { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            let client = TestClient(host: "127.0.0.1", port: try #require(bound), configuration: .init(timeout: .seconds(10)))
            client.connect()
            defer { group.cancelAll() }
            do {
                try await body(client, reports)
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    func send(
        _ client: TestClient, _ method: HTTPRequest.Method, _ path: String, contentType: String? = nil, body: String? = nil
    ) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [.connection: "keep-alive"]
        if let contentType { headers[.contentType] = contentType }
        let request = TestClient.Request(
            path, method: method, authority: "127.0.0.1", headers: headers, body: body.map { ByteBuffer(string: $0) })
        let response = try await client.execute(request)
        return (response.head.status, String(buffer: response.body ?? ByteBuffer()))
    }

    @Test func validAndInvalidRequestsGetTheRightVerdicts() async throws {
        try await withService { client, reports in
            let (readStatus, readBody) = try await send(client, .get, flowPath)
            #expect(readStatus == .ok)
            #expect(readBody.contains("\"USERNAME_PASSWORD_REQUIRED\""))

            let (reset, _) = try await send(client, .post, flowPath, contentType: action + "session.reset+json", body: "")
            #expect(reset == .ok)

            let (signOn, signOnBody) = try await send(
                client, .post, flowPath, contentType: action + "usernamePassword.check+json; charset=UTF-8",
                body: #"{"username": "lisa.park", "password": "Examp1e-Passw0rd!"}"#)
            #expect(signOn == .ok)
            #expect(signOnBody.contains("\"COMPLETED\""))

            let (plainJSON, plainBody) = try await send(
                client, .post, flowPath, contentType: "application/json", body: #"{"username": "x"}"#)
            #expect(plainJSON == .unsupportedMediaType)
            #expect(plainBody.contains("\"code\":\"INVALID_REQUEST\""))
            #expect(plainBody.contains("unsupported_media_type"))

            let (missing, missingBody) = try await send(
                client, .post, flowPath, contentType: action + "usernamePassword.check+json",
                body: #"{"username": "lisa.park"}"#)
            #expect(missing == .badRequest)
            #expect(missingBody.contains("schema.required"))

            let (badID, badIDBody) = try await send(client, .get, "/\(envID)/flows/not-a-uuid")
            #expect(badID == .badRequest)
            #expect(badIDBody.contains("\"target\":\"path flowID\""))

            let (nowhere, _) = try await send(client, .get, "/\(envID)/flow/\(flowID)")
            #expect(nowhere == .notFound)
            let (put, _) = try await send(client, .put, flowPath, contentType: "application/json", body: "{}")
            #expect(put == .methodNotAllowed)

            // The service's own answers all match the spec.
            let all = reports.stored.withLock { $0 }
            #expect(all.count == 8)
            for (request, response) in all {
                #expect(response?.isValid ?? true, "\(request.operation?.id ?? "-"): \(response?.violations ?? [])")
            }
            #expect(all.filter { $0.0.isValid }.count == 3)
        }
    }
}
