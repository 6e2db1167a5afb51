#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// Decoding of JSON string tokens that ``JSONTape`` has already checked.
enum JSONStrings {
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Appends the content of the string token `token` (quotes included, escapes already validated) to
    /// `out`, unescaped. Bytes that are not valid UTF-8 are copied as they are: a body is bytes.
    static func unescape(_ token: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out += unescaped(token)
    }

    /// The content of the string token `token` (quotes included, escapes already validated), unescaped.
    ///
    /// Unescaping never makes text longer (`\uD83D\uDE00` is 12 bytes for 4), so the result is written
    /// straight into an array of the token's size.
    static func unescaped(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: max(token.count - 2, 0)) { out, count in
            count = unescape(token, to: out)
        }
    }

    private static func unescape(_ token: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int
    {
        guard let source = token.baseAddress, let target = out.baseAddress else { return 0 }
        var i = 1
        var o = 0
        let end = token.count - 1
        let backslashes = SWAR.ones &* 0x5C
        while i < end {
            // Copy sixteen (SSE2) or eight bytes at a time up to the next backslash. Writing a whole
            // block is safe: the output is always at least one byte behind the input (the opening
            // quote is not copied), so `o + 16 <= i + 15 < end`, within the output's `count - 2` bytes.
            var found = false
            #if arch(x86_64)
                let backslash16 = _mm_set1_epi8(0x5C)
                while i + 16 <= end {
                    let block = _mm_loadu_si128(UnsafeRawPointer(source + i).assumingMemoryBound(to: __m128i.self))
                    _mm_storeu_si128(UnsafeMutableRawPointer(target + o).assumingMemoryBound(to: __m128i.self), block)
                    let mask = _mm_movemask_epi8(_mm_cmpeq_epi8(block, backslash16))
                    if mask != 0 {
                        let run = Int(mask.trailingZeroBitCount)
                        i += run
                        o += run
                        // JSON written inside JSON (a HAR body) has a `\"` every few bytes: the escapes
                        // that stand for themselves are written here, without leaving the loop.
                        let e = source[i + 1]
                        if e == UInt8(ascii: "\"") || e == UInt8(ascii: "\\") || e == UInt8(ascii: "/") {
                            target[o] = e
                            i += 2
                            o += 1
                            continue
                        }
                        found = true
                        break
                    }
                    i += 16
                    o += 16
                }
            #endif
            while !found && i + 8 <= end {
                let word = SWAR.load(source + i)
                UnsafeMutableRawPointer(target + o).storeBytes(of: word.littleEndian, as: UInt64.self)
                let mask = SWAR.zeroBytes(word ^ backslashes)
                if mask != 0 {
                    let run = SWAR.firstByte(mask)
                    i += run
                    o += run
                    break
                }
                i += 8
                o += 8
            }
            guard i < end else { break }
            let c = source[i]
            if c != UInt8(ascii: "\\") {
                let runStart = i
                i += 1
                while i < end && source[i] != UInt8(ascii: "\\") { i += 1 }
                (target + o).update(from: source + runStart, count: i - runStart)
                o += i - runStart
                continue
            }
            let e = source[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): target[o] = 0x08
            case UInt8(ascii: "f"): target[o] = 0x0C
            case UInt8(ascii: "n"): target[o] = 0x0A
            case UInt8(ascii: "r"): target[o] = 0x0D
            case UInt8(ascii: "t"): target[o] = 0x09
            case UInt8(ascii: "u"):
                var code = hex4(token, at: i)
                i += 4
                if (0xD800...0xDBFF).contains(code), i + 6 <= end, source[i] == UInt8(ascii: "\\"),
                    source[i + 1] == UInt8(ascii: "u")
                {
                    let low = hex4(token, at: i + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                // A lone surrogate cannot be written in UTF-8: keep a replacement character.
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                for byte in UTF8.encode(scalar) ?? UTF8.EncodedScalar() {
                    target[o] = byte
                    o += 1
                }
                continue
            default: target[o] = e  // `"`, `\` and `/` stand for themselves
            }
            o += 1
        }
        return o
    }

    private static func hex4(_ token: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 { value = value << 4 | (hexValue(token[i + k]) ?? 0) }
        return value
    }
}
