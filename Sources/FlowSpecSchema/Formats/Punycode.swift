/// RFC 3492 Punycode, for the A-labels (`xn--`) of host names.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c) - 22
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c) - 97
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c) - 65
        default: return nil
        }
    }

    /// Decodes the part after `xn--`; `nil` if it is not valid Punycode.
    static func decode(_ input: [UInt8]) -> [Unicode.Scalar]? {
        var output: [Unicode.Scalar] = []
        var rest = input[...]
        if let dash = input.lastIndex(of: UInt8(ascii: "-")) {
            for c in input[..<dash] {
                guard c < 0x80 else { return nil }
                output.append(Unicode.Scalar(c))
            }
            rest = input[(dash + 1)...]
        }
        var n = 128
        var i = 0
        var bias = 72
        var index = rest.startIndex
        guard !rest.isEmpty || !output.isEmpty else { return nil }
        while index < rest.endIndex {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard index < rest.endIndex, let digit = digitValue(rest[index]) else { return nil }
                index += 1
                let (product, overflow) = digit.multipliedReportingOverflow(by: w)
                guard !overflow, i <= Int(Int32.max) - product else { return nil }
                i += product
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                w *= base - t
                guard w < Int(Int32.max) else { return nil }
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    /// Encodes a label's scalars (without the `xn--` prefix).
    static func encode(_ input: [Unicode.Scalar]) -> [UInt8]? {
        var output: [UInt8] = input.filter(\.isASCII).map { UInt8($0.value) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = 128
        var delta = 0
        var bias = 72
        while handled < input.count {
            guard let m = input.map({ Int($0.value) }).filter({ $0 >= n }).min() else { return nil }
            delta += (m - n) * (handled + 1)
            n = m
            for scalar in input {
                let c = Int(scalar.value)
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func digit(_ d: Int) -> UInt8 { d < 26 ? UInt8(d + 97) : UInt8(d + 22) }
}

/// The IDNA2008 rules (RFC 5891, 5892) a decoded label must follow, approximated with the Unicode
/// properties the standard library exposes: no leading mark, only letters, marks, digits and
/// hyphens, and the CONTEXTO/CONTEXTJ rules for the characters that have them.
enum IDNA {
    static func isValidLabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first else { return false }
        switch first.properties.generalCategory {
        case .spacingMark, .nonspacingMark, .enclosingMark: return false
        default: break
        }
        if label.count >= 4 && label[2] == "-" && label[3] == "-" { return false }
        if label.first == "-" || label.last == "-" { return false }
        let hasArabicIndic = label.contains { (0x660...0x669).contains($0.value) }
        let hasExtendedArabicIndic = label.contains { (0x6F0...0x6F9).contains($0.value) }
        if hasArabicIndic && hasExtendedArabicIndic { return false }
        for (k, scalar) in label.enumerated() {
            let v = scalar.value
            let previous = k > 0 ? label[k - 1] : nil
            let next = k + 1 < label.count ? label[k + 1] : nil
            switch v {
            case 0xDF, 0x3C2, 0x6FD, 0x6FE, 0xF0B, 0x3007:
                continue  // PVALID exceptions
            case 0x640, 0x7FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B:
                return false  // DISALLOWED exceptions
            case 0xB7:
                guard previous == "l", next == "l" else { return false }
                continue
            case 0x375:
                guard let next, isGreek(next) else { return false }
                continue
            case 0x5F3, 0x5F4:
                guard let previous, (0x590...0x5FF).contains(previous.value) else { return false }
                continue
            case 0x30FB:
                guard label.contains(where: { $0.value != 0x30FB && isJapanese($0) }) else { return false }
                continue
            case 0x200D:
                guard let previous, previous.properties.canonicalCombiningClass.rawValue == 9 else { return false }
                continue
            case 0x200C:
                if let previous, previous.properties.canonicalCombiningClass.rawValue == 9 { continue }
                // The joining-type rule needs data the standard library lacks: accept within Arabic text.
                guard label.contains(where: { (0x620...0x6FF).contains($0.value) }) else { return false }
                continue
            case 0x2D:
                continue
            default:
                break
            }
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber:
                if scalar.properties.changesWhenNFKCCaseFolded { return false }
            default:
                return false
            }
        }
        return true
    }

    static func isGreek(_ s: Unicode.Scalar) -> Bool {
        (0x370...0x3FF).contains(s.value) || (0x1F00...0x1FFF).contains(s.value)
    }

    static func isJapanese(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3040...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v) || (0xF900...0xFAFF).contains(v)
    }
}
