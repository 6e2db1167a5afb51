public import FlowSpecValidator
public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// A swift-openapi-runtime client middleware that validates what a client sends to an upstream API
/// (such as PingOne's) and what it gets back, against the upstream's OpenAPI spec.
///
/// ```swift
/// let pingOne = try Validator(contentsOf: "specs/pingone-flows.yaml")
/// let client = Client(
///     serverURL: URL(string: "https://auth.pingone.com")!, transport: transport,
///     middlewares: [FlowSpecClientMiddleware(validator: pingOne, requests: .enforce, responses: .report)])
/// ```
///
/// The request path is routed with the base URL's path in front (`https://api.example.com/v1` and
/// `/pets` give `/v1/pets`), so the spec's server base paths apply. In ``ValidationMode/enforce`` an
/// invalid request is not sent and an invalid response is not returned: ``ValidationFailure`` is
/// thrown instead, carrying the report.
public struct FlowSpecClientMiddleware: ClientMiddleware {
    public let validator: Validator
    public let requests: ValidationMode
    public let responses: ValidationMode
    public let onReport: (@Sendable (ValidationReport) -> Void)?

    public init(
        validator: Validator, requests: ValidationMode = .enforce, responses: ValidationMode = .report,
        onReport: (@Sendable (ValidationReport) -> Void)? = nil
    ) {
        self.validator = validator
        self.requests = requests
        self.responses = responses
        self.onReport = onReport
    }

    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var routed = request
        routed.path = Self.fullPath(base: baseURL.path, path: request.path ?? "/")
        var forwarded = body
        var verdict = RequestValidation(method: request.method, headerFields: request.headerFields)
        if requests != .off {
            (verdict, forwarded) = try await BodyCollector.validate(routed, body: body, with: validator)
            if requests == .enforce, !verdict.isValid {
                let report = ValidationReport(
                    side: .client, operationID: operationID, request: verdict, response: nil, wasRefused: true)
                onReport?(report)
                throw ValidationFailure(report: report)
            }
        } else if responses != .off {
            verdict = validator.validate(request: routed, body: nil)
        }
        let (response, responseBody) = try await next(request, forwarded, baseURL)
        guard responses != .off else {
            if requests != .off {
                onReport?(
                    ValidationReport(
                        side: .client, operationID: operationID, request: verdict, response: nil, wasRefused: false))
            }
            return (response, responseBody)
        }
        let (answer, checkedBody) = try await BodyCollector.validate(
            response, body: responseBody, for: verdict, with: validator)
        let refuse = responses == .enforce && !answer.isValid
        let report = ValidationReport(
            side: .client, operationID: operationID, request: requests == .off ? nil : verdict, response: answer,
            wasRefused: refuse)
        onReport?(report)
        if refuse { throw ValidationFailure(report: report) }
        return (response, checkedBody)
    }

    /// `base` (a URL's path, possibly empty or `/`) followed by `path`.
    static func fullPath(base: String, path: String) -> String {
        var prefix = base
        while prefix.hasSuffix("/") { prefix.removeLast() }
        return prefix + (path.hasPrefix("/") ? path : "/" + path)
    }
}
