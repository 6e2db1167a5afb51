/// Header fields that HTTP, browsers and proxies define, which no OpenAPI operation declares: strict
/// mode never reports them as undeclared. Lower-case names.
enum StandardHeaders {
    static let names: Set<String> = [
        "a-im", "accept", "accept-charset", "accept-encoding", "accept-language", "accept-datetime",
        "access-control-request-headers", "access-control-request-method", "authorization", "cache-control",
        "connection", "content-encoding", "content-length", "content-md5", "content-type", "content-language",
        "content-location", "content-range", "cookie", "date", "dnt", "early-data", "expect", "forwarded", "from",
        "host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "keep-alive",
        "max-forwards", "origin", "pragma", "prefer", "priority", "proxy-authorization", "range", "referer", "te",
        "trailer", "transfer-encoding", "upgrade", "upgrade-insecure-requests", "user-agent", "via", "warning",
        "x-request-id", "x-correlation-id", "traceparent", "tracestate", "baggage", "x-amzn-trace-id",
        "x-real-ip", "true-client-ip", "cdn-loop",
    ]

    /// Whether `name` (lower case) is a standard field or a family of them (`sec-*`, `x-forwarded-*`).
    static func contains(_ name: String) -> Bool {
        names.contains(name) || name.hasPrefix("sec-") || name.hasPrefix("x-forwarded-") || name.hasPrefix(":")
    }
}
