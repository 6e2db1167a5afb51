/// One HTTP request and, when there was one, its response, as a capture recorded them.
///
/// The shape follows HAR 1.2's `entry` object
/// ([HAR 1.2 spec](http://www.softwareishard.com/blog/har-12-spec/#entries)), flattened to what a
/// validator needs; the NDJSON format (`docs/ndjson-capture-format.md`) maps onto the same fields.
public struct CapturedExchange: Hashable, Sendable {
    /// The request.
    public var request: CapturedRequest
    /// The response; `nil` when the request got none (HAR `status` 0, an NDJSON line without `status`).
    public var response: CapturedResponse?
    /// When the request started, as written in the capture (HAR `startedDateTime`, RFC 3339).
    public var startedAt: String?
    /// Total time of the exchange in milliseconds (HAR `time`).
    public var timeMs: Double?
    /// The entry's `comment`.
    public var comment: String?
    /// The entry's custom members (names starting with `_`, such as `_bench`), each as its raw JSON text.
    ///
    /// HAR allows custom fields whose names start with an underscore; tools tag entries with them
    /// (the benchmark generator writes `"_bench":{"expect":"invalid",...}`). The text is exactly as
    /// written in the capture, so a caller can parse it with any JSON reader.
    public var extensions: [String: String]

    public init(
        request: CapturedRequest, response: CapturedResponse? = nil, startedAt: String? = nil, timeMs: Double? = nil,
        comment: String? = nil, extensions: [String: String] = [:]
    ) {
        self.request = request
        self.response = response
        self.startedAt = startedAt
        self.timeMs = timeMs
        self.comment = comment
        self.extensions = extensions
    }
}
