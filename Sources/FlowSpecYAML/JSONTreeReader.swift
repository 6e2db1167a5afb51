/// The strict JSON (RFC 8259) fast path into the same ``YAMLTree`` that YAML files give.
///
/// A YAML 1.1 parser rejects valid JSON (surrogate-pair escapes such as `"\ud83d\ude00"`), and a
/// hand-written reader is several times faster than libyaml on large `.json` specs. Locations follow
/// the same convention: 1-based line and column (in Unicode scalars), 0-based byte offset.
enum JSONTreeReader {
    /// - Parameters:
    ///   - buffer: `sourceArray`'s storage.
    static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, sourceArray: [UInt8], options: YAMLParseOptions
    ) throws(YAMLError) -> YAMLTree {
        var reader = Reader(
            bytes: buffer, builder: YAMLTreeBuilder(options: options, source: buffer, sourceArray: sourceArray))
        // RFC 8259 lets a parser ignore a byte order mark; editors on Windows write one. Like libyaml,
        // columns on the first line do not count it.
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            reader.index = 3
            reader.lineStart = 3
        }
        reader.skipWhitespace()
        if reader.index >= buffer.count {
            return try reader.builder.finish(endOfInput: reader.packedMark())
        }
        try reader.document()
        reader.skipWhitespace()
        if reader.index < buffer.count {
            throw reader.error("unexpected text after the JSON value")
        }
        return try reader.builder.finish(endOfInput: reader.packedMark())
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var builder: YAMLTreeBuilder
        var index = 0
        var line = 1
        var lineStart = 0
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, builder: YAMLTreeBuilder) {
            self.bytes = bytes
            self.builder = builder
        }

        /// The last column computed on the current line, so that a long line (minified JSON is one
        /// line) is counted once, not once per node.
        let cursor = ColumnCursor()

        func column(at offset: Int) -> Int {
            var column = 1
            var i = lineStart
            if cursor.offset >= lineStart && cursor.offset <= offset {
                i = cursor.offset
                column = cursor.column
            }
            while i < offset {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            cursor.offset = i
            cursor.column = column
            return column
        }

        func packedMark(at offset: Int? = nil) -> PackedMark {
            let offset = offset ?? index
            return PackedMark(line: line, column: column(at: offset), offset: offset)
        }

        func error(_ message: String, at offset: Int? = nil) -> YAMLError {
            let offset = offset ?? index
            if offset >= bytes.count {
                return YAMLError(.syntax, "\(message) (the input ends early)", at: packedMark(at: bytes.count).mark)
            }
            return YAMLError(.syntax, message, at: packedMark(at: offset).mark)
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        /// Reads one JSON value with everything nested in it.
        ///
        /// A loop over an explicit stack rather than recursion, so that nesting costs heap, not stack:
        /// the depth budget (``YAMLParseOptions/maxDepth``) can be raised without a bigger thread stack.
        mutating func document() throws(YAMLError) {
            // One entry per open collection: `true` for an object, `false` for an array.
            var open: [Bool] = []
            nextValue: while true {
                guard index < bytes.count else { throw error("expected a value") }
                switch bytes[index] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let isObject = bytes[index] == UInt8(ascii: "{")
                    try builder.beginCollection(isObject ? .mapping : .sequence, anchor: nil, start: packedMark())
                    index += 1
                    skipWhitespace()
                    if index < bytes.count && bytes[index] == UInt8(ascii: isObject ? "}" : "]") {
                        index += 1
                        try builder.endCollection(end: packedMark())
                    } else {
                        open.append(isObject)
                        if isObject { try memberName() }
                        continue nextValue
                    }
                default:
                    try scalar()
                }
                // A value is complete: close every collection that ends here.
                while let isObject = open.last {
                    skipWhitespace()
                    let close = UInt8(ascii: isObject ? "}" : "]")
                    let expected = isObject ? "expected `,` or `}`" : "expected `,` or `]`"
                    guard index < bytes.count else { throw error(expected) }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        if isObject { try memberName() }
                        continue nextValue
                    }
                    guard bytes[index] == close else { throw error(expected) }
                    index += 1
                    try builder.endCollection(end: packedMark())
                    open.removeLast()
                }
                return
            }
        }

        /// Reads a member name and its `:`, leaving `index` at the member's value.
        mutating func memberName() throws(YAMLError) {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes")
            }
            try scalar()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected `:` after the member name")
            }
            index += 1
            skipWhitespace()
        }

        /// Reads a string, number, `true`, `false` or `null`.
        mutating func scalar() throws(YAMLError) {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let start = packedMark()
                try string()
                try scratch.withUnsafeBufferPointer { (b) throws(YAMLError) in
                    try builder.scalar(b, type: .string, style: .json, anchor: nil, start: start, end: packedMark())
                }
            case UInt8(ascii: "t"): try literal("true", type: .bool)
            case UInt8(ascii: "f"): try literal("false", type: .bool)
            case UInt8(ascii: "n"): try literal("null", type: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw error("unexpected character `\(Unicode.Scalar(bytes[index]))`; expected a JSON value")
            }
        }

        mutating func literal(_ word: StaticString, type: YAMLScalarType) throws(YAMLError) {
            let n = word.utf8CodeUnitCount
            let start = packedMark()
            guard index + n <= bytes.count,
                word.withUTF8Buffer({ $0.elementsEqual(bytes[index..<(index + n)]) })
            else { throw error("invalid literal; expected `\(word)`") }
            let slice = UnsafeBufferPointer(rebasing: bytes[index..<(index + n)])
            index += n
            try builder.scalar(slice, type: type, style: .json, anchor: nil, start: start, end: packedMark())
        }

        mutating func number() throws(YAMLError) {
            let begin = index
            let start = packedMark()
            var isFloat = false
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: expected a digit") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count && isDigit(bytes[index]) {
                    throw error("invalid number: leading zeros are not allowed in JSON")
                }
            } else {
                while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                isFloat = true
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw error("invalid number: expected a digit after `.`")
                }
                while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
                isFloat = true
                index += 1
                if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw error("invalid number: expected a digit in the exponent")
                }
                while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            }
            let slice = UnsafeBufferPointer(rebasing: bytes[begin..<index])
            try builder.scalar(
                slice, type: isFloat ? .float : .int, style: .json, anchor: nil, start: start, end: packedMark())
        }

        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

        /// Reads a string at `index` into `scratch`, unescaped, validating UTF-8.
        mutating func string() throws(YAMLError) {
            scratch.removeAll(keepingCapacity: true)
            index += 1
            while true {
                // Copy a run of plain ASCII at once.
                let runStart = index
                while index < bytes.count {
                    let c = bytes[index]
                    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { break }
                    index += 1
                }
                if index > runStart { scratch.append(contentsOf: bytes[runStart..<index]) }
                guard index < bytes.count else { throw error("unterminated string") }
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    index += 1
                    return
                } else if c == UInt8(ascii: "\\") {
                    try escape()
                } else if c < 0x20 {
                    throw error("control character U+\(hex(UInt32(c))) must be escaped in a JSON string")
                } else {
                    try multiByte()
                }
            }
        }

        mutating func multiByte() throws(YAMLError) {
            guard let length = UTF8Check.validSequenceLength(bytes, at: index) else { throw utf8Error() }
            scratch.append(contentsOf: bytes[index..<(index + length)])
            index += length
        }

        func utf8Error() -> YAMLError {
            YAMLError(
                .invalidUTF8, "invalid UTF-8 at byte offset \(index)", at: packedMark().mark,
                hint: "save the file as UTF-8")
        }

        mutating func escape() throws(YAMLError) {
            guard index + 1 < bytes.count else { throw error("unterminated escape") }
            let c = bytes[index + 1]
            index += 2
            switch c {
            case UInt8(ascii: "\""): scratch.append(c)
            case UInt8(ascii: "\\"): scratch.append(c)
            case UInt8(ascii: "/"): scratch.append(c)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            appendScalar(0xFFFD)
                            code = low
                        }
                    } else {
                        code = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(code) {
                    // A lone low surrogate: not representable in UTF-8; keep a replacement character.
                    code = 0xFFFD
                }
                appendScalar(code)
            default:
                throw error("invalid escape `\\\(Unicode.Scalar(c))`", at: index - 2)
            }
        }

        mutating func hex4() throws(YAMLError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("a `\\u` escape needs four hex digits") }
            var value: UInt32 = 0
            for k in 0..<4 {
                let c = bytes[index + k]
                let digit: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw error("a `\\u` escape needs four hex digits", at: index + k)
                }
                value = value << 4 | digit
            }
            index += 4
            return value
        }

        mutating func appendScalar(_ code: UInt32) {
            let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
            scratch.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
        }

        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }
}

/// Where ``JSONTreeReader``'s last column count stopped: a byte offset and its column.
private final class ColumnCursor {
    var offset = 0
    var column = 1
}
