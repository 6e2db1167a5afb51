/// YAML 1.2 core-schema resolution of plain scalars.
///
/// Only `null`/`Null`/`NULL`/`~`/empty, `true`/`false` (three capitalisations), integers and floats
/// are typed. YAML 1.1's `on`, `yes`, `NO`, sexagesimal `1:20` and dates are strings. An integer with a
/// leading zero (`0755`) stays a string too, so that it keeps what was written instead of becoming
/// 755 (or 493, the YAML 1.1 octal reading).
enum CoreSchema {
    static func resolve(_ b: UnsafeBufferPointer<UInt8>) -> YAMLScalarType {
        let n = b.count
        if n == 0 { return .null }
        let c0 = b[0]
        // A quick exit for the common case: text that starts with a letter other than the few that
        // can begin a typed scalar.
        switch c0 {
        case UInt8(ascii: "~"): return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return matches(b, "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(b, "true", "True", "TRUE") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(b, "false", "False", "FALSE") ? .bool : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(b)
        default: return .string
        }
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ options: StaticString...) -> Bool {
        for option in options where option.utf8CodeUnitCount == b.count {
            if option.withUTF8Buffer({ $0.elementsEqual(b) }) { return true }
        }
        return false
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private static func number(_ b: UnsafeBufferPointer<UInt8>) -> YAMLScalarType {
        var i = 0
        let n = b.count
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
        if i == n { return .string }
        // .inf, .nan
        if b[i] == UInt8(ascii: ".") && n - i == 4 {
            let rest = UnsafeBufferPointer(rebasing: b[(i + 1)...])
            if matches(rest, "inf", "Inf", "INF") { return .float }
            if i == 0 && matches(rest, "nan", "NaN", "NAN") { return .float }
        }
        // 0o / 0x (no sign, per the core schema)
        if i == 0 && n > 2 && b[0] == UInt8(ascii: "0") {
            if b[1] == UInt8(ascii: "o") {
                return b[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") } ? .int : .string
            }
            if b[1] == UInt8(ascii: "x") {
                return b[2...].allSatisfy { isDigit($0) || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "f")) }
                    ? .int : .string
            }
        }
        let intStart = i
        while i < n && isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        if i == n {
            if intDigits > 1 && b[intStart] == UInt8(ascii: "0") { return .string }
            return .int
        }
        var fracDigits = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && isDigit(b[i]) {
                i += 1
                fracDigits += 1
            }
        }
        if intDigits == 0 && fracDigits == 0 { return .string }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            let expStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            if i == expStart { return .string }
        }
        return i == n ? .float : .string
    }
}
