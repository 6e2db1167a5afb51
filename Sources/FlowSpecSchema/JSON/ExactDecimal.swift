/// The exact value of a decimal number: sign, significant digits and a power of ten.
///
/// Normalised so that every value has one representation: no leading or trailing zeros in the
/// significand (trailing zeros move into the exponent), and zero is `small(false, 0, 0)`. Equality
/// and hashing are therefore structural. Significands of up to 64 bits live inline (no allocation);
/// longer ones keep their decimal digits.
@usableFromInline
enum ExactDecimal: Sendable, Hashable {
    /// `(-1)^negative × mantissa × 10^exponent`, with `mantissa % 10 != 0` unless it is zero.
    case small(negative: Bool, mantissa: UInt64, exponent: Int)
    /// The same with the significand's decimal digits (values 0...9), most significant first.
    case big(negative: Bool, digits: [UInt8], exponent: Int)
    /// Text that is not a number (only reachable through ``JSONNumber/init(text:)``).
    case invalid

    /// Exponents are clamped to this magnitude, far beyond any value a schema can distinguish
    /// (`1e1000000000000` and `1e999999999999` compare as equal; both are documented as absurd).
    static let exponentLimit = 1 << 52

    static let zero = ExactDecimal.small(negative: false, mantissa: 0, exponent: 0)

    init(_ value: Int) {
        self.init(negative: value < 0, magnitude: value.magnitude.toUInt64, exponent: 0)
    }

    init(negative: Bool, magnitude: UInt64, exponent: Int) {
        guard magnitude != 0 else {
            self = .zero
            return
        }
        var m = magnitude
        var e = exponent
        while m % 10 == 0 {
            m /= 10
            e += 1
        }
        self = .small(negative: negative, mantissa: m, exponent: e)
    }

    /// Parses a number. With `lenient`, YAML's forms are accepted too (`+1`, `.5`, `1.`).
    static func parse(_ b: UnsafeBufferPointer<UInt8>, lenient: Bool = false) -> ExactDecimal? {
        let n = b.count
        var i = 0
        var negative = false
        if i < n && b[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if lenient && i < n && b[i] == UInt8(ascii: "+") {
            i += 1
        }
        let intStart = i
        while i < n && b[i] &- 48 < 10 { i += 1 }
        let intEnd = i
        if intEnd == intStart && !lenient { return nil }
        if !lenient && intEnd - intStart > 1 && b[intStart] == UInt8(ascii: "0") { return nil }
        var fracStart = i
        var fracEnd = i
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            while i < n && b[i] &- 48 < 10 { i += 1 }
            fracEnd = i
            if fracEnd == fracStart && !lenient { return nil }
        }
        if intEnd == intStart && fracEnd == fracStart { return nil }
        var exponent = 0
        if i < n && (b[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            let expStart = i
            while i < n && b[i] &- 48 < 10 {
                if exponent < exponentLimit { exponent = exponent * 10 + Int(b[i] &- 48) }
                i += 1
            }
            if i == expStart { return nil }
            if expNegative { exponent = -exponent }
        }
        if i != n { return nil }
        return make(b, negative: negative, int: intStart..<intEnd, frac: fracStart..<fracEnd, exponent: exponent)
    }

    private static func make(
        _ b: UnsafeBufferPointer<UInt8>, negative: Bool, int: Range<Int>, frac: Range<Int>, exponent: Int
    ) -> ExactDecimal {
        // The significant digits are int ++ frac with leading and trailing zeros removed.
        let total = int.count + frac.count
        func digit(_ k: Int) -> UInt8 {
            k < int.count ? b[int.lowerBound + k] &- 48 : b[frac.lowerBound + k - int.count] &- 48
        }
        var first = 0
        while first < total && digit(first) == 0 { first += 1 }
        if first == total { return .zero }
        var last = total - 1
        while digit(last) == 0 { last -= 1 }
        let trailing = total - 1 - last
        var e = exponent - frac.count + trailing
        e = max(-exponentLimit, min(exponentLimit, e))
        let count = last - first + 1
        if count <= 19 {
            var m: UInt64 = 0
            for k in first...last { m = m &* 10 &+ UInt64(digit(k)) }
            return .small(negative: negative, mantissa: m, exponent: e)
        }
        var digits = [UInt8]()
        digits.reserveCapacity(count)
        for k in first...last { digits.append(digit(k)) }
        if count == 20 {
            var m: UInt64 = 0
            var fits = true
            for d in digits {
                let (p, o1) = m.multipliedReportingOverflow(by: 10)
                let (s, o2) = p.addingReportingOverflow(UInt64(d))
                if o1 || o2 {
                    fits = false
                    break
                }
                m = s
            }
            if fits { return .small(negative: negative, mantissa: m, exponent: e) }
        }
        return .big(negative: negative, digits: digits, exponent: e)
    }

    var isNegative: Bool {
        switch self {
        case .small(let negative, _, _), .big(let negative, _, _): return negative
        case .invalid: return false
        }
    }

    var isZero: Bool {
        if case .small(_, 0, _) = self { return true }
        return false
    }

    var exponent: Int {
        switch self {
        case .small(_, _, let e), .big(_, _, let e): return e
        case .invalid: return 0
        }
    }

    var isInteger: Bool {
        switch self {
        case .small(_, let m, let e): return m == 0 || e >= 0
        case .big(_, _, let e): return e >= 0
        case .invalid: return false
        }
    }

    /// The significand's decimal digits.
    var digits: [UInt8] {
        switch self {
        case .small(_, let m, _):
            if m == 0 { return [] }
            var result = [UInt8]()
            var v = m
            while v > 0 {
                result.append(UInt8(v % 10))
                v /= 10
            }
            return result.reversed()
        case .big(_, let d, _): return d
        case .invalid: return []
        }
    }

    /// The value as an `Int64` when it is an integer in range.
    var int64: Int64? {
        guard case .small(let negative, let m, let e) = self, e >= 0 else { return nil }
        var v = m
        for _ in 0..<e {
            let (p, o) = v.multipliedReportingOverflow(by: 10)
            if o { return nil }
            v = p
        }
        if negative {
            return v <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- v) : nil
        }
        return v <= UInt64(Int64.max) ? Int64(v) : nil
    }

