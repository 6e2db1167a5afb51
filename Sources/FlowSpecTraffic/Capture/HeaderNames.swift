#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The header names nearly every capture repeats in every entry, as string literals.
///
/// A literal costs nothing to hand out (no UTF-8 check, no allocation for the names longer than a
/// small string, no reference counting), where making a `String` from the entry's bytes costs all
/// three for each header of each entry. Spellings are kept exactly: HTTP/1 exporters write
/// `Content-Type`, HTTP/2 ones `content-type`, and both are here.
enum HeaderNames {
    static let common: [String] = [
        "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection",
        "Content-Length", "Content-Type", "Cookie", "Date", "Host", "Location", "Origin", "Referer", "Server",
        "Set-Cookie", "User-Agent", "X-Correlation-Id", "X-Request-Id", "accept", "accept-encoding",
        "accept-language", "authorization", "cache-control", "connection", "content-length", "content-type",
        "cookie", "date", "host", "location", "origin", "referer", "server", "set-cookie", "user-agent",
        "x-correlation-id", "x-request-id",
    ]

    /// ``common`` by length, for the look-up.
    private static let byLength: [[String]] = {
        var table = [[String]](repeating: [], count: 32)
        for name in common { table[name.utf8.count].append(name) }
        return table
    }()

    /// The literal spelt exactly as `bytes`, if it is one of ``common``.
    static func literal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count < byLength.count, let base = bytes.baseAddress else { return nil }
        for var name in byLength[bytes.count] {
            let same = name.withUTF8 { $0[0] == base[0] && memcmp($0.baseAddress!, base, bytes.count) == 0 }
            if same { return name }
        }
        return nil
    }
}
