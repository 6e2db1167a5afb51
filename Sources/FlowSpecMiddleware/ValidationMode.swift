/// What a middleware does with what it validates.
public enum ValidationMode: Sendable, Hashable {
    /// Validate, and refuse what is invalid: the server middleware answers with an RFC 9457
    /// `application/problem+json` response, the client middleware throws ``ValidationFailure``.
    case enforce
    /// Validate and report through the callback, but let everything through.
    case report
    /// Do not validate.
    case off
}
