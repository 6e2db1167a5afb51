public import HTTPTypes

/// The cookies of a request's `Cookie` fields (RFC 6265 §4.2 and §5.4), in order, duplicates kept.
///
/// `Cookie: a=b; c=d` gives `a=b` and `c=d`; several `Cookie` fields (HTTP/2 sends one per cookie) are
/// read in order. Pieces are split on `;`, whitespace around them is trimmed and empty pieces are
/// skipped. A piece without `=` is a cookie with an empty name, as RFC 6265bis parses it. One pair of
/// surrounding double quotes is removed from a value (RFC 6265's `DQUOTE *cookie-octet DQUOTE`), and
/// values are not percent-decoded: cookies have no standard escaping, and OpenAPI parameters in cookies
/// are compared as sent.
public struct CookieList: Sendable, Hashable {
    /// One `name=value` pair.
    public struct Cookie: Sendable, Hashable {
        /// The name, compared case-sensitively.
        public let name: String
        /// The value, without surrounding quotes, not percent-decoded.
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The cookies, in order.
    public let cookies: [Cookie]

    /// Reads the `Cookie` fields of `headerFields`.
    public init(headerFields: HTTPFields) {
        self.init(parsing: headerFields[values: .cookie])
    }

    /// Parses `Cookie` field values.
    public init(parsing values: [String]) {
        var cookies: [Cookie] = []
        for value in values {
            for piece in value.split(separator: ";", omittingEmptySubsequences: true) {
                let trimmed = piece.trimmingWhitespace()
                guard !trimmed.isEmpty else { continue }
                guard let equals = trimmed.firstIndex(of: "=") else {
                    cookies.append(Cookie(name: "", value: String(trimmed)))
                    continue
                }
                let name = trimmed[..<equals].trimmingWhitespace()
                var cookieValue = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
                if cookieValue.count >= 2, cookieValue.first == "\"", cookieValue.last == "\"" {
                    cookieValue = cookieValue.dropFirst().dropLast()
                }
                cookies.append(Cookie(name: String(name), value: String(cookieValue)))
            }
        }
        self.cookies = cookies
    }

    /// The values of the cookies called `name` (case-sensitive), in order.
    public func values(named name: String) -> [String] {
        cookies.compactMap { $0.name == name ? $0.value : nil }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (HTTP's OWS).
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
