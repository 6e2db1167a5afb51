public import FlowSpecModel

extension DiagnosticCode {
    // MARK: Routing

    /// No path template of the spec matches the request path (HTTP 404).
    public static var pathNotFound: DiagnosticCode { "path_not_found" }
    /// A path template matches but does not declare the request's method (HTTP 405).
    public static var methodNotAllowed: DiagnosticCode { "method_not_allowed" }

    // MARK: Parameters (strict mode)

    /// A query parameter the operation does not declare (strict mode).
    public static var undeclaredQueryParameter: DiagnosticCode { "undeclared_query_parameter" }
    /// A header field the operation does not declare and that is not a standard HTTP field (strict mode).
    public static var undeclaredHeader: DiagnosticCode { "undeclared_header" }
    /// A cookie the operation does not declare (strict mode).
    public static var undeclaredCookie: DiagnosticCode { "undeclared_cookie" }

    // MARK: Media types and bodies

    /// A body without a `Content-Type` field.
    public static var missingContentType: DiagnosticCode { "missing_content_type" }
    /// A request `Content-Type` that none of the operation's request media types accepts (HTTP 415).
    public static var unsupportedMediaType: DiagnosticCode { "unsupported_media_type" }
    /// A required request body that the request does not carry.
    public static var requestBodyMissing: DiagnosticCode { "request_body_missing" }
    /// An empty request body for a media type whose schema needs content (`{}` does not satisfy it).
    public static var requestBodyEmpty: DiagnosticCode { "request_body_empty" }
    /// A request body sent to an operation that declares none.
    public static var requestBodyUndeclared: DiagnosticCode { "request_body_undeclared" }
    /// A body larger than ``ValidatorOptions/maxBodyBytes`` (HTTP 413).
    public static var bodyTooLarge: DiagnosticCode { "body_too_large" }
    /// A text or form body that is not valid UTF-8 or whose percent-encoding is malformed.
    public static var invalidBodyEncoding: DiagnosticCode { "invalid_body_encoding" }
    /// A body property that the schema does not declare (strict mode).
    public static var undeclaredProperty: DiagnosticCode { "undeclared_property" }

    // MARK: Responses

    /// A response status that the operation declares neither exactly, by range, nor as `default`.
    public static var responseStatusUndeclared: DiagnosticCode { "response_status_undeclared" }
    /// A response `Content-Type` that none of the response's declared media types accepts.
    public static var responseMediaTypeUndeclared: DiagnosticCode { "response_media_type_undeclared" }
    /// A response without a body where the response declares content.
    public static var responseBodyMissing: DiagnosticCode { "response_body_missing" }
    /// A response body where the response declares no content.
    public static var responseBodyUndeclared: DiagnosticCode { "response_body_undeclared" }
    /// A required response header that the response does not carry.
    public static var missingRequiredHeader: DiagnosticCode { "missing_required_header" }
    /// A response media type that the request's `Accept` field does not accept (HTTP 406).
    public static var notAcceptable: DiagnosticCode { "not_acceptable" }
    /// A response to a request that matched no operation, which therefore could not be checked.
    public static var responseNotChecked: DiagnosticCode { "response_not_checked" }
}
