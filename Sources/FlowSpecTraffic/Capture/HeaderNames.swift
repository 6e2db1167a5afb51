#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The header names nearly every capture repeats in every entry, handed out as string literals.
///
/// A literal costs nothing to hand out (no UTF-8 check, no allocation for the names longer than a
/// small string, no reference counting), where making a `String` from the entry's bytes costs all
/// three for each header of each entry. Spellings are kept exactly: HTTP/1 exporters write
/// `Content-Type`, HTTP/2 ones `content-type`, and both are here.
enum HeaderNames {
    /// The literal spelt exactly as `bytes`, if it is a common header name. Cases are picked by
    /// length and first byte, so most names cost one comparison.
    static func literal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first else { return nil }
        switch (bytes.count, first) {
        case (4, UInt8(ascii: "D")): return same(bytes, "Date")
        case (4, UInt8(ascii: "H")): return same(bytes, "Host")
        case (4, UInt8(ascii: "d")): return same(bytes, "date")
        case (4, UInt8(ascii: "h")): return same(bytes, "host")
        case (6, UInt8(ascii: "A")): return same(bytes, "Accept")
        case (6, UInt8(ascii: "C")): return same(bytes, "Cookie")
        case (6, UInt8(ascii: "O")): return same(bytes, "Origin")
        case (6, UInt8(ascii: "S")): return same(bytes, "Server")
        case (6, UInt8(ascii: "a")): return same(bytes, "accept")
        case (6, UInt8(ascii: "c")): return same(bytes, "cookie")
        case (6, UInt8(ascii: "o")): return same(bytes, "origin")
        case (6, UInt8(ascii: "s")): return same(bytes, "server")
        case (7, UInt8(ascii: "R")): return same(bytes, "Referer")
        case (7, UInt8(ascii: "r")): return same(bytes, "referer")
        case (8, UInt8(ascii: "L")): return same(bytes, "Location")
        case (8, UInt8(ascii: "l")): return same(bytes, "location")
        case (10, UInt8(ascii: "C")): return same(bytes, "Connection")
        case (10, UInt8(ascii: "S")): return same(bytes, "Set-Cookie")
        case (10, UInt8(ascii: "U")): return same(bytes, "User-Agent")
        case (10, UInt8(ascii: "c")): return same(bytes, "connection")
        case (10, UInt8(ascii: "s")): return same(bytes, "set-cookie")
        case (10, UInt8(ascii: "u")): return same(bytes, "user-agent")
        case (12, UInt8(ascii: "C")): return same(bytes, "Content-Type")
        case (12, UInt8(ascii: "X")): return same(bytes, "X-Request-Id")
        case (12, UInt8(ascii: "c")): return same(bytes, "content-type")
        case (12, UInt8(ascii: "x")): return same(bytes, "x-request-id")
        case (13, UInt8(ascii: "A")): return same(bytes, "Authorization")
        case (13, UInt8(ascii: "C")): return same(bytes, "Cache-Control")
        case (13, UInt8(ascii: "a")): return same(bytes, "authorization")
        case (13, UInt8(ascii: "c")): return same(bytes, "cache-control")
        case (14, UInt8(ascii: "C")): return same(bytes, "Content-Length")
        case (14, UInt8(ascii: "c")): return same(bytes, "content-length")
        case (15, UInt8(ascii: "A")): return same(bytes, "Accept-Encoding") ?? same(bytes, "Accept-Language")
        case (15, UInt8(ascii: "a")): return same(bytes, "accept-encoding") ?? same(bytes, "accept-language")
        case (16, UInt8(ascii: "X")): return same(bytes, "X-Correlation-Id")
        case (16, UInt8(ascii: "x")): return same(bytes, "x-correlation-id")
        default: return nil
        }
    }

    /// The literal spelt exactly as `bytes`, if it is one of the media types that `Accept`,
    /// `Content-Type` and a HAR body's `mimeType` repeat in nearly every entry of an API capture (only
    /// those longer than a small string, which would not allocate anyway).
    static func valueLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 16, bytes[0] == UInt8(ascii: "a") else { return nil }
        switch bytes.count {
        case 16: return same(bytes, "application/json")
        case 20: return same(bytes, "application/hal+json")
        case 24: return same(bytes, "application/problem+json")
        case 31: return same(bytes, "application/json; charset=utf-8") ?? same(bytes, "application/json; charset=UTF-8")
        case 33: return same(bytes, "application/x-www-form-urlencoded")
        default: return nil
        }
    }

    /// `name` (a literal, so its UTF-8 is stored in the binary) when `bytes` spell it exactly.
    @inline(__always) private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ name: String) -> String? {
        let equal = name.utf8.withContiguousStorageIfAvailable { memcmp(bytes.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
        return equal == true ? name : nil
    }
}
