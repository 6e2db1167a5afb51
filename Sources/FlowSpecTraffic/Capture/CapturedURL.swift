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
        var url = url
        (scheme, host, port, path, query, fragment) = url.withUTF8 { Self.split($0) }
    }

    // Works on the UTF-8 bytes: captures hold millions of URLs, and `Character` indexing costs.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (String?, String?, Int?, String, String?, String?)
    {
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var end = bytes.count
        var fragment: String?
        var query: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = text((hash + 1)..<end)
            end = hash
        }
        if let mark = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = text((mark + 1)..<end)
            end = mark
        }
        var start = 0
        var scheme: String?
        if let colon = bytes[..<end].firstIndex(of: UInt8(ascii: ":")), isScheme(bytes[..<colon]) {
            scheme = text(0..<colon).lowercased()
            start = colon + 1
        }
        var host: String?
        var port: Int?
        if end - start >= 2 && bytes[start] == UInt8(ascii: "/") && bytes[start + 1] == UInt8(ascii: "/") {
            let authorityStart = start + 2
            let slash = bytes[authorityStart..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
            let authority = UnsafeBufferPointer(rebasing: bytes[authorityStart..<slash])
            if authority.allSatisfy({ $0 < 0x80 }) {
                (host, port) = asciiHostAndPort(authority)
            } else {
                (host, port) = hostAndPort(Substring(text(authorityStart..<slash)))
            }
            start = slash
        }
        let path = start < end ? text(start..<end) : "/"
        return (scheme, host, port, path, query, fragment)
    }

    private static func isScheme(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = text.first, isLetter(first) else { return false }
        return text.allSatisfy { c in
            isLetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
    }

    /// ``hostAndPort(_:)`` for an ASCII authority (nearly all of them), on bytes: in ASCII every
    /// character is one byte, so the result is the same.
    private static func asciiHostAndPort(_ authority: UnsafeBufferPointer<UInt8>) -> (String?, Int?) {
        var start = 0
        var end = authority.count
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
        var portRange: Range<Int>?
        if start < end && authority[start] == UInt8(ascii: "["),
            let close = authority[start..<end].firstIndex(of: UInt8(ascii: "]"))
        {
            if close + 1 < end && authority[close + 1] == UInt8(ascii: ":") { portRange = (close + 2)..<end }
            start += 1
            end = close
        } else if let colon = authority[start..<end].lastIndex(of: UInt8(ascii: ":")) {
            portRange = (colon + 1)..<end
            end = colon
        }
        let port = portRange.flatMap { range in
            Int(String(decoding: UnsafeBufferPointer(rebasing: authority[range]), as: UTF8.self))
        }.flatMap { (0...65535).contains($0) ? $0 : nil }
        guard start < end else { return (nil, port) }
        let host = String(
            unsafeUninitializedCapacity: end - start,
            initializingUTF8With: { out in
                for i in start..<end { out[i - start] = CapturedHeader.asciiLower(authority[i]) }
                return end - start
            })
        return (host, port)
    }

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
