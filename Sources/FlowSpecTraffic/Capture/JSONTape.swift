import FlowSpecYAML

/// One capture entry's JSON, parsed into a flat tape of nodes that point back into the entry's bytes.
///
/// A capture is read one entry at a time, so the parser is built for many small documents: one pass,
/// no recursion (a body written as deeply nested JSON costs memory in proportion to its size, never
/// stack), no tree of values and no string copied until a decoder asks for it. Strings keep flags
/// for escapes and for invalid UTF-8, so a body with stray non-UTF-8 bytes is still readable and only
/// flagged, while everything else that breaks RFC 8259 is an error with its byte offset.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, number, bool, null
    }

    /// Sixteen bytes: offsets are kept in 32 bits (an entry is at most ``maxBytes``), which halves the
    /// tape that waits in a batch for decoding and that decoding walks.
    struct Node {
        var kind: Kind
        /// For strings: bit 0 = has escapes, bit 1 = has invalid UTF-8. For bools: bit 0 = true.
        var flags: UInt8
        private var start32: UInt32
        private var end32: UInt32
        private var next32: UInt32

        init(kind: Kind, flags: UInt8, start: Int, end: Int, next: Int) {
            self.kind = kind
            self.flags = flags
            self.start32 = UInt32(truncatingIfNeeded: start)
            self.end32 = UInt32(truncatingIfNeeded: end)
            self.next32 = UInt32(truncatingIfNeeded: next)
        }

        /// Byte offset of the node's first byte (the quote of a string, the bracket of a container).
        var start: Int { Int(start32) }
        /// Byte offset just past the node's last byte.
        var end: Int {
            get { Int(end32) }
            set { end32 = UInt32(truncatingIfNeeded: newValue) }
        }
        /// Index of the node after this one's subtree: the next sibling, or the parent's end.
        var next: Int {
            get { Int(next32) }
            set { next32 = UInt32(truncatingIfNeeded: newValue) }
        }
    }

    /// The most bytes one parse reads, so that every offset fits a node's 32 bits; an entry that is
    /// larger (only with a raised entry budget) is a syntax error that says so.
    static let maxBytes = Int(UInt32.max)

    /// A syntax error with the byte offset (within the parsed bytes) where it was found.
    struct SyntaxError: Error {
        var message: String
        var offset: Int
    }

    static let escapedFlag: UInt8 = 1
    static let invalidUTF8Flag: UInt8 = 2

    var nodes: [Node] = []
    /// Offset of the first string byte that is not valid UTF-8, if any.
    var firstInvalidUTF8: Int?

    /// Parses one JSON text (surrounding whitespace allowed) into a tape whose root is node 0.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONTape {
        guard bytes.count <= maxBytes else {
            throw SyntaxError(message: "the entry is larger than 4 GiB, the most one entry may hold", offset: 0)
        }
        var parser = Parser(bytes: bytes)
        try parser.run(wholeInput: true)
        return parser.finish()
    }

    /// Parses the one JSON value at the start of `bytes` (no leading whitespace) and returns its tape
    /// and length; whatever follows it is not looked at. This lets a scanner parse an entry where it
    /// lies in the read buffer, without first scanning for its end.
    static func parsePrefix(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> (JSONTape, length: Int) {
        // A value longer than that ends past what is read, which fails like a value cut short.
        var parser = Parser(bytes: UnsafeBufferPointer(rebasing: bytes.prefix(maxBytes)))
        try parser.run(wholeInput: false)
        let length = parser.index
        return (parser.finish(), length)
    }
}

extension JSONTape {
    /// An object's members as (key node, value node).
    struct Members: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int
        let end: Int

