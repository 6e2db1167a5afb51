import FlowSpecMiddleware
import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

/// The flows spec, from this file's path.
private let specPath: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/specs/pingone-flows.yaml"
}()

private let validator: Validator = {
    do {
        return try Validator(contentsOf: specPath, options: ValidatorOptions(maxBodyBytes: 4096))
    } catch {
        fatalError("\(error)")
    }
}()

private let flowPath = "/3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73/flows/4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"
private let flowJSON = """
    {"id": "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36", "status": "COMPLETED",
     "_links": {"self": {"href": "https://auth.pingone.com\(flowPath)"}}}
    """
private let otp = "application/vnd.pingidentity.otp.check+json"

/// Collects reports from the callback.
private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ValidationReport] = []

    func add(_ report: ValidationReport) { lock.withLock { stored.append(report) } }
    var all: [ValidationReport] { lock.withLock { stored } }
}

/// Records what the next handler received.
private final class Handler: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls = 0
    private(set) var received: [UInt8]?
    let status: HTTPResponse.Status
    let contentType: String
    let body: String

    init(status: HTTPResponse.Status = .ok, contentType: String = "application/hal+json", body: String = flowJSON) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    func handle(_ body: HTTPBody?) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes: [UInt8]? = body == nil ? nil : try await [UInt8](collecting: body!, upTo: 1 << 20)
        lock.withLock {
            calls += 1
            received = bytes
        }
        return (HTTPResponse(status: status, headerFields: [.contentType: contentType]), HTTPBody(self.body))
    }
}

private func post(_ contentType: String, path: String = flowPath) -> HTTPRequest {
    HTTPRequest(method: .post, scheme: nil, authority: nil, path: path, headerFields: [.contentType: contentType])
}

private func collect(_ body: HTTPBody?) async throws -> String {
    guard let body else { return "" }
    return String(decoding: try await [UInt8](collecting: body, upTo: 1 << 20), as: UTF8.self)
}

