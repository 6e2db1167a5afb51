/// A captured HTTP request.
///
/// The URL is kept as written and also split into its parts, without percent-decoding, so that the
/// validator decodes path and query parameters by their own style rules.
public struct CapturedRequest: Hashable, Sendable {
    /// The method as written (`GET`, `post`, `PROPFIND`); compare case-sensitively, as RFC 9110 says.
    public var method: String
    /// The full request URL as written in the capture.
    public var url: String
    /// The URL's parts, split from ``url`` when asked for: checking a capture never needs them (the
    /// validator splits the URL its own way), so a million entries do not pay for them.
    public var target: CapturedURL { CapturedURL(parsing: url) }
    /// `HTTP/1.1`, `h2`, ... when the capture says.
    public var httpVersion: String?
    /// The header fields in order, duplicates kept.
    public var headers: [CapturedHeader]
    /// The cookies: the capture's `cookies` list, or else those parsed from the `Cookie` header fields.
    public var cookies: [CapturedCookie]
    /// The body; `nil` when the request has none.
    public var body: CapturedBody?
    /// The form fields of a form post (HAR `postData.params`), in order; empty when the capture gives none.
    public var formParams: [CapturedFormParam]

    public init(
        method: String, url: String, httpVersion: String? = nil, headers: [CapturedHeader] = [],
        cookies: [CapturedCookie] = [], body: CapturedBody? = nil, formParams: [CapturedFormParam] = []
    ) {
        self.method = method
        self.url = url
        self.httpVersion = httpVersion
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.formParams = formParams
    }

    /// The URL's scheme, lowercased (`https`); `nil` for a URL without one.
    public var scheme: String? { target.scheme }
    /// The URL's host, lowercased, without brackets for an IPv6 literal; `nil` for a URL without one.
    public var host: String? { target.host }
    /// The URL's path, percent-encoded as written; `/` when the URL has none.
    public var path: String { target.path }
    /// The URL's query without the `?`, percent-encoded as written; `nil` when there is no `?`.
    public var query: String? { target.query }
}

/// A captured HTTP response.
public struct CapturedResponse: Hashable, Sendable {
    /// The status code (100...999 in practice; the capture's number as written).
    public var status: Int
    /// The reason phrase, when the capture has one.
    public var statusText: String?
    /// `HTTP/1.1`, `h2`, ... when the capture says.
    public var httpVersion: String?
    /// The header fields in order, duplicates kept.
    public var headers: [CapturedHeader]
    /// The cookies: the capture's `cookies` list, or else the name and value of each `Set-Cookie` field.
    public var cookies: [CapturedCookie]
    /// The body; `nil` when the response has none.
    public var body: CapturedBody?

    public init(
        status: Int, statusText: String? = nil, httpVersion: String? = nil, headers: [CapturedHeader] = [],
        cookies: [CapturedCookie] = [], body: CapturedBody? = nil
    ) {
        self.status = status
        self.statusText = statusText
        self.httpVersion = httpVersion
        self.headers = headers
        self.cookies = cookies
        self.body = body
    }
}
