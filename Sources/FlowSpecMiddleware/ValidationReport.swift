public import FlowSpecModel
public import FlowSpecValidator

/// What a middleware found for one exchange, handed to its callback.
public struct ValidationReport: Sendable {
    /// Which middleware produced the report.
    public enum Side: Sendable, Hashable {
        /// ``FlowSpecServerMiddleware``: a request this service received and its answer.
        case server
        /// ``FlowSpecClientMiddleware``: a request this service sent to an upstream and its answer.
        case client
    }

    public var side: Side
    /// The operation ID the OpenAPI runtime passed to the middleware (the generated code's name).
    public var operationID: String
    /// The request's verdict; `nil` when requests are not validated (``ValidationMode/off``).
    public var request: RequestValidation?
    /// The response's verdict; `nil` when the request was refused or responses are not validated.
    public var response: ResponseValidation?
    /// Whether the middleware refused the exchange (answered with a problem, or threw).
    public var wasRefused: Bool

    public init(
        side: Side, operationID: String, request: RequestValidation?, response: ResponseValidation?,
        wasRefused: Bool
    ) {
        self.side = side
        self.operationID = operationID
        self.request = request
        self.response = response
        self.wasRefused = wasRefused
    }

    /// Every violation: the request's, then the response's.
    public var violations: [Diagnostic] { (request?.violations ?? []) + (response?.violations ?? []) }

    /// Whether neither side has an error.
    public var isValid: Bool { (request?.isValid ?? true) && (response?.isValid ?? true) }
}

/// Thrown by ``FlowSpecClientMiddleware`` in ``ValidationMode/enforce`` when a request it was asked
/// to send, or the response it got, does not match the spec.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    /// The report, with the violations.
    public var report: ValidationReport

    public init(report: ValidationReport) { self.report = report }

    public var description: String {
        let what = report.response == nil ? "request" : "response"
        let first = report.violations.first { $0.severity == .error }?.message ?? "invalid"
        return "the \(what) of \(report.operationID) does not match the spec: \(first)"
    }
}
