/// RFC 3339 dates, times and durations (JSON Schema 2020-12 section 7.3.1).
extension Formats {
    /// Reads `count` ASCII digits at `i` as a number.
    @inline(__always) static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int) -> Int? {
        guard i + count <= b.count else { return nil }
        var v = 0
        for k in i..<(i + count) {
            let d = b[k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    static func date(_ s: String) -> Bool {
        withBytes(s) { b in b.count == 10 && fullDate(b, 0) }
    }

    static func fullDate(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let year = digits(b, i, 4), b.count > i + 4, b[i + 4] == UInt8(ascii: "-"),
            let month = digits(b, i + 5, 2), b.count > i + 7, b[i + 7] == UInt8(ascii: "-"),
            let day = digits(b, i + 8, 2)
        else { return false }
        guard month >= 1 && month <= 12, day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    /// The number of days of `month` (1...12) in `year`, without building a table per call.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func time(_ s: String) -> Bool {
        withBytes(s) { b in fullTime(b, 0) }
    }

    /// `time` on the string's bytes (not inlined, so that ``checkBytes(_:_:)`` stays a bare dispatch).
    @inline(never) static func time(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        fullTime(b, 0)
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)` to the end of `b`; a leap second only at 23:59 UTC.
    static func fullTime(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let hour = digits(b, i, 2), b.count > i + 2, b[i + 2] == UInt8(ascii: ":"),
            let minute = digits(b, i + 3, 2), b.count > i + 5, b[i + 5] == UInt8(ascii: ":"),
            let second = digits(b, i + 6, 2)
        else { return false }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        var k = i + 8
        if k < b.count && b[k] == UInt8(ascii: ".") {
            k += 1
            let start = k
            while k < b.count && b[k] &- 48 < 10 { k += 1 }
            if k == start { return false }
        }
        guard k < b.count else { return false }
        var offsetMinutes = 0
        if b[k] | 0x20 == UInt8(ascii: "z") {
            k += 1
        } else if b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-") {
            let sign = b[k] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = digits(b, k + 1, 2), b.count > k + 3, b[k + 3] == UInt8(ascii: ":"),
                let om = digits(b, k + 4, 2), oh <= 23, om <= 59
            else { return false }
            offsetMinutes = sign * (oh * 60 + om)
            k += 6
        } else {
            return false
        }
        guard k == b.count else { return false }
        if second == 60 {
            var utc = (hour * 60 + minute - offsetMinutes) % 1440
            if utc < 0 { utc += 1440 }
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func dateTime(_ s: String) -> Bool {
        withBytes(s) { b in
            b.count > 11 && fullDate(b, 0) && b[10] | 0x20 == UInt8(ascii: "t") && fullTime(b, 11)
        }
    }

    /// Runs `body` on the string's UTF-8 bytes without copying them (native strings are contiguous).
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// RFC 3339 appendix A: `P` then date elements (Y, M, D in order, no gaps between Y and D),
    /// `T` and time elements (H, M, S, likewise), or weeks alone.
    static func duration(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.first == UInt8(ascii: "P"), b.count > 1 else { return false }
        var i = 1
        func element() -> (UInt8)? {
            let start = i
            while i < b.count && b[i] &- 48 < 10 { i += 1 }
            guard i > start, i < b.count else { return nil }
            let unit = b[i]
            i += 1
            return unit
        }
        // Weeks stand alone.
        if b.last == UInt8(ascii: "W") {
            return element() == UInt8(ascii: "W") && i == b.count
        }
        func sequence(_ units: [UInt8]) -> Bool {
            var seen: [Int] = []
            while i < b.count && b[i] != UInt8(ascii: "T") {
                guard let unit = element(), let position = units.firstIndex(of: unit) else { return false }
                if let last = seen.last, position <= last { return false }
                seen.append(position)
            }
            // No gaps: the elements used must be consecutive (Y D without M is invalid).
            if let first = seen.first, let last = seen.last, last - first + 1 != seen.count { return false }
            return true
        }
        let dateStart = i
        guard sequence(Array("YMD".utf8)) else { return false }
        let hasDate = i > dateStart
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") else { return false }
            i += 1
            let timeStart = i
            guard sequence(Array("HMS".utf8)), i > timeStart, i == b.count else { return false }
            return true
        }
        return hasDate
    }
}

extension Formats {
    /// `date-time` on the string's bytes: the common shape by ``commonDateTime(_:)``, any other by
    /// ``dateTimeGeneral(_:)``. Not inlined, so that ``checkBytes(_:_:)`` stays a bare dispatch.
    @inline(never) static func dateTime(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if let answer = commonDateTime(b) { return answer }
        return dateTimeGeneral(b)
    }

    /// RFC 3339 `date-time` field by field: the reference the fast path is held to.
    static func dateTimeGeneral(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count > 11 && fullDate(b, 0) && b[10] | 0x20 == UInt8(ascii: "t") && fullTime(b, 11)
    }

    /// `date` on the string's bytes (not inlined, like ``dateTime(_:)``).
    @inline(never) static func date(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count == 10 && fullDate(b, 0)
    }

    /// `date-time` for the shape nearly every API sends, `YYYY-MM-DDTHH:MM:SS[.frac]Z`, checked a
    /// word at a time; `nil` for any other shape (an offset, a lowercase `z` with no fraction...),
    /// which ``dateTimeGeneral(_:)`` then decides. Where it answers, it answers what that does: the
    /// same digits, separators, ranges, month lengths and leap-second rule.
    @inline(__always) static func commonDateTime(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let count = b.count
        guard count >= 20, let base = b.baseAddress else { return nil }
        @inline(__always) func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        }
        let zeros: UInt64 = 0x3030_3030_3030_3030
        // Bytes 0...7 are `DDDD-DD-`, 8...15 `DDTDD:DD` (the `T` in either case), 11...18 `DD:DD:DD`.
        // A byte is a digit when it XOR `0` is below 10: adding 0x76 then leaves its high bit clear.
        // A lane that is not a digit keeps its flag whatever carries out of the lane below, and a
        // carry only comes out of a lane that is flagged already, so no bad byte goes unnoticed.
        // Each check leaves nonzero bits when it fails; they are OR-ed and tested once.
        @inline(__always) func notDigits(_ w: UInt64, _ lanes: UInt64) -> UInt64 {
            let x = w ^ zeros
            return (x | (x &+ 0x7676_7676_7676_7676)) & lanes
        }
        let w0 = word(0)
        let w1 = word(8)
        let w2 = word(11)
        let shape =
            notDigits(w0, 0x0080_8000_8080_8080) | (w0 & 0xFF00_00FF_0000_0000 ^ 0x2D00_002D_0000_0000)
            | notDigits(w1, 0x8080_0080_8000_8080) | (w1 & 0xDF_0000 ^ UInt64(UInt8(ascii: "T")) << 16)
            | notDigits(w2, 0x8080_0080_8000_8080) | (w2 & 0x0000_FF00_00FF_0000 ^ 0x0000_3A00_003A_0000)
        guard shape == 0 else { return nil }
        // What follows the seconds: `Z` alone (20 bytes), milliseconds `.DDDZ` (24 bytes, one word
        // from byte 16: `:SS.DDDZ`, of which the `:` and the seconds are checked already), or a
        // fraction of any other length, read a byte at a time.
        if count == 20 {
            guard base[19] == UInt8(ascii: "Z") else { return nil }
        } else if count == 24 {
            let w3 = word(16)
            guard notDigits(w3, 0x0080_8080_0000_0000) | (w3 & 0xFF00_0000_FF00_0000 ^ 0x5A00_0000_2E00_0000) == 0
            else { return nil }
        } else {
            guard base[19] == UInt8(ascii: ".") else { return nil }
            var k = 20
            while k < count && base[k] &- 48 < 10 { k += 1 }
            guard k > 20, k == count - 1, base[k] == UInt8(ascii: "Z") else { return nil }
        }
        // The numbers, two digits per lane: with the separators masked out every lane holds 0...9,
        // so ten times a lane plus the lane above stays below 100 and carries into no other lane.
        let x0 = (w0 ^ zeros) & 0x00FF_FF00_FFFF_FFFF
        let x1 = (w1 ^ zeros) & 0xFFFF_00FF_FF00_FFFF
        let p0 = x0 &* 10 &+ (x0 >> 8)
        let p1 = x1 &* 10 &+ (x1 >> 8)
        let s2 = (w2 ^ zeros) >> 48
        let month = Int(truncatingIfNeeded: (p0 >> 40) & 0xFF)
        let day = Int(truncatingIfNeeded: p1 & 0xFF)
        let hour = Int(truncatingIfNeeded: (p1 >> 24) & 0xFF)
        let minute = Int(truncatingIfNeeded: (p1 >> 48) & 0xFF)
        let second = Int(truncatingIfNeeded: (s2 & 0xFF) &* 10 &+ (s2 >> 8))
        guard UInt(bitPattern: month &- 1) < 12, day >= 1, hour <= 23, minute <= 59, second <= 60 else { return false }
        // Every month has 28 days; only a later day needs the month's length (and February's year).
        if day > 28 {
            let year = Int(truncatingIfNeeded: (p0 & 0xFF) &* 100 &+ ((p0 >> 16) & 0xFF))
            guard day <= daysIn(month: month, year: year) else { return false }
        }
        // A leap second only at 23:59 UTC (the offset is zero here).
        return second < 60 || hour * 60 + minute == 23 * 60 + 59
    }
}
