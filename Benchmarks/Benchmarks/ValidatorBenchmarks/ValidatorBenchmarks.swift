import Benchmark
import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import Foundation
import HTTPTypes

// Requests and responses validated per second on one core, allocations per validation and the
// latency distribution of one validation, for specs/pingone-flows.yaml and the benchmark
// placeholder ../shared/bench/flows-mini.yaml. Each iteration is one validation (or one exchange:
// a request and its response), so the wall-clock percentiles are per validation.

private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .path
private let shared = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path

private let envID = "3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73"
private let flowID = "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"

/// One request and its response, ready to validate.
private struct Exchange {
    var request: HTTPRequest
    var requestBody: [UInt8]?
    var response: HTTPResponse
    var responseBody: [UInt8]?
}

private func validator(_ path: String) -> Validator? {
    try? Validator(contentsOf: path)
}

private func flowsExchange() -> Exchange {
    var request = HTTPRequest(
        method: .post, scheme: "https", authority: "auth.pingone.com", path: "/\(envID)/flows/\(flowID)")
    request.headerFields[.contentType] = "application/vnd.pingidentity.usernamePassword.check+json; charset=UTF-8"
    request.headerFields[.accept] = "*/*"
    request.headerFields[.cookie] = "ST=2f0e8c4a-6d1b-4f7e-a3c9-5b8d0e2f4a61"
    request.headerFields[.userAgent] = "Mozilla/5.0 (benchmark)"
    let href = "https://auth.pingone.com/\(envID)/flows/\(flowID)"
    let flow = """
        {"id":"\(flowID)","status":"DEVICE_SELECTION_REQUIRED","createdAt":"2026-03-04T10:15:30.123Z",\
        "expiresAt":"2026-03-04T10:30:30.123Z","resumeUrl":"https://auth.pingone.com/\(envID)/as/resume?flowId=\(flowID)",\
        "_links":{"self":{"href":"\(href)"},"device.select":{"href":"\(href)"},"session.reset":{"href":"\(href)"}},\
        "_embedded":{"user":{"id":"6a1d9e3f-2b7c-4f08-9d5e-3c8a1f0b7e24","username":"lisa.park",\
        "name":{"given":"Lisa","family":"Park"}},"application":{"name":"Acme Web Portal"},\
        "devices":[{"id":"6a1d9e3f-2b7c-4f08-9d5e-3c8a1f0b7e24","type":"SMS","status":"ACTIVE","phone":"*******01"},\
        {"id":"9c2e7b14-5d3a-4f61-8e0b-7a4c1d6f2e95","type":"EMAIL","status":"ACTIVE","email":"l***@example.com"}]}}
        """
    return Exchange(
        request: request, requestBody: Array(#"{"username":"lisa.park","password":"Examp1e-Passw0rd!"}"#.utf8),
        response: HTTPResponse(status: .ok, headerFields: [.contentType: "application/hal+json;charset=UTF-8"]),
        responseBody: Array(flow.utf8))
}

private func miniExchange() -> Exchange {
    let path = "/v1/environments/\(envID)/flows/\(flowID)"
    var request = HTTPRequest(method: .post, scheme: "https", authority: "auth.example.test", path: path)
    request.headerFields[.contentType] = "application/vnd.pingidentity.usernamePassword.check+json"
    request.headerFields[.authorization] = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"
    let base = "https://auth.example.test" + path
    let flow = """
        {"id":"\(flowID)","status":"OTP_REQUIRED","createdAt":"2025-03-01T10:00:00.000Z",\
        "expiresAt":"2025-03-01T10:15:00.000Z","resumeUrl":"https://auth.example.test/v1/resume?flowId=\(flowID)",\
        "_links":{"self":{"href":"\(base)"},"usernamePassword.check":{"href":"\(base)"},"otp.check":{"href":"\(base)"}},\
        "_embedded":{"requiredActions":[{"type":"otp.check","contentType":"application/vnd.pingidentity.otp.check+json",\
        "attempts":1}],"user":{"id":"6a1d9e3f-2b7c-4f08-9d5e-3c8a1f0b7e24","username":"ada.lovelace42",\
        "email":"ada.lovelace@example.test","enabled":true,"name":{"given":"Ada","family":"Lovelace"},\
        "address":{"streetAddress":"12 Main St","locality":"Berlin","postalCode":"10115","countryCode":"DE"},\
        "population":{"id":"9c2e7b14-5d3a-4f61-8e0b-7a4c1d6f2e95"},"createdAt":"2025-01-02T03:04:05.000Z"},\
        "session":{"id":"2f0e8c4a-6d1b-4f7e-a3c9-5b8d0e2f4a61","lastSignOn":{"at":"2025-02-01T10:00:00.000Z",\
        "remoteIp":"198.51.100.7","withAuthenticators":[{"type":"pwd","at":"2025-02-01T10:00:00.000Z"}]}}}}
        """
    return Exchange(
        request: request,
        requestBody: Array(#"{"username":"ada@example.test","password":"s3cret-1a2b3c4d"}"#.utf8),
        response: HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]),
        responseBody: Array(flow.utf8))
}

/// The compiled schema `components/schemas/<name>` of the spec at `path`.
private func bodySchema(_ path: String, name: String) -> SchemaValidator? {
    let loaded = SpecLoader().load(path: path)
    guard let file = loaded.files.root else { return nil }
    var registry = SchemaRegistry()
    registry.register(.openAPIDocument(tree: file.tree, file: file.displayPath, baseURI: file.uri))
    return try? SchemaValidator(registry: registry, uri: file.uri + "#/components/schemas/" + name)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .nanoseconds, warmupIterations: 1_000, maxDuration: .seconds(5), maxIterations: 2_000_000)

    let specs: [(name: String, path: String, exchange: () -> Exchange, flowSchema: String)] = [
        ("flows", "\(root)/specs/pingone-flows.yaml", flowsExchange, "Flow"),
        ("flows-mini", "\(shared)/bench/flows-mini.yaml", miniExchange, "Flow"),
    ]
    for spec in specs {
        guard FileManager.default.fileExists(atPath: spec.path), let validator = validator(spec.path) else { continue }
        let exchange = spec.exchange()
        let checked = validator.validate(request: exchange.request, body: exchange.requestBody)
        let answered = validator.validate(response: exchange.response, body: exchange.responseBody, for: checked)
        guard checked.isValid, answered.isValid else {
            fatalError("\(spec.name): the benchmark exchange is not valid: \(checked.violations) \(answered.violations)")
        }
        Benchmark("\(spec.name): request") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(validator.validate(request: exchange.request, body: exchange.requestBody))
            }
        }
        Benchmark("\(spec.name): response") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(validator.validate(response: exchange.response, body: exchange.responseBody, for: checked))
            }
        }
        Benchmark("\(spec.name): exchange") { benchmark in
            for _ in benchmark.scaledIterations {
                let request = validator.validate(request: exchange.request, body: exchange.requestBody)
                blackHole(validator.validate(response: exchange.response, body: exchange.responseBody, for: request))
            }
        }
        // The floor: the schema engine alone on the response body (no routing, parameters or media types).
        if let schema = bodySchema(spec.path, name: spec.flowSchema), let body = exchange.responseBody {
            Benchmark("\(spec.name): response body schema only") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(schema.validate(json: body, options: ValidationOptions(direction: .response)))
                }
            }
        }
        Benchmark(
            "\(spec.name): compile",
            configuration: .init(
                metrics: [.wallClock, .mallocCountTotal], warmupIterations: 2, maxDuration: .seconds(5),
                maxIterations: 50)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? Validator(contentsOf: spec.path))
            }
        }
    }
}
