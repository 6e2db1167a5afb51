internal import FlowSpecYAML

/// The recursive-descent engine behind ``JSONParser``.
struct JSONReader {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let options: JSONParser.Options
    var i = 0
    var depth = 0
    var scratch: [UInt8] = []
    /// The output.
    var tape = JSONTape()
    /// A key of an object being parsed: its tape index, and a fingerprint of its bytes so that most
    /// comparisons are one integer compare.
    struct Key {
        var ref: Int
        var print: UInt64
    }

    /// The keys of the objects being parsed, shared by all levels.
    var keyStack: [Key] = []
    var stack: StackGuard? = nil

    init(_ buffer: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
        self.b = buffer
        self.n = buffer.count
        self.options = options
    }

    func error(_ code: JSONParseError.Code, _ message: String, at offset: Int) -> JSONParseError {
        let offset = min(offset, n)
        var line = 1
        var column = 1
        var k = 0
        while k < offset {
            if b[k] == 0x0A {
                line += 1
                column = 1
            } else if b[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return JSONParseError(code: code, message: message, offset: offset, line: line, column: column)
    }

    func unexpected(_ expected: String) -> JSONParseError {
        guard i < n else { return error(.unexpectedEnd, "the input ends where \(expected) was expected", at: n) }
        return error(.syntax, "expected \(expected), found \(describe(b[i]))", at: i)
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "`\(Character(Unicode.Scalar(byte)))`" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func document() throws(JSONParseError) -> JSONTape {
        tape.input = b
        // A UTF-8 byte order mark is allowed and ignored (RFC 8259 section 8.1).
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        tape.words.reserveCapacity(min(n / 4, 1 << 20) + 8)
        // Room for the keys of a few levels of ordinary objects, so they never regrow while parsing.
        keyStack.reserveCapacity(32)
        skipWhitespace()
        guard i < n else { throw error(.unexpectedEnd, "the input holds no JSON value", at: i) }
        try parseValue()
        skipWhitespace()
        if i < n { throw error(.syntax, "unexpected \(describe(b[i])) after the JSON value", at: i) }
        return tape
    }

    @inline(__always) mutating func skipWhitespace() {
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                i += 1
            } else {
                return
            }
        }
    }

    mutating func parseValue() throws(JSONParseError) {
        guard i < n else { throw unexpected("a value") }
        switch b[i] {
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "t"):
            try literal("true")
            tape.appendScalar(.true)
        case UInt8(ascii: "f"):
            try literal("false")
            tape.appendScalar(.false)
        case UInt8(ascii: "n"):
            try literal("null")
            tape.appendScalar(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber()
        default:
            throw unexpected("a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { w in
            i + count <= n && (0..<count).allSatisfy { b[i + $0] == w[$0] }
        }
        guard matches else { throw error(.syntax, "expected `\(word)`", at: i) }
        i += count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > options.maxDepth {
            throw error(.depthExceeded, "nesting is deeper than the budget of \(options.maxDepth) levels", at: i)
        }
        if depth > StackGuard.deepThreshold && stackExhausted() {
            throw error(
                .depthExceeded,
                "nesting of \(depth) levels is too deep for this thread's stack (\(options.maxDepth) allowed)", at: i)
        }
    }

    mutating func stackExhausted() -> Bool {
        if stack == nil { stack = StackGuard() }
        return stack?.isExhausted() ?? false
    }

    mutating func parseArray() throws(JSONParseError) {
        try enter()
        let r = tape.open(.array, at: i)
        i += 1
        var count = 0
        skipWhitespace()
        if i < n && b[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            tape.close(r, count: 0)
            return
        }
        while true {
            skipWhitespace()
            try parseValue()
            count += 1
            skipWhitespace()
            guard i < n else { throw unexpected("`,` or `]`") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if b[i] == UInt8(ascii: "]") {
                i += 1
                break
            }
            throw unexpected("`,` or `]`")
        }
        depth -= 1
        tape.close(r, count: count)
    }

    mutating func parseObject() throws(JSONParseError) {
        try enter()
        let r = tape.open(.object, at: i)
        i += 1
        let base = keyStack.count
        var seen: Set<[UInt8]>? = nil
        skipWhitespace()
        if i < n && b[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            tape.close(r, count: 0)
            return
        }
        while true {
            skipWhitespace()
            guard i < n, b[i] == UInt8(ascii: "\"") else { throw unexpected("a member name in double quotes") }
            let keyOffset = i
            let keyRef = tape.words.count
            try parseString()
            let count = keyStack.count - base
            var duplicate = false
            let print = fingerprint(keyRef)
            if count < 12 {
                var k = base
                while k < keyStack.count {
                    if keyStack[k].print == print && sameString(keyStack[k].ref, keyRef) {
                        duplicate = true
                        break
                    }
                    k += 1
                }
                if !duplicate && count == 11 {
                    seen = Set(keyStack[base...].map { tape.withString($0.ref) { Array($0) } })
                    seen?.insert(tape.withString(keyRef) { Array($0) })
                }
            } else if seen?.insert(tape.withString(keyRef) { Array($0) }).inserted == false {
                duplicate = true
            }
            if duplicate && !options.allowDuplicateKeys {
                let key = tape.string(keyRef)
                throw error(.duplicateKey, "the member name `\(key)` appears twice in one object", at: keyOffset)
            }
            skipWhitespace()
            guard i < n, b[i] == UInt8(ascii: ":") else { throw unexpected("`:` after the member name") }
            i += 1
            skipWhitespace()
            try parseValue()
            if duplicate {
                // Keep the first occurrence: drop this member's key and value from the tape.
                tape.words.removeSubrange(keyRef...)
            } else {
                keyStack.append(Key(ref: keyRef, print: print))
            }
            skipWhitespace()
            guard i < n else { throw unexpected("`,` or `}`") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if b[i] == UInt8(ascii: "}") {
                i += 1
                break
            }
            throw unexpected("`,` or `}`")
        }
        depth -= 1
        tape.close(r, count: keyStack.count - base)
        // One by one: `removeLast(_:)` goes through the generic `replaceSubrange`, which costs more
        // than the few keys of an ordinary object.
        while keyStack.count > base { keyStack.removeLast() }
    }

    /// Length and up to 16 bytes of a key, mixed: equal keys have equal fingerprints.
    @inline(__always)
    func fingerprint(_ r: Int) -> UInt64 {
        tape.withString(r) { s in
            var value = UInt64(s.count) &* 0x9E37_79B9_7F4A_7C15
            guard let base = s.baseAddress else { return value }
            if s.count >= 8 {
                value ^= UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
                value = (value &<< 17) | (value &>> 47)
                value ^= UnsafeRawPointer(base + s.count - 8).loadUnaligned(as: UInt64.self)
            } else {
                for k in 0..<s.count { value = (value &<< 8) ^ UInt64(s[k]) }
            }
            return value
        }
    }

    /// Whether two strings on the tape have the same bytes.
    func sameString(_ x: Int, _ y: Int) -> Bool {
        let count = tape.stringCount(x)
        guard count == tape.stringCount(y) else { return false }
        return tape.withString(x) { a in
            tape.withString(y) { c in
                var k = 0
                while k < count {
                    if a[k] != c[k] { return false }
                    k += 1
                }
                return true
            }
        }
    }

    mutating func parseNumber() throws(JSONParseError) {
        let start = i
        let (kind, end) = JSONScan.number(b, from: start)
        i = end
        switch kind {
        case .smallInteger(let value):
            tape.appendScalar(.int, payload: UInt64(bitPattern: value))
            return
        case .leadingZero:
            throw error(.invalidNumber, "a number must not have leading zeros", at: start)
        case .other:
            break
        }
        let slice = UnsafeBufferPointer(rebasing: b[start..<i])
        guard let exact = ExactDecimal.parse(slice) else {
            throw error(
                .invalidNumber, "`\(String(decoding: slice, as: UTF8.self))` is not a JSON number", at: start)
        }
        let number = JSONNumber(text: String(decoding: slice, as: Unicode.ASCII.self), value: exact)
        tape.numbers.append(number)
        tape.appendScalar(.number, payload: UInt64(tape.numbers.count - 1))
    }

    /// Parses a string starting at its opening quote; leaves `i` after the closing quote.
    mutating func parseString() throws(JSONParseError) {
        let start = i + 1
        // Plain ASCII up to the first byte that needs a look, 8 bytes at a time.
        i = JSONScan.plainASCIIEnd(b, from: start)
        var ascii = true
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                tape.appendInputString(offset: start, count: i - start, ascii: ascii)
                i += 1
                return
            }
            if c == UInt8(ascii: "\\") { return try parseEscapedString(from: start, ascii: ascii) }
            if c < 0x20 {
                throw error(.syntax, "a control character (\(describe(c))) must be escaped in a string", at: i)
            }
            if c >= 0x80 {
                ascii = false
                try skipUTF8Sequence()
            } else {
                i += 1
            }
        }
        throw error(.unexpectedEnd, "the string that starts here is not closed", at: start - 1)
    }

    /// Validates one multi-byte UTF-8 sequence at `i` and steps past it.
    @inline(__always) mutating func skipUTF8Sequence() throws(JSONParseError) {
        let c = b[i]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upper = 0x8F
        default:
            throw error(
                .invalidUTF8, "invalid UTF-8: byte 0x\(String(c, radix: 16, uppercase: true)) cannot start a character",
                at: i)
        }
        guard i + length <= n else {
            throw error(.invalidUTF8, "invalid UTF-8: the input ends inside a character", at: i)
        }
        let second = b[i + 1]
        guard second >= lower && second <= upper else {
            throw error(.invalidUTF8, "invalid UTF-8: a character's continuation byte is wrong", at: i + 1)
        }
        var k = 2
        while k < length {
            guard b[i + k] & 0xC0 == 0x80 else {
                throw error(.invalidUTF8, "invalid UTF-8: a character's continuation byte is wrong", at: i + k)
            }
            k += 1
        }
        i += length
    }

    mutating func parseEscapedString(from start: Int, ascii: Bool) throws(JSONParseError) {
        var ascii = ascii
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                scratch.withUnsafeBufferPointer { tape.appendString($0, ascii: ascii) }
                return
            }
            if c < 0x20 {
                throw error(.syntax, "a control character (\(describe(c))) must be escaped in a string", at: i)
            }
            if c >= 0x80 {
                ascii = false
                let from = i
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<i]))
                continue
            }
            if c != UInt8(ascii: "\\") {
                scratch.append(c)
                i += 1
                continue
            }
            let escapeStart = i
            i += 1
            guard i < n else { break }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4(at: escapeStart)
                if code >= 0xD800 && code < 0xDC00 {
                    guard i + 6 <= n, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                        throw error(
                            .invalidEscape, "`\\u\(hex(code))` is a lone UTF-16 surrogate, not a character",
                            at: escapeStart)
                    }
                    i += 2
                    let low = try hex4(at: i - 2)
                    guard low >= 0xDC00 && low < 0xE000 else {
                        throw error(
                            .invalidEscape, "`\\u\(hex(code))` is a lone UTF-16 surrogate, not a character",
                            at: escapeStart)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00 && code < 0xE000 {
                    throw error(
                        .invalidEscape, "`\\u\(hex(code))` is a lone UTF-16 surrogate, not a character", at: escapeStart
                    )
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw error(.invalidEscape, "`\\u\(hex(code))` is not a character", at: escapeStart)
                }
                if !scalar.isASCII { ascii = false }
                scratch.append(contentsOf: UTF8.encode(scalar) ?? [])
            default:
                throw error(.invalidEscape, "`\\\(Character(Unicode.Scalar(e)))` is not a JSON escape", at: escapeStart)
            }
        }
        throw error(.unexpectedEnd, "the string that starts here is not closed", at: start - 1)
    }

    func hex(_ code: UInt32) -> String {
        let s = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    mutating func hex4(at escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard i + 4 <= n else { throw error(.invalidEscape, "a `\\u` escape needs four hex digits", at: escapeStart) }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = b[i + k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - 55
            default: throw error(.invalidEscape, "a `\\u` escape needs four hex digits", at: escapeStart)
            }
            v = v << 4 | UInt32(d)
        }
        i += 4
        return v
    }
}

extension UTF8 {
    fileprivate static func encode(_ scalar: Unicode.Scalar) -> [UInt8]? {
        var out: [UInt8] = []
        UTF8.encode(scalar) { out.append($0) }
        return out
    }
}