@Suite("Middleware: server")
struct ServerMiddlewareTests {
    @Test func validExchangePassesWithTheBodyIntact() async throws {
        let reports = Reports()
        let handler = Handler()
        let middleware = FlowSpecServerMiddleware(validator: validator, onReport: reports.add)
        let (response, body) = try await middleware.intercept(
            post(otp), body: HTTPBody(#"{"otp": "123456"}"#), metadata: .init(), operationID: "submitFlowAction"
        ) { _, body, _ in try await handler.handle(body) }
        #expect(response.status == .ok)
        #expect(try await collect(body) == flowJSON)
        #expect(handler.received == Array(#"{"otp": "123456"}"#.utf8))
        let report = try #require(reports.all.first)
        #expect(report.isValid && !report.wasRefused && report.side == .server)
        #expect(report.request?.operation?.id == "submitFlowAction")
        #expect(report.response?.statusKey == "200")
    }

    @Test func invalidRequestsAreRefusedWithProblemDetails() async throws {
        let cases: [(HTTPRequest, String?, Int, String)] = [
            (post("application/json"), #"{"otp": "1"}"#, 415, "unsupported_media_type"),
            (post(otp), #"{"code": "1"}"#, 400, "schema.required"),
            (post(otp, path: "/nowhere"), "{}", 404, "path_not_found"),
            (HTTPRequest(method: .delete, scheme: nil, authority: nil, path: flowPath), nil, 405, "method_not_allowed"),
        ]
        for (request, body, status, code) in cases {
            let reports = Reports()
            let handler = Handler()
            let middleware = FlowSpecServerMiddleware(validator: validator, onReport: reports.add)
            let (response, problem) = try await middleware.intercept(
                request, body: body.map { HTTPBody($0) }, metadata: .init(), operationID: "op"
            ) { _, body, _ in try await handler.handle(body) }
            #expect(response.status.code == status, "\(code)")
            #expect(response.headerFields[.contentType] == "application/problem+json")
            #expect(handler.calls == 0)
            let json = try JSONParser.parse(try await collect(problem))
            #expect(json["status"] == .number(JSONNumber(status)))
            #expect(json["violations"]?.arrayValue?.first?["code"] == .string(code))
            #expect(json["type"] == "about:blank")
            #expect(reports.all.first?.wasRefused == true)
            if status == 405 { #expect(response.headerFields[.allow] == "GET, POST") }
        }
    }

    @Test func reportModeLetsInvalidRequestsThrough() async throws {
        let reports = Reports()
        let handler = Handler()
        let middleware = FlowSpecServerMiddleware(validator: validator, requests: .report, onReport: reports.add)
        let (response, _) = try await middleware.intercept(
            post("application/json"), body: HTTPBody("{}"), metadata: .init(), operationID: "op"
        ) { _, body, _ in try await handler.handle(body) }
        #expect(response.status == .ok)
        #expect(handler.calls == 1)
        #expect(reports.all.first?.violations.map(\.code) == [.unsupportedMediaType])
    }

    @Test func invalidResponsesAreReportedOrReplaced() async throws {
        let reports = Reports()
        let teapot = Handler(status: .init(code: 418), contentType: "application/json", body: "{}")
        let reporting = FlowSpecServerMiddleware(validator: validator, onReport: reports.add)
        let (passed, _) = try await reporting.intercept(
            post(otp), body: HTTPBody(#"{"otp": "1"}"#), metadata: .init(), operationID: "op"
        ) { _, body, _ in try await teapot.handle(body) }
        #expect(passed.status.code == 418)
        #expect(reports.all.first?.response?.violations.map(\.code) == [.responseStatusUndeclared])

        let enforcing = FlowSpecServerMiddleware(validator: validator, responses: .enforce)
        let (replaced, body) = try await enforcing.intercept(
            post(otp), body: HTTPBody(#"{"otp": "1"}"#), metadata: .init(), operationID: "op"
        ) { _, body, _ in try await teapot.handle(body) }
        #expect(replaced.status == .internalServerError)
        #expect(try await collect(body).contains("response_status_undeclared"))
    }

    @Test func oversizedBodiesArePassedOnUntouched() async throws {
        let reports = Reports()
        let handler = Handler()
        let middleware = FlowSpecServerMiddleware(validator: validator, requests: .report, onReport: reports.add)
        let big = #"{"otp": ""# + String(repeating: "1", count: 10_000) + #""}"#
        let chunks = stride(from: 0, to: big.utf8.count, by: 1000).map { start in
            Array(big.utf8)[start..<min(start + 1000, big.utf8.count)]
        }
        let stream = AsyncStream<HTTPBody.ByteChunk> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        _ = try await middleware.intercept(
            post(otp), body: HTTPBody(stream, length: .unknown), metadata: .init(), operationID: "op"
        ) { _, body, _ in try await handler.handle(body) }
        #expect(handler.received == Array(big.utf8))
        #expect(reports.all.first?.request?.violations.map(\.code) == [.bodyTooLarge])

        let enforcing = FlowSpecServerMiddleware(validator: validator)
        let (refused, _) = try await enforcing.intercept(
            post(otp), body: HTTPBody(big), metadata: .init(), operationID: "op"
        ) { _, body, _ in try await handler.handle(body) }
        #expect(refused.status == .contentTooLarge)
    }
}

@Suite("Middleware: client")
struct ClientMiddlewareTests {
    let base = URL(string: "https://auth.pingone.com")!

    @Test func validExchangeIsReturned() async throws {
        let reports = Reports()
        let handler = Handler()
        let middleware = FlowSpecClientMiddleware(validator: validator, responses: .enforce, onReport: reports.add)
        let (response, body) = try await middleware.intercept(
            post(otp), body: HTTPBody(#"{"otp": "1"}"#), baseURL: base, operationID: "submitFlowAction"
        ) { _, body, _ in try await handler.handle(body) }
        #expect(response.status == .ok)
        #expect(try await collect(body) == flowJSON)
        #expect(handler.received == Array(#"{"otp": "1"}"#.utf8))
        #expect(reports.all.first?.isValid == true && reports.all.first?.side == .client)
    }

    @Test func invalidRequestIsNotSent() async throws {
        let handler = Handler()
        let middleware = FlowSpecClientMiddleware(validator: validator)
        await #expect(throws: ValidationFailure.self) {
            _ = try await middleware.intercept(
                post("application/vnd.pingidentity.otp.check"), body: HTTPBody("{}"), baseURL: base, operationID: "op"
            ) { _, body, _ in try await handler.handle(body) }
        }
        #expect(handler.calls == 0)
    }

    @Test func invalidResponseThrowsWhenEnforced() async throws {
        let handler = Handler(body: #"{"status": "COMPLETED"}"#)
        let middleware = FlowSpecClientMiddleware(validator: validator, responses: .enforce)
        do {
            _ = try await middleware.intercept(
                post(otp), body: HTTPBody(#"{"otp": "1"}"#), baseURL: base, operationID: "submitFlowAction"
            ) { _, body, _ in try await handler.handle(body) }
            Issue.record("an invalid response was returned")
        } catch let failure as ValidationFailure {
            #expect(failure.report.response?.violations.map(\.code.rawValue) == ["schema.required", "schema.required"])
            #expect(failure.description.contains("response of submitFlowAction"))
        }
    }

    @Test func baseURLPathIsPrefixed() async throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            servers: [{url: 'https://api.example.com/v1'}]
            paths:
              /items:
                get:
                  responses: {'204': {description: none}}
            """
        let loaded = SpecLoader().load(bytes: Array(yaml.utf8), path: "/virtual/items.yaml")
        let items = try Validator(loaded)
        let reports = Reports()
        let middleware = FlowSpecClientMiddleware(validator: items, onReport: reports.add)
        let handler = Handler(status: .noContent, contentType: "text/plain", body: "")
        _ = try await middleware.intercept(
            HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/items"), body: nil,
            baseURL: URL(string: "https://api.example.com/v1/")!, operationID: "op"
        ) { _, body, _ in try await handler.handle(body) }
        #expect(reports.all.first?.isValid == true, "\(reports.all.first?.violations ?? [])")
    }
}
