/// `uri`, `uri-reference`, `iri` and `iri-reference` on ASCII text, read as bytes.
///
/// The same grammar as ``Formats/uri(_:absolute:international:)``, step for step, without building
/// an array of scalars: on ASCII text the `international` rules never apply, so the four formats
/// share it. Text with non-ASCII bytes, and IP literals (`[...]`, rare), go to the scalar version.
extension Formats {
    /// The verdict on ASCII `b`, or `nil` when the scalar version must decide.
    static func asciiURI(_ b: UnsafeBufferPointer<UInt8>, absolute: Bool) -> Bool? {
        let n = b.count
        var k = 0
        while k < n {
            if b[k] >= 0x80 { return nil }
            k += 1
        }
        var i = 0
        // Scheme, if there is one: the first `:` with no `/`, `?` or `#` before it.
        var hasScheme = false
        var colon = -1
        k = 0
        while k < n {
            if b[k] == UInt8(ascii: ":") {
                colon = k
                break
            }
            k += 1
        }
        if colon > 0 {
            var plain = true
            for k in 0..<colon where b[k] == UInt8(ascii: "/") || b[k] == UInt8(ascii: "?") || b[k] == UInt8(ascii: "#")
            {
                plain = false
                break
            }
            if plain {
                guard (b[0] | 0x20) &- 97 < 26 else { return false }
                for k in 0..<colon {
                    let c = b[k]
                    guard isAlnum(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                    else {
                        return false
                    }
                }
                hasScheme = true
                i = colon + 1
            }
        }
        if absolute && !hasScheme { return false }
        // Authority.
        if i + 1 < n && b[i] == UInt8(ascii: "/") && b[i + 1] == UInt8(ascii: "/") {
            i += 2
            let start = i
            while i < n && b[i] != UInt8(ascii: "/") && b[i] != UInt8(ascii: "?") && b[i] != UInt8(ascii: "#") {
                i += 1
            }
            guard let valid = asciiAuthority(UnsafeBufferPointer(rebasing: b[start..<i])) else { return nil }
            guard valid else { return false }
        }
        // Path, query, fragment: `?` ends the path, `#` the path or query; each allows more.
        guard asciiComponent(b, &i, stopsAtQuery: true, allowsQuery: false) else { return false }
        if i < n && b[i] == UInt8(ascii: "?") {
            i += 1
            guard asciiComponent(b, &i, stopsAtQuery: false, allowsQuery: true) else { return false }
        }
        if i < n && b[i] == UInt8(ascii: "#") {
            i += 1
            guard asciiComponent(b, &i, stopsAtQuery: false, allowsQuery: true, stopsAtFragment: false) else {
                return false
            }
        }
        return i == n
    }

    /// `unreserved / sub-delims / ":" / "@" / "/"`, and `?` where `allowsQuery`, or a `%XX` escape,
    /// up to a stop character (`#`, and `?` where `stopsAtQuery`).
    private static func asciiComponent(
        _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, stopsAtQuery: Bool, allowsQuery: Bool,
        stopsAtFragment: Bool = true
    ) -> Bool {
        let n = b.count
        while i < n {
            let c = b[i]
            if (stopsAtFragment && c == UInt8(ascii: "#")) || (stopsAtQuery && c == UInt8(ascii: "?")) { return true }
            if c == UInt8(ascii: "%") {
                guard i + 2 < n, isHex(b[i + 1]), isHex(b[i + 2]) else { return false }
                i += 3
                continue
            }
            guard
                isAlnum(c) || isUnreservedOrSubDelimiter(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: "@")
                    || c == UInt8(ascii: "/") || (allowsQuery && c == UInt8(ascii: "?"))
            else { return false }
            i += 1
        }
        return true
    }

    /// `-._~` and `!$&'()*+,;=`.
    @inline(__always)
    private static func isUnreservedOrSubDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// ``authority(_:international:)`` on ASCII bytes; `nil` for an IP literal.
    private static func asciiAuthority(_ a: UnsafeBufferPointer<UInt8>) -> Bool? {
        var hostStart = 0
        var at = -1
        for k in 0..<a.count where a[k] == UInt8(ascii: "@") { at = k }
        if at >= 0 {
            for k in 0..<at {
                let c = a[k]
                guard isAlnum(c) || isUnreservedOrSubDelimiter(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: "%")
                else { return false }
            }
            hostStart = at + 1
        }
        if hostStart < a.count && a[hostStart] == UInt8(ascii: "[") { return nil }
        var hostEnd = a.count
        for k in hostStart..<a.count where a[k] == UInt8(ascii: ":") { hostEnd = k }
        if hostEnd < a.count {
            for k in (hostEnd + 1)..<a.count where a[k] &- 48 >= 10 { return false }
        }
        for k in hostStart..<hostEnd {
            let c = a[k]
            guard isAlnum(c) || isUnreservedOrSubDelimiter(c) || c == UInt8(ascii: "%") else { return false }
        }
        return true
    }
}