    /// Compares magnitudes: -1, 0 or 1.
    static func compareMagnitude(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if case .small(_, let ma, let ea) = a, case .small(_, let mb, let eb) = b {
            if ma == 0 || mb == 0 { return ma == mb ? 0 : (ma == 0 ? -1 : 1) }
            if ea == eb { return ma == mb ? 0 : (ma < mb ? -1 : 1) }
            // Scale the one with the larger exponent down to the common exponent, if it fits.
            let diff = abs(ea - eb)
            if diff < 20 {
                var scale: UInt64 = 1
                for _ in 0..<diff { scale &*= 10 }
                if ea > eb {
                    let (p, o) = ma.multipliedReportingOverflow(by: scale)
                    if !o { return p == mb ? 0 : (p < mb ? -1 : 1) }
                } else {
                    let (p, o) = mb.multipliedReportingOverflow(by: scale)
                    if !o { return ma == p ? 0 : (ma < p ? -1 : 1) }
                }
            }
        }
        let da = a.digits
        let db = b.digits
        if da.isEmpty || db.isEmpty { return da.isEmpty == db.isEmpty ? 0 : (da.isEmpty ? -1 : 1) }
        // Position of the most significant digit decides first.
        let oa = da.count + a.exponent
        let ob = db.count + b.exponent
        if oa != ob { return oa < ob ? -1 : 1 }
        for k in 0..<max(da.count, db.count) {
            let x = k < da.count ? da[k] : 0
            let y = k < db.count ? db[k] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Compares values: -1, 0 or 1.
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let na = a.isNegative
        let nb = b.isNegative
        if na != nb { return na ? -1 : 1 }
        let m = compareMagnitude(a, b)
        return na ? -m : m
    }

    /// Whether `self` divided by `divisor` is an integer. A zero divisor never divides.
    func isMultiple(of divisor: ExactDecimal) -> Bool {
        if case .invalid = self { return false }
        if case .invalid = divisor { return false }
        if divisor.isZero { return false }
        if isZero { return true }
        let e = exponent
        let eb = divisor.exponent
        // Significands have no trailing zeros, so a = ma·10^e is a multiple of b = mb·10^eb only if
        // e >= eb and ma·10^(e-eb) is a multiple of mb.
        if e < eb { return false }
        let shift = e - eb
        switch divisor {
        case .small(_, let mb, _):
            var r = Self.remainder(of: digits, modulo: mb)
            r = Self.mulMod(r, Self.powMod(10, shift, mb), mb)
            return r == 0
        default:
            // A divisor with more than 19 significant digits: long division on digits. The shift is
            // bounded to keep this finite; larger shifts are not meaningful for API data.
            guard shift <= 100_000 else { return false }
            var dividend = digits
            dividend.append(contentsOf: repeatElement(0, count: shift))
            return Self.bigRemainderIsZero(dividend, divisor.digits)
        }
    }

    private static func remainder(of digits: [UInt8], modulo m: UInt64) -> UInt64 {
        var r: UInt64 = 0
        for d in digits { r = addMod(mulMod(r, 10, m), UInt64(d), m) }
        return r
    }

    private static func addMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let a = a % m
        let b = b % m
        let (s, o) = a.addingReportingOverflow(b)
        if o || s >= m { return s &- m }
        return s
    }

    private static func mulMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((high % m, low)).remainder
    }

    private static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        if m == 1 { return 0 }
        var result: UInt64 = 1
        var b = base % m
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = mulMod(result, b, m) }
            b = mulMod(b, b, m)
            e >>= 1
        }
        return result
    }

    /// Whether `a` (decimal digits) is a multiple of `b` (decimal digits, non-zero).
    private static func bigRemainderIsZero(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var r: [UInt8] = []
        for d in a {
            if !(r.isEmpty && d == 0) { r.append(d) }
            while compareDigits(r, b) >= 0 { r = subtractDigits(r, b) }
        }
        return r.isEmpty
    }

    private static func compareDigits(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    private static func subtractDigits(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow: Int = 0
        var i = a.count - 1
        var j = b.count - 1
        while i >= 0 {
            var v = Int(result[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = 0
            if v < 0 {
                v += 10
                borrow = 1
            }
            result[i] = UInt8(v)
            i -= 1
            j -= 1
        }
        let firstNonZero = result.firstIndex { $0 != 0 } ?? result.count
        return Array(result[firstNonZero...])
    }
}

extension UInt {
    fileprivate var toUInt64: UInt64 { UInt64(self) }
}
