/// The choices a ``Validator`` makes where the specification leaves room, with fail-closed defaults.
///
/// ```swift
/// var options = ValidatorOptions()
/// options.strict = true                       // undeclared query parameters, headers, cookies are violations
/// options.maxBodyBytes = 64 * 1024            // larger bodies are `body_too_large`
/// options.undeclaredMethods = .allowOptions    // CORS preflights pass
/// let validator = try Validator(contentsOf: "specs/pingone-flows.yaml", options: options)
/// ```
public struct ValidatorOptions: Sendable, Hashable {
    /// What to do with a request whose method the matched path does not declare.
    public enum UndeclaredMethodPolicy: Sendable, Hashable {
        /// Every undeclared method is `method_not_allowed` (the default).
        case reject
        /// `OPTIONS` passes unchecked when the path does not declare it (CORS preflights); other
        /// undeclared methods are `method_not_allowed`.
        case allowOptions
        /// As ``allowOptions``, and `HEAD` is checked as the path's `GET` (RFC 9110 §9.3.2), its
        /// response without a body.
        case allowOptionsAndHead
    }

    /// Strict mode: query parameters, header fields and cookies that the operation does not declare
    /// are violations (`undeclared_query_parameter`, `undeclared_header`, `undeclared_cookie`), and so
    /// are body properties that an object schema does not declare when it says nothing about other
    /// properties (`undeclared_property`). Standard HTTP fields (`Accept`, `Authorization`, `Host`,
    /// `User-Agent`, ... and `X-Forwarded-*`) are never undeclared. Default `false`.
    public var strict: Bool
    /// Whether `format` is asserted (`format: uuid` rejects `abc`). Default `true`.
    public var assertFormats: Bool
    /// Whether a `readOnly` property in a request body, or a `writeOnly` one in a response body, is
    /// a violation. `required` never demands them in the other direction either way. Default `false`.
    public var enforceReadWriteOnly: Bool
    /// The largest body validated, in bytes; a larger one is `body_too_large` and is not parsed.
    /// Default 1 MiB.
    public var maxBodyBytes: Int
    /// What to do with undeclared methods such as `OPTIONS` and `HEAD`. Default ``UndeclaredMethodPolicy/reject``.
    public var undeclaredMethods: UndeclaredMethodPolicy
    /// Whether a response's media type must be acceptable to the request's `Accept` field
    /// (`not_acceptable`). Default `true`.
    public var checkAccept: Bool
    /// Most violations reported for one body. Default 20.
    public var maxBodyViolations: Int
    /// Whether a spec with load or compile errors is used anyway, for the parts that could be built
    /// (the errors become warnings in ``Validator/diagnostics``). Default `false`: the initializer
    /// throws, so that a broken spec never validates traffic silently.
    public var acceptsSpecErrors: Bool

    public init(
        strict: Bool = false, assertFormats: Bool = true, enforceReadWriteOnly: Bool = false,
        maxBodyBytes: Int = 1 << 20, undeclaredMethods: UndeclaredMethodPolicy = .reject, checkAccept: Bool = true,
        maxBodyViolations: Int = 20, acceptsSpecErrors: Bool = false
    ) {
        self.strict = strict
        self.assertFormats = assertFormats
        self.enforceReadWriteOnly = enforceReadWriteOnly
        self.maxBodyBytes = maxBodyBytes
        self.undeclaredMethods = undeclaredMethods
        self.checkAccept = checkAccept
        self.maxBodyViolations = maxBodyViolations
        self.acceptsSpecErrors = acceptsSpecErrors
    }
}
