/// A request URL split into its parts (RFC 3986 section 3), nothing percent-decoded.
///
/// Parsing is lenient on purpose: a capture may hold any URL a client sent, so nothing here fails;
/// a relative URL (`/v1/users?limit=2`) simply has no scheme and no host.
public struct CapturedURL: Hashable, Sendable {
    /// The scheme, lowercased (`https`).
    public var scheme: String?
    /// The host, lowercased; an IPv6 literal without its brackets.
    public var host: String?
    /// The port when the URL gives one.
    public var port: Int?
    /// The path, percent-encoded as written; `/` when the URL has none.
    public var path: String
    /// The query without its `?`; `nil` when the URL has no `?`.
    public var query: String?
    /// The fragment without its `#` (clients do not send one, but captures may record it).
    public var fragment: String?

    /// Splits `url` into its parts.
    public init(parsing url: String) {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        if let colon = rest.firstIndex(of: ":"), Self.isScheme(rest[..<colon]) {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            (host, port) = Self.hostAndPort(rest[..<slash])
            rest = rest[slash...]
        }
        path = rest.isEmpty ? "/" : String(rest)
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { c in
            isLetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }

    private static func hostAndPort(_ authority: Substring) -> (String?, Int?) {
        var hostPort = authority
        if let at = hostPort.lastIndex(of: "@") { hostPort = hostPort[hostPort.index(after: at)...] }
        var portText: Substring?
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
            hostPort = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
        } else if let colon = hostPort.lastIndex(of: ":") {
            portText = hostPort[hostPort.index(after: colon)...]
            hostPort = hostPort[..<colon]
        }
        let port = portText.flatMap { Int($0) }.flatMap { (0...65535).contains($0) ? $0 : nil }
        return (hostPort.isEmpty ? nil : hostPort.lowercased(), port)
    }
}
