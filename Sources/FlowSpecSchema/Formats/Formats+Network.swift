/// Host names, e-mail addresses and IP addresses (RFC 1123, 5321, 2673, 4291).
extension Formats {
    static func uuid(_ s: String) -> Bool {
        withBytes(s) { uuid($0) }
    }

    /// RFC 4122's textual form: 36 bytes, dashes at 8, 13, 18 and 23, hexadecimal digits (either
    /// case) elsewhere. The validator's parameter fast path checks uuid values with it too.
    package static func uuid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 36 else { return false }
        // A buffer of 36 bytes has a base address.
        let base = b.baseAddress.unsafelyUnwrapped
        guard base[8] == UInt8(ascii: "-"), base[13] == UInt8(ascii: "-"), base[18] == UInt8(ascii: "-"),
            base[23] == UInt8(ascii: "-")
        else { return false }
        // Bytes 0...31 as two pairs of words (the pairs are checked side by side in vector
        // registers) and 32...35 as one more word padded with `0`s. The dashes (checked above) are
        // turned into `0` so that every byte must be a hex digit; the verdicts are OR-ed and tested
        // once, with no branch per word.
        let raw = UnsafeRawPointer(base)
        @inline(__always) func words(_ offset: Int) -> SIMD2<UInt64> {
            let w = raw.loadUnaligned(fromByteOffset: offset, as: SIMD2<UInt64>.self)
            return SIMD2(UInt64(littleEndian: w[0]), UInt64(littleEndian: w[1]))
        }
        let dash: UInt64 = 0x2D ^ 0x30
        let low = words(0) ^ SIMD2(0, dash | dash << 40)
        let high = words(16) ^ SIMD2(dash << 16 | dash << 56, 0)
        let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 32, as: UInt32.self)))
        let bad = notHexLanes(low) | notHexLanes(high)
        return bad[0] | bad[1] | notHexLanes(last | 0x3030_3030_0000_0000) == 0
    }

    /// Zero exactly when all eight bytes of `w` are ASCII hex digits, without a branch.
    @inline(__always) static func notHexLanes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // With every byte below 0x80, adding (0x80 - lo) sets a byte's high bit exactly when the
        // byte is at least `lo`, and adding (0x7F - hi) exactly when it is above `hi`; no carry
        // crosses into the next byte. A byte of 0x80 or more is flagged by `w` itself (whatever
        // the carries then did to the other lanes, the result is not zero).
        let digit = (w &+ 0x50 &* ones) & ~(w &+ 0x46 &* ones)
        let lower = w | 0x20 &* ones
        let letter = (lower &+ 0x1F &* ones) & ~(lower &+ 0x19 &* ones)
        return (w | ~(digit | letter)) & high
    }

    /// ``notHexLanes(_:)`` on two words at once.
    @inline(__always) static func notHexLanes(_ w: SIMD2<UInt64>) -> SIMD2<UInt64> {
        let ones = SIMD2<UInt64>(repeating: 0x0101_0101_0101_0101)
        let high = SIMD2<UInt64>(repeating: 0x8080_8080_8080_8080)
        let digit = (w &+ 0x50 &* ones) & ~(w &+ 0x46 &* ones)
        let lower = w | 0x20 &* ones
        let letter = (lower &+ 0x1F &* ones) & ~(lower &+ 0x19 &* ones)
        return (w | ~(digit | letter)) & high
    }

    /// The byte-by-byte form of ``uuid(_:)``, kept for the tests that hold the two to agree.
    static func uuidByBytes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 36 else { return false }
        for k in 0..<36 {
            let c = b[k]
            if k == 8 || k == 13 || k == 18 || k == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if !isHex(c) {
                return false
            }
        }
        return true
    }

    static func isHex(_ c: UInt8) -> Bool {
        c &- 48 < 10 || (c | 0x20) &- 97 < 6
    }

    /// RFC 5322 `atext` symbols: ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtextSymbol(_ c: UInt8) -> Bool {
        switch c {
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F, 0x5E...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        c &- 48 < 10 || (c | 0x20) &- 97 < 26
    }

    static func ipv4(_ s: Substring) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            let b = Array(part.utf8)
            guard !b.isEmpty, b.count <= 3, b.allSatisfy({ $0 &- 48 < 10 }) else { return false }
            if b.count > 1 && b[0] == UInt8(ascii: "0") { return false }
            guard let v = Int(part), v <= 255 else { return false }
        }
        return true
    }

    static func ipv6(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.utf8.allSatisfy({ isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
        else { return false }
        var text = s
        var groupsNeeded = 8
        // An embedded IPv4 address takes the last two groups.
        if text.contains(".") {
            guard let colon = text.lastIndex(of: ":") else { return false }
            guard ipv4(text[text.index(after: colon)...]) else { return false }
            text = text[...colon]
            if text.hasSuffix("::") {
                // fine: `::1.2.3.4`
            } else {
                text = text.dropLast()
            }
            groupsNeeded = 6
        }
        let compressed = splitOnDoubleColon(String(text))
        guard compressed.count <= 2 else { return false }
        func groups(_ part: String) -> Int? {
            if part.isEmpty { return 0 }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for piece in pieces where piece.isEmpty || piece.count > 4 { return nil }
            return pieces.count
        }
        if compressed.count == 2 {
            guard let a = groups(compressed[0]), let b = groups(compressed[1]) else { return false }
            return a + b < groupsNeeded
        }
        guard let n = groups(compressed[0]) else { return false }
        return n == groupsNeeded
    }

    /// Splits at each `::`.
    static func splitOnDoubleColon(_ s: String) -> [String] {
        let b = Array(s.utf8)
        var parts: [String] = []
        var start = 0
        var k = 0
        while k + 1 < b.count {
            if b[k] == UInt8(ascii: ":") && b[k + 1] == UInt8(ascii: ":") {
                parts.append(String(decoding: b[start..<k], as: UTF8.self))
                k += 2
                start = k
            } else {
                k += 1
            }
        }
        parts.append(String(decoding: b[min(start, b.count)...], as: UTF8.self))
        return parts
    }

    static func hostname(_ s: String) -> Bool {
        withBytes(s) { b in hostname(b) }
    }

    /// RFC 1123 host names: dot-separated labels of 1-63 letters, digits and inner hyphens, at most
    /// 253 bytes; a label with `--` in positions 3-4 must be a valid A-label.
    @inline(never) static func hostname(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        commonHostname(b) ?? hostnameReference(b)
    }

    /// ``hostname(_:)`` with one byte-class lookup per byte; `nil` when a label has the A-label
    /// shape (`??--`), which only ``hostnameReference(_:)`` (Punycode) decides. Where it answers,
    /// it answers what that does: the checks are the same, made as each label ends.
    static func commonHostname(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let count = b.count
        guard count >= 1, count <= 253, let base = b.baseAddress else { return false }
        let hyphen = UInt8(ascii: "-")
        var start = 0
        var i = 0
        while true {
            // The label runs to the first byte that is neither a letter, a digit nor `-`.
            while i < count && asciiClass[Int(base[i])] & labelClass != 0 { i &+= 1 }
            let length = i - start
            guard length > 0, length <= 63, base[start] != hyphen, base[i - 1] != hyphen else { return false }
            if length >= 4 && base[start + 2] == hyphen && base[start + 3] == hyphen { return nil }
            if i == count { return true }
            guard base[i] == UInt8(ascii: ".") else { return false }
            i &+= 1
            start = i
        }
    }

    /// The label-by-label form of ``hostname(_:)``: the reference ``commonHostname(_:)`` is held
    /// to, and the one that decodes A-labels.
    static func hostnameReference(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty, b.count <= 253 else { return false }
        var start = 0
        while start <= b.count {
            var end = start
            while end < b.count && b[end] != UInt8(ascii: ".") { end += 1 }
            let count = end - start
            guard count > 0, count <= 63, b[start] != UInt8(ascii: "-"), b[end - 1] != UInt8(ascii: "-") else {
                return false
            }
            for k in start..<end where !(isAlnum(b[k]) || b[k] == UInt8(ascii: "-")) { return false }
            if count >= 4 && b[start + 2] == UInt8(ascii: "-") && b[start + 3] == UInt8(ascii: "-") {
                // `??--` is reserved for A-labels (`xn--`), which must decode as Punycode.
                guard b[start] | 0x20 == UInt8(ascii: "x"), b[start + 1] | 0x20 == UInt8(ascii: "n") else {
                    return false
                }
                let encoded = (start + 4..<end).map { b[$0] | (b[$0] &- 65 < 26 ? 0x20 : 0) }
                guard let decoded = Punycode.decode(encoded), IDNA.isValidLabel(decoded),
                    Punycode.encode(decoded) == encoded
                else { return false }
            }
            start = end + 1
        }
        return true
    }

    static func idnHostname(_ s: String) -> Bool {
        guard !s.isEmpty else { return false }
        var labels: [String] = []
        var current = ""
        for scalar in s.unicodeScalars {
            if scalar == "." || scalar == "\u{3002}" || scalar == "\u{FF0E}" || scalar == "\u{FF61}" {
                labels.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        labels.append(current)
        var total = 0
        for label in labels {
            guard !label.isEmpty else { return false }
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                guard hostname(label) else { return false }
                total += label.utf8.count + 1
                continue
            }
            let scalars = Array(label.unicodeScalars)
            guard IDNA.isValidLabel(scalars), let encoded = Punycode.encode(scalars) else { return false }
            guard encoded.count + 4 <= 63 else { return false }
            total += encoded.count + 5
        }
        return total - 1 <= 253
    }

    static func email(_ s: String, international: Bool) -> Bool {
        withBytes(s) { email($0, international: international) }
    }

    /// RFC 5321 `Mailbox`: a dot-atom or quoted local part, `@`, and a host name or address literal.
    @inline(never) static func email(_ b: UnsafeBufferPointer<UInt8>, international: Bool) -> Bool {
        if !international, let answer = commonEmail(b) { return answer }
        return emailReference(b, international: international)
    }

    /// `email` (not `idn-email`) for an ASCII dot-atom, `@` and a host name, one byte-class lookup
    /// per byte and no `String`; `nil` for a quoted local part, an address literal or an A-label,
    /// which ``emailReference(_:international:)`` decides. Where it answers, it answers what that
    /// does. It splits at the first `@` where the reference splits at the last; they differ only
    /// when there are two, and then both say no: the reference finds an `@` in its dot-atom, this
    /// one in its host name.
    @inline(__always) static func commonEmail(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let count = b.count
        guard let base = b.baseAddress else { return false }
        // The dot-atom: atext runs separated by single dots, up to the first `@`.
        var i = 0
        var atomStart = 0
        while true {
            guard i < count else { return false }
            let c = base[i]
            if asciiClass[Int(c)] & atextClass != 0 {
                i &+= 1
            } else if c == UInt8(ascii: ".") {
                guard i > atomStart else { return false }
                i &+= 1
                atomStart = i
            } else if c == UInt8(ascii: "@") {
                break
            } else {
                return i == 0 && c == UInt8(ascii: "\"") ? nil : false
            }
        }
        guard i > atomStart, i <= 64, i + 1 < count else { return false }
        if base[i + 1] == UInt8(ascii: "[") { return nil }
        return commonHostname(UnsafeBufferPointer(start: base + i + 1, count: count - i - 1))
    }

    /// The byte-by-byte form of ``email(_:international:)``: the reference ``commonEmail(_:)`` is
    /// held to, and the one for quoted local parts, address literals and `idn-email`.
    static func emailReference(_ b: UnsafeBufferPointer<UInt8>, international: Bool) -> Bool {
        var at = b.count - 1
        while at >= 0 && b[at] != UInt8(ascii: "@") { at -= 1 }
        guard at > 0, at < b.count - 1, at <= 64 else { return false }
        let local = UnsafeBufferPointer(rebasing: b[0..<at])
        let domain = UnsafeBufferPointer(rebasing: b[(at + 1)...])
        if local[0] == UInt8(ascii: "\"") {
            guard local.count >= 2, local[local.count - 1] == UInt8(ascii: "\"") else { return false }
            var escaped = false
            for c in local[1..<(local.count - 1)] {
                if escaped {
                    escaped = false
                } else if c == UInt8(ascii: "\\") {
                    escaped = true
                } else if c == UInt8(ascii: "\"") || c < 0x20 || c == 0x7F || (!international && c >= 0x80) {
                    return false
                }
            }
            if escaped { return false }
        } else {
            // dot-atom: atext runs separated by single dots.
            var previousDot = true
            for c in local {
                if c == UInt8(ascii: ".") {
                    if previousDot { return false }
                    previousDot = true
                    continue
                }
                previousDot = false
                guard isAlnum(c) || isAtextSymbol(c) || (international && c >= 0x80) else { return false }
            }
            if previousDot { return false }
        }
        if domain[0] == UInt8(ascii: "[") {
            guard domain[domain.count - 1] == UInt8(ascii: "]") else { return false }
            let literal = String(decoding: domain[1..<(domain.count - 1)], as: UTF8.self)
            if literal.hasPrefix("IPv6:") { return ipv6(literal.dropFirst(5)) }
            return ipv4(Substring(literal))
        }
        if international && domain.contains(where: { $0 >= 0x80 }) {
            return idnHostname(String(decoding: domain, as: UTF8.self))
        }
        return hostnameReference(domain)
    }
}
