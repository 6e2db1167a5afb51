#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// Eight bytes at a time: "SIMD within a register" tests that let the scanners skip over the long
/// runs of plain string text that make up most of a capture (bodies, header values).
///
/// Each test is exact for "does any byte match" (the borrow trick can only misreport bytes above a
/// real match, which does not change the answer).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always) static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// High bit set in (at least) each byte of `v` that is zero.
    @inline(__always) static func zeroBytes(_ v: UInt64) -> UInt64 {
        (v &- ones) & ~v & highs
    }

    /// The high bit of the first byte of `v` (in memory order) that is `"` or `\`, and maybe of
    /// bytes after it; zero when there is none. Only the lowest set bit is exact: use it to find the
    /// first match with ``firstByte(_:)``.
    @inline(__always) static func quoteOrBackslashMask(_ v: UInt64) -> UInt64 {
        zeroBytes(v ^ (ones &* 0x22)) | zeroBytes(v ^ (ones &* 0x5C))
    }

    /// Like ``quoteOrBackslashMask(_:)`` for every byte a plain string run stops at: `"`, `\\`, a
    /// control character (< 0x20) or not ASCII (>= 0x80).
    @inline(__always) static func stringSpecialMask(_ v: UInt64) -> UInt64 {
        let control = (v &- ones &* 0x20) & ~v & highs
        return quoteOrBackslashMask(v) | control | (v & highs)
    }

    /// The position (0...7) of the first byte a non-zero mask marks.
    @inline(__always) static func firstByte(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount >> 3
    }

    #if arch(x86_64)
        /// One bit per byte of the 16 at `pointer` (bit 0 for the first) that is `"`, `\\`, a control
        /// character or not ASCII; exact, unlike the word tests.
        @inline(__always) static func stringSpecialMask16(_ pointer: UnsafePointer<UInt8>) -> UInt32 {
            let v = _mm_loadu_si128(UnsafeRawPointer(pointer).assumingMemoryBound(to: __m128i.self))
            // A signed `< 0x20` holds for the controls and for every byte >= 0x80 (negative).
            let special = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x22)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x5C))),
                _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)))
            return UInt32(truncatingIfNeeded: _mm_movemask_epi8(special))
        }
    #endif

    /// The offset of the first byte at or after `start` (and before `end`) that is `"`, `\\`, a control
    /// character or not ASCII, or `end` when there is none: the plain run of a JSON string.
    ///
    /// Sixteen bytes per step with SSE2 where the CPU has it (every x86-64 does), eight with the word
    /// tests elsewhere: most of a capture is string text, and this is its inner loop.
    @inline(__always) static func plainRunEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        #if arch(x86_64)
            while i + 16 <= end {
                let mask = stringSpecialMask16(base + i)
                if mask != 0 { return i + mask.trailingZeroBitCount }
                i += 16
            }
        #endif
        while i + 8 <= end {
            let mask = stringSpecialMask(load(base + i))
            if mask != 0 { return i + firstByte(mask) }
            i += 8
        }
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { return i }
            i += 1
        }
        return end
    }
}