        mutating func next() -> (key: Int, value: Int)? {
            guard cursor < end else { return nil }
            defer { cursor = nodes[cursor + 1].next }
            return (cursor, cursor + 1)
        }
    }

    /// An array's items as (position, node).
    struct Items: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int
        let end: Int
        var position = 0

        init(nodes: [Node], cursor: Int, end: Int) {
            self.nodes = nodes
            self.cursor = cursor
            self.end = end
        }

        mutating func next() -> (position: Int, node: Int)? {
            guard cursor < end else { return nil }
            defer {
                cursor = nodes[cursor].next
                position += 1
            }
            return (position, cursor)
        }
    }

    private struct Parser: ~Copyable {
        let bytes: UnsafeBufferPointer<UInt8>
        var nodes: GrowableBuffer<Node>
        var firstInvalidUTF8: Int?
        var index = 0
        /// The containers not closed yet, innermost last.
        var open = GrowableBuffer<Int>(capacity: 16)

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            // A HAR entry has about one node per ten bytes. A prefix parse sees the rest of the read
            // buffer (a megabyte), hence the cap: the tape kept is copied out at its exact size.
            nodes = GrowableBuffer(capacity: min(max(64, bytes.count / 10), 256))
        }

        consuming func finish() -> JSONTape {
            JSONTape(nodes: nodes.array(), firstInvalidUTF8: firstInvalidUTF8)
        }

        mutating func run(wholeInput: Bool) throws(SyntaxError) {
            if wholeInput { skipWhitespace() }
            value: while true {
                if try value() { continue value }
                // A value just ended: close containers, or move on to the next member or item.
                while let top = open.last {
                    skipWhitespace()
                    guard index < bytes.count else {
                        throw fail(nodes[top].kind == .object ? "expected `,` or `}`" : "expected `,` or `]`")
                    }
                    let isObject = nodes[top].kind == .object
                    let c = bytes[index]
                    if c == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        if isObject { try key() }
                        continue value
                    }
                    guard c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                        throw fail(isObject ? "expected `,` or `}` in an object" : "expected `,` or `]` in an array")
                    }
                    index += 1
                    close(top)
                }
                if !wholeInput { return }
                skipWhitespace()
                if index < bytes.count {
                    throw fail("unexpected text after the JSON value")
                }
                return
            }
        }

        /// Parses one value at `index`. Returns `true` when it opened a container whose first member or
        /// item is still to come (`run` parses it, so nesting never recurses).
        @inline(__always)
        mutating func value() throws(SyntaxError) -> Bool {
            guard index < bytes.count else { throw fail("expected a JSON value") }
            let c = bytes[index]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = c == UInt8(ascii: "{")
                nodes.append(Node(kind: isObject ? .object : .array, flags: 0, start: index, end: 0, next: 0))
                let id = nodes.count - 1
                open.append(id)
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    close(id)
                    return false
                }
                if isObject { try key() }
                return true
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true", kind: .bool, flags: 1)
            case UInt8(ascii: "f"): try literal("false", kind: .bool, flags: 0)
            case UInt8(ascii: "n"): try literal("null", kind: .null, flags: 0)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw fail("unexpected \(describe(c)); expected a JSON value")
            }
            return false
        }

        /// Closes the innermost open container, which must be `id`.
        @inline(__always)
        mutating func close(_ id: Int) {
            nodes[id].end = index
            nodes[id].next = nodes.count
            open.removeLast()
        }

        /// Parses a member name and its `:`; leaves `index` at the member's value.
        @inline(__always)
        mutating func key() throws(SyntaxError) {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail("expected a member name in double quotes")
            }
            #if arch(x86_64)
                // Member names are mostly short and plain, and written `"name":` without spaces: when
                // the first special byte of the next sixteen is the closing quote and `:` follows it,
                // the name is taken in one step.
                if index + 18 <= bytes.count, let base = bytes.baseAddress {
                    let mask = SWAR.stringSpecialMask16(base + index + 1)
                    let end = index + 1 + mask.trailingZeroBitCount
                    if mask != 0 && base[end] == UInt8(ascii: "\"") && base[end + 1] == UInt8(ascii: ":") {
                        nodes.append(Node(kind: .string, flags: 0, start: index, end: end + 1, next: nodes.count + 1))
                        index = end + 2
                        skipWhitespace()
                        return
                    }
                }
            #endif
            try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail("expected `:` after the member name")
            }
            index += 1
            skipWhitespace()
        }

        @inline(__always) mutating func skipWhitespace() {
            // Captures are mostly written without whitespace between tokens: one test settles that.
            guard index < bytes.count, bytes[index] <= 0x20 else { return }
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func literal(_ word: StaticString, kind: Kind, flags: UInt8) throws(SyntaxError) {
            let n = word.utf8CodeUnitCount
            guard index + n <= bytes.count,
                word.withUTF8Buffer({ $0.elementsEqual(bytes[index..<(index + n)]) })
            else { throw fail("invalid literal; expected `\(word)`") }
            nodes.append(Node(kind: kind, flags: flags, start: index, end: index + n, next: nodes.count + 1))
            index += n
        }

        mutating func number() throws(SyntaxError) {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number: expected a digit") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count && isDigit(bytes[index]) {
                    throw fail("invalid number: leading zeros are not allowed in JSON")
                }
            } else {
                skipDigits()
            }
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw fail("invalid number: expected a digit after `.`")
                }
                skipDigits()
            }
            if index < bytes.count && bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw fail("invalid number: expected a digit in the exponent")
                }
                skipDigits()
            }
            nodes.append(Node(kind: .number, flags: 0, start: start, end: index, next: nodes.count + 1))
        }

        mutating func skipDigits() {
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }

        func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

        /// Scans a string: escapes are checked (not decoded), control characters refused, and UTF-8
        /// checked so that invalid bytes are flagged rather than fatal.
        @inline(__always)
        mutating func string() throws(SyntaxError) {
            let start = index
            var flags: UInt8 = 0
            index += 1
            while true {
                if let base = bytes.baseAddress { index = Self.runEnd(base, from: index, to: bytes.count, flags: &flags) }
                guard index < bytes.count else { throw fail("unterminated string", at: start) }
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    index += 1
                    break
                } else if c == UInt8(ascii: "\\") {
                    flags |= escapedFlag
                    // JSON written inside JSON (a HAR body) has a `\"` every few bytes: take the
                    // two-byte escapes here, and leave `\u` and errors to `escape()`.
                    if index + 1 < bytes.count && Self.isTwoByteEscape(bytes[index + 1]) {
                        index += 2
                        continue
                    }
                    try escape()
                } else if c < 0x20 {
                    throw fail("control character U+00\(hex(c)) must be escaped in a JSON string")
                } else if let length = UTF8Check.validSequenceLength(bytes, at: index) {
                    index += length
                } else {
                    if flags & invalidUTF8Flag == 0 && firstInvalidUTF8 == nil { firstInvalidUTF8 = index }
                    flags |= invalidUTF8Flag
                    index += 1
                }
            }
            nodes.append(Node(kind: .string, flags: flags, start: start, end: index, next: nodes.count + 1))
        }

        /// The first byte from `start` on that ``string()`` must look at itself: the closing quote, a
        /// `\\u` or invalid escape, a control character or a byte that is not ASCII (`end` if none).
        ///
        /// With SSE2 the two-byte escapes are taken here too, inside each 16-byte block (its mask of
        /// special bytes is exact, so the escaped character's bit is simply cleared): JSON written
        /// inside JSON (a HAR body) has a `\\"` every few bytes, and stopping at each cost more than
        /// the rest of the body.
        @inline(__always) static func runEnd(
            _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, flags: inout UInt8
        ) -> Int {
            #if arch(x86_64)
                var i = start
                blocks: while i + 16 <= end {
                    var mask = SWAR.stringSpecialMask16(base + i)
                    let block = i
                    i += 16
                    while mask != 0 {
                        let at = block + mask.trailingZeroBitCount
                        guard base[at] == UInt8(ascii: "\\"), at + 1 < end, isTwoByteEscape(base[at + 1]) else { return at }
                        flags |= escapedFlag
                        let next = at + 2 - block
                        if next >= 16 {
                            i = at + 2
                            continue blocks
                        }
                        mask &= ~0 << UInt32(next)
                    }
                }
                return SWAR.plainRunEnd(base, from: i, to: end)
            #else
                return SWAR.plainRunEnd(base, from: start, to: end)
            #endif
        }

        @inline(__always) static func isTwoByteEscape(_ c: UInt8) -> Bool {
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return true
            default:
                return false
            }
        }

        mutating func escape() throws(SyntaxError) {
            guard index + 1 < bytes.count else { throw fail("unterminated escape") }
            switch bytes[index + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 2
            case UInt8(ascii: "u"):
                guard index + 6 <= bytes.count,
                    bytes[(index + 2)..<(index + 6)].allSatisfy({ JSONStrings.hexValue($0) != nil })
                else { throw fail("a `\\u` escape needs four hex digits") }
                index += 6
            default:
                throw fail("invalid escape `\\\(Unicode.Scalar(bytes[index + 1]))`")
            }
        }

        func fail(_ message: String, at offset: Int? = nil) -> SyntaxError {
            let offset = offset ?? index
            if offset >= bytes.count {
                return SyntaxError(message: "\(message) (the entry ends early)", offset: bytes.count)
            }
            return SyntaxError(message: message, offset: offset)
        }

        func describe(_ c: UInt8) -> String {
            c >= 0x21 && c < 0x7F ? "character `\(Unicode.Scalar(c))`" : "byte 0x\(hex(c))"
        }

        func hex(_ c: UInt8) -> String {
            let digits = String(c, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }
    }
}
