/// URIs and IRIs (RFC 3986, 3987), URI templates (RFC 6570), JSON pointers (RFC 6901 and the relative
/// JSON pointer draft), and base64 (RFC 4648) for OpenAPI's `byte`.
extension Formats {
    static func uri(_ s: String, absolute: Bool, international: Bool) -> Bool {
        let scalars = Array(s.unicodeScalars)
        var i = 0
        let n = scalars.count
        func allowed(_ c: Unicode.Scalar, extra: String) -> Bool {
            if c.isASCII {
                let v = UInt8(c.value)
                return isAlnum(v) || "-._~!$&'()*+,;=".unicodeScalars.contains(c) || extra.unicodeScalars.contains(c)
            }
            guard international else { return false }
            // ucschar and (in queries) iprivate; everything non-ASCII except controls and specials.
            let v = c.value
            return v >= 0xA0 && !(0xD800...0xDFFF).contains(v) && !(0xFDD0...0xFDEF).contains(v)
                && (v & 0xFFFE) != 0xFFFE
        }
        func component(until stops: String, extra: String) -> Bool {
            while i < n && !stops.unicodeScalars.contains(scalars[i]) {
                let c = scalars[i]
                if c == "%" {
                    guard i + 2 < n, scalars[i + 1].isASCII, scalars[i + 2].isASCII,
                        isHex(UInt8(scalars[i + 1].value)), isHex(UInt8(scalars[i + 2].value))
                    else { return false }
                    i += 3
                    continue
                }
                guard allowed(c, extra: extra) else { return false }
                i += 1
            }
            return true
        }
        // Scheme, if there is one: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
        var hasScheme = false
        if let colon = scalars.firstIndex(of: ":"), colon > 0,
            !scalars[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" })
        {
            let scheme = scalars[..<colon]
            guard let first = scheme.first, first.isASCII, (UInt8(first.value) | 0x20) &- 97 < 26 else { return false }
            for c in scheme {
                guard c.isASCII, isAlnum(UInt8(c.value)) || c == "+" || c == "-" || c == "." else { return false }
            }
            hasScheme = true
            i = colon + 1
        }
        if absolute && !hasScheme { return false }
        // Authority.
        if i + 1 < n && scalars[i] == "/" && scalars[i + 1] == "/" {
            i += 2
            let start = i
            while i < n && scalars[i] != "/" && scalars[i] != "?" && scalars[i] != "#" { i += 1 }
            guard authority(Array(scalars[start..<i]), international: international) else { return false }
            i = min(i, n)
        }
        guard component(until: "?#", extra: ":@/") else { return false }
        if i < n && scalars[i] == "?" {
            i += 1
            guard component(until: "#", extra: ":@/?") else { return false }
        }
        if i < n && scalars[i] == "#" {
            i += 1
            guard component(until: "", extra: ":@/?") else { return false }
        }
        return i == n
    }

    static func authority(_ a: [Unicode.Scalar], international: Bool) -> Bool {
        var host = a[...]
        if let at = a.lastIndex(of: "@") {
            for c in a[..<at] {
                guard
                    c.isASCII
                        ? (isAlnum(UInt8(c.value)) || "-._~!$&'()*+,;=:%".unicodeScalars.contains(c)) : international
                else { return false }
            }
            host = a[(at + 1)...]
        }
        if host.first == "[" {
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = String(String.UnicodeScalarView(host[(host.startIndex + 1)..<close]))
            let rest = host[(close + 1)...]
            if !rest.isEmpty {
                guard rest.first == ":", rest.dropFirst().allSatisfy({ $0.isASCII && UInt8($0.value) &- 48 < 10 })
                else { return false }
            }
            if literal.first == "v" || literal.first == "V" {
                let parts = literal.dropFirst().split(separator: ".", maxSplits: 1)
                return parts.count == 2 && parts[0].utf8.allSatisfy(isHex) && !parts[1].isEmpty
            }
            return ipv6(Substring(literal))
        }
        var port: ArraySlice<Unicode.Scalar> = []
        if let colon = host.lastIndex(of: ":") {
            port = host[(colon + 1)...]
            host = host[..<colon]
        }
        guard port.allSatisfy({ $0.isASCII && UInt8($0.value) &- 48 < 10 }) else { return false }
        for c in host {
            guard c.isASCII ? (isAlnum(UInt8(c.value)) || "-._~!$&'()*+,;=%".unicodeScalars.contains(c)) : international
            else { return false }
        }
        return true
    }

    /// RFC 6570 section 2: literals, and expressions `{[op]varspec,...}` with `:max` (1-9999) or `*`.
    static func uriTemplate(_ s: String) -> Bool {
        let b = Array(s.unicodeScalars)
        var i = 0
        func percent() -> Bool {
            guard i + 2 < b.count, b[i + 1].isASCII, b[i + 2].isASCII, isHex(UInt8(b[i + 1].value)),
                isHex(UInt8(b[i + 2].value))
            else { return false }
            i += 3
            return true
        }
        func varchar() -> Bool {
            guard i < b.count else { return false }
            let c = b[i]
            if c == "%" { return percent() }
            guard c.isASCII, isAlnum(UInt8(c.value)) || c == "_" else { return false }
            i += 1
            return true
        }
        func varspec() -> Bool {
            guard varchar() else { return false }
            while i < b.count {
                if b[i] == "." {
                    i += 1
                    guard varchar() else { return false }
                } else if b[i] == "%" || (b[i].isASCII && (isAlnum(UInt8(b[i].value)) || b[i] == "_")) {
                    guard varchar() else { return false }
                } else {
                    break
                }
            }
            if i < b.count && b[i] == "*" {
                i += 1
            } else if i < b.count && b[i] == ":" {
                i += 1
                let start = i
                while i < b.count && b[i].isASCII && UInt8(b[i].value) &- 48 < 10 { i += 1 }
                let count = i - start
                guard count >= 1, count <= 4, b[start] != "0" else { return false }
            }
            return true
        }
        while i < b.count {
            let c = b[i]
            if c == "{" {
                i += 1
                if i < b.count && "+#./;?&".unicodeScalars.contains(b[i]) { i += 1 }
                guard varspec() else { return false }
                while i < b.count && b[i] == "," {
                    i += 1
                    guard varspec() else { return false }
                }
                guard i < b.count && b[i] == "}" else { return false }
                i += 1
            } else if c == "%" {
                guard percent() else { return false }
            } else {
                if c.value <= 0x20 || c.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains(c) { return false }
                i += 1
            }
        }
        return true
    }

    static func jsonPointer(_ s: Substring) -> Bool {
        if s.isEmpty { return true }
        guard s.first == "/" else { return false }
        var tilde = false
        for c in s.utf8 {
            if tilde {
                guard c == UInt8(ascii: "0") || c == UInt8(ascii: "1") else { return false }
                tilde = false
            } else if c == UInt8(ascii: "~") {
                tilde = true
            }
        }
        return !tilde
    }

    static func relativeJSONPointer(_ s: String) -> Bool {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        if digits.count > 1 && digits.first == "0" { return false }
        let rest = s.dropFirst(digits.count)
        return rest == "#" || jsonPointer(rest)
    }

    static func base64(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count % 4 == 0 else { return false }
        for (k, c) in b.enumerated() {
            if c == UInt8(ascii: "=") {
                // Padding only at the end, at most two.
                guard k >= b.count - 2, b[k...].allSatisfy({ $0 == UInt8(ascii: "=") }) else { return false }
                continue
            }
            guard isAlnum(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") else { return false }
        }
        return true
    }
}
