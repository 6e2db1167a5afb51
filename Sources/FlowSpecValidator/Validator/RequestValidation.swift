public import FlowSpecModel
public import HTTPTypes

/// The verdict on one request: the operation it addresses, its decoded parameters, the request
/// media type that matched, and every violation.
///
/// ```swift
/// let verdict = validator.validate(request: request, body: bytes)
/// if !verdict.isValid {
///     for violation in verdict.violations { print(violation.code, violation.message) }
/// }
/// ```
public struct RequestValidation: Sendable {
    /// The operation, or `nil` when no path matched or the method is not declared.
    public var operation: MatchedOperation?
    /// The decoded path, query, header and cookie parameters.
    public var parameters: DecodedParameters
    /// The declared request media-type key that the `Content-Type` selected, as written in the spec.
    public var mediaTypeKey: String?
    /// Every violation, in the order found: routing, parameters, then the body.
    public var violations: [Diagnostic]
    /// The request's method, for checking its response (`HEAD` responses have no body).
    public var method: HTTPRequest.Method
    /// The request's header fields, for checking its response (`Accept`).
    public var headerFields: HTTPFields {
        get { headers.httpFields }
        set { headers = HeaderSource(newValue) }
    }
    /// The header fields as the request gave them (pairs from a capture stay pairs until
    /// ``headerFields`` is read).
    var headers: HeaderSource
    /// The methods the matched path declares, when the request's method is not among them
    /// (`method_not_allowed`): what an `Allow` field lists.
    public var allowedMethods: [HTTPRequest.Method] = []
    /// Whether the method was let through by ``ValidatorOptions/undeclaredMethods`` without checks.
    public var isUncheckedMethod: Bool

    /// Whether no violation is an error.
    public var isValid: Bool { !violations.containsError }
}

// The initializers are in an extension so that the struct keeps its memberwise initializer, which they
// call: one that assigned the fields one by one built the value aside and copied it into place (a
// copy and a destroy of every field per request, a dozen retains and releases).
extension RequestValidation {
    public init(
        operation: MatchedOperation? = nil, parameters: DecodedParameters = DecodedParameters(),
        mediaTypeKey: String? = nil, violations: [Diagnostic] = [], method: HTTPRequest.Method = .get,
        headerFields: HTTPFields = HTTPFields(), isUncheckedMethod: Bool = false
    ) {
        self.init(
            operation: operation, parameters: parameters, mediaTypeKey: mediaTypeKey, violations: violations,
            method: method, headers: HeaderSource(headerFields), allowedMethods: [],
            isUncheckedMethod: isUncheckedMethod)
    }

    /// An empty verdict for a request with these header fields (no `HTTPFields` built and thrown
    /// away, as the public initializer's default would).
    init(method: HTTPRequest.Method, headers: HeaderSource) {
        self.init(
            operation: nil, parameters: DecodedParameters(), mediaTypeKey: nil, violations: [], method: method,
            headers: headers, allowedMethods: [], isUncheckedMethod: false)
    }
}
