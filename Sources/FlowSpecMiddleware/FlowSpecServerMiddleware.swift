import FlowSpecModel
public import FlowSpecValidator
public import HTTPTypes
public import OpenAPIRuntime

/// A swift-openapi-runtime server middleware that validates every request a service receives, and
/// the response it sends back, against an OpenAPI spec.
///
/// ```swift
/// let validator = try Validator(contentsOf: "openapi.yaml")
/// let middleware = FlowSpecServerMiddleware(validator: validator, requests: .enforce, responses: .report) { report in
///     if !report.isValid { logger.warning("\(report.violations)") }
/// }
/// try handler.registerHandlers(on: transport, middlewares: [middleware])
/// ```
///
/// In ``ValidationMode/enforce`` an invalid request never reaches the handler: the middleware
/// answers with an RFC 9457 `application/problem+json` body listing the violations, with status 404
/// (no such path), 405 (method not declared, with `Allow`), 413 (body too large), 415 (media type
/// not declared or missing) or 400. An invalid response in ``ValidationMode/enforce`` is replaced by
/// a 500 problem. In ``ValidationMode/report`` everything goes through and the callback hears of it.
///
/// Bodies are read up to ``ValidatorOptions/maxBodyBytes`` to be checked and handed on re-created;
/// a larger body is passed on untouched (and reported as `body_too_large`).
public struct FlowSpecServerMiddleware: ServerMiddleware {
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
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var verdict: RequestValidation?
        var forwarded = body
        if requests != .off {
            let checked: RequestValidation
            (checked, forwarded) = try await BodyCollector.validate(request, body: body, with: validator)
            verdict = checked
            if requests == .enforce, !checked.isValid {
                onReport?(
                    ValidationReport(
                        side: .server, operationID: operationID, request: checked, response: nil, wasRefused: true))
                let allow = checked.allowedMethods.map(\.rawValue)
                let (head, bytes) = ProblemDetails.response(
                    status: ProblemDetails.status(for: checked.violations), violations: checked.violations, allow: allow
                )
                return (head, HTTPBody(bytes))
            }
        }
        let (response, responseBody) = try await next(request, forwarded, metadata)
        guard responses != .off else {
            if let verdict {
                onReport?(
                    ValidationReport(
                        side: .server, operationID: operationID, request: verdict, response: nil, wasRefused: false))
            }
            return (response, responseBody)
        }
        let checkedRequest = verdict ?? validator.validate(request: request, body: nil)
        let (answer, checkedBody) = try await BodyCollector.validate(
            response, body: responseBody, for: checkedRequest, with: validator)
        let refuse = responses == .enforce && !answer.isValid
        onReport?(
            ValidationReport(
                side: .server, operationID: operationID, request: verdict, response: answer, wasRefused: refuse))
        if refuse {
            let (head, bytes) = ProblemDetails.response(status: .internalServerError, violations: answer.violations)
            return (head, HTTPBody(bytes))
        }
        return (response, checkedBody)
    }
}
