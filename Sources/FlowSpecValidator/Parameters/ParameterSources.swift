public import HTTPTypes

/// Everything parameters are decoded from, parsed once per request: the router's path parameters, the
/// query items, the header fields and the cookies.
public struct ParameterSources: Sendable {
    /// The path parameters the router extracted.
    public let path: [PathParameter]
    /// The parsed query string.
    public let query: QueryString
    /// The request's header fields; header parameter names are matched case-insensitively, as
    /// `HTTPField.Name` compares them.
    public var headerFields: HTTPFields { headers.httpFields }
    /// The header fields as given (pairs are looked up in place).
    let headers: HeaderSource
    /// The cookies of the `Cookie` fields.
    public let cookies: CookieList

    /// Collects the sources; the cookies are parsed from `headerFields` here, once.
    public init(path: [PathParameter] = [], query: QueryString = QueryString(), headerFields: HTTPFields = [:]) {
        self.path = path
        self.query = query
        self.headers = HeaderSource(headerFields)
        self.cookies = CookieList(headerFields: headerFields)
    }

    /// Collects the sources with the cookies already parsed, or left empty when no parameter reads
    /// them (so that a request pays for parsing `Cookie` only when it matters).
    public init(path: [PathParameter], query: QueryString, headerFields: HTTPFields, cookies: CookieList) {
        self.path = path
        self.query = query
        self.headers = HeaderSource(headerFields)
        self.cookies = cookies
    }

    /// Collects the sources from header fields as the checks hold them.
    init(path: [PathParameter], query: QueryString, headers: HeaderSource, cookies: CookieList) {
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies
    }
}
