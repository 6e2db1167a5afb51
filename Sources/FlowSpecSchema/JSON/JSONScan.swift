#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// The scans over JSON text that the tape reader (``JSONReader``) and the one-pass check
/// (`StreamingCheck`) share, so that both agree on where a plain string stops and what a small
/// integer is.
enum JSONScan {
    /// The index of the first byte at or after `start` that is `"`, `\`, a control character or
    /// non-ASCII, checked 16 bytes at a time with SSE2 on x86-64, then 8; a string's text up to there
    /// is plain ASCII. Stops early, at most 7 bytes before the end, where the caller's byte loop
    /// takes over.
    @inline(__always) static func plainASCIIEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        guard let base = b.baseAddress else { return i }
        #if arch(x86_64)
            let quote = _mm_set1_epi8(0x22)
            let backslash = _mm_set1_epi8(0x5C)
            let space = _mm_set1_epi8(0x20)
            while i &+ 16 <= b.count {
                let v = _mm_loadu_si128(UnsafeRawPointer(base + i).assumingMemoryBound(to: __m128i.self))
                // A signed `< 0x20` holds for the controls and for every byte >= 0x80 (negative).
                let special = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), _mm_cmplt_epi8(v, space))
                let mask = _mm_movemask_epi8(special)
                if mask != 0 { return i &+ Int(mask.trailingZeroBitCount) }
                i &+= 16
            }
        #endif
        while i &+ 8 <= b.count {
            // Little-endian order puts the first byte in the lowest bits on every platform.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let high = word & 0x8080_8080_8080_8080
            let control = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
            let quote = word ^ 0x2222_2222_2222_2222
            let quoteHit = (quote &- 0x0101_0101_0101_0101) & ~quote & 0x8080_8080_8080_8080
            let slash = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let slashHit = (slash &- 0x0101_0101_0101_0101) & ~slash & 0x8080_8080_8080_8080
            let hits = high | control | quoteHit | slashHit
            // The borrow tricks can flag bytes after a true hit, never before one: the lowest flag
            // is the first byte that stops the scan.
            if hits != 0 { return i &+ (hits.trailingZeroBitCount &>> 3) }
            i &+= 8
        }
        return i
    }

    /// Whether every byte of `b` is ASCII, eight at a time.
    @inline(__always) static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        var i = 0
        var high: UInt64 = 0
        while i &+ 8 <= b.count {
            high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i &+= 8
        }
        while i < b.count {
            high |= UInt64(base[i])
            i &+= 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// What ``number(_:from:)`` found.
    enum Number {
        /// An integer of at most 18 digits with no fraction or exponent: exact in an `Int64`.
        case smallInteger(Int64)
        /// An integer with a leading zero (`007`), which JSON forbids.
        case leadingZero
        /// Anything else (a fraction, an exponent, many digits, `-0`, or no number at all): its
        /// characters end at the returned index, for ``ExactDecimal`` to parse or refuse.
        case other
    }

    /// Reads the number at `start`, returning what it is and the index just past it.
    @inline(__always) static func number(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (Number, end: Int) {
        let n = b.count
        var i = start
        var negative = false
        if i < n && b[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let digitsStart = i
        var value: UInt64 = 0
        while i < n && b[i] &- 48 < 10 {
            value = value &* 10 &+ UInt64(b[i] &- 48)
            i += 1
        }
        let digitCount = i - digitsStart
        let next = i < n ? b[i] : 0
        if digitCount > 0 && digitCount <= 18 && !(negative && value == 0) && next != UInt8(ascii: ".")
            && next | 0x20 != UInt8(ascii: "e")
        {
            if digitCount > 1 && b[digitsStart] == UInt8(ascii: "0") { return (.leadingZero, i) }
            return (.smallInteger(negative ? -Int64(value) : Int64(value)), i)
        }
        while i < n {
            let c = b[i]
            guard
                c &- 48 < 10 || c == UInt8(ascii: ".") || c | 0x20 == UInt8(ascii: "e") || c == UInt8(ascii: "+")
                    || c == UInt8(ascii: "-")
            else { break }
            i += 1
        }
        return (.other, i)
    }
}
