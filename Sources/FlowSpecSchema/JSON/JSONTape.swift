/// A parsed JSON value laid out flat: two 64-bit words per value, children right after their parent,
/// string bytes in one buffer, so validating a body costs no allocation per value and no reference
/// counting (the idea of simdjson's tape).
///
/// Word 0 of a value holds its tag in the low 8 bits and an auxiliary number above (a string's byte
/// length and ASCII flag, a collection's element or member count); word 1 holds the payload (an
/// integer's bits, an index into ``numbers``, a string's offset in ``bytes``, or, for a collection,
/// the index just past its last descendant). An object's members are a key (a string value) followed
/// by the member's value.
///
/// Strings without escapes are not copied: they point into the parsed input, which must outlive the
/// tape (the tape never leaves the parse-and-validate call that made it, so it is not `Sendable`).
struct JSONTape {
    enum Tag: UInt8 {
        case null, `false`, `true`, int, number, string, array, object
    }

    var words: [UInt64] = []
    var bytes: [UInt8] = []
    var numbers: [JSONNumber] = []
    /// The parsed input, for strings that point into it.
    var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    static let root = 0

    init() {}

    // MARK: - Reading

    @inline(__always) func tag(_ r: Int) -> Tag {
        // Every tag is written by `appendScalar` from a `Tag`, so its raw value is one of the eight
        // cases (0...7) and reads back without the failable initialiser's call.
        unsafeBitCast(UInt8(truncatingIfNeeded: words[r]) & 7, to: Tag.self)
    }

    @inline(__always) func aux(_ r: Int) -> Int { Int(truncatingIfNeeded: words[r] >> 8) }

    @inline(__always) func payload(_ r: Int) -> Int { Int(truncatingIfNeeded: words[r + 1]) }

    /// The index just past the value (its next sibling).
    @inline(__always) func end(_ r: Int) -> Int {
        let t = tag(r)
        return t == .array || t == .object ? payload(r) : r + 2
    }

    /// The number of elements or members (bits 8 to 39 of a collection's word 0).
    @inline(__always) func count(_ r: Int) -> Int { Int(truncatingIfNeeded: (words[r] >> 8) & 0xFFFF_FFFF) }

    /// Where the collection at `r` starts in ``input`` (its `[` or `{`), when the parser recorded it:
    /// bits 40 to 63 of word 0 hold the offset plus one (`0`: not recorded, as for a tape built from
    /// a value, a YAML tree, or a collection past the first 16 MiB of the input).
    @inline(__always) func inputOffset(_ r: Int) -> Int? {
        let stored = Int(truncatingIfNeeded: words[r] >> 40)
        return stored == 0 ? nil : stored &- 1
    }

    @inline(__always) func int(_ r: Int) -> Int64 { Int64(bitPattern: words[r + 1]) }

    /// The number at `r` (an `int` or a `number`).
    func number(_ r: Int) -> JSONNumber {
        if tag(r) == .int { return JSONNumber(Int(int(r))) }
        return numbers[payload(r)]
    }

    func isIntegral(_ r: Int) -> Bool {
        switch tag(r) {
        case .int: return true
        case .number: return numbers[payload(r)].isInteger
        default: return false
        }
    }

    @inline(__always) func stringCount(_ r: Int) -> Int { aux(r) >> 2 }

    @inline(__always) func stringIsASCII(_ r: Int) -> Bool { aux(r) & 1 == 1 }

    /// Runs `body` on a string's UTF-8 bytes.
    @inline(__always)
    func withString<R>(_ r: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let offset = payload(r)
        let count = stringCount(r)
        // The offsets were written by the parser from the buffers' own bounds: no slice checks.
        if aux(r) & 2 != 0 {
            return body(UnsafeBufferPointer(start: input.baseAddress.map { $0 + offset }, count: count))
        }
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(start: all.baseAddress.map { $0 + offset }, count: count))
        }
    }

    func string(_ r: Int) -> String { withString(r) { String(decoding: $0, as: UTF8.self) } }

    /// The number of Unicode scalars of a string.
    func scalarCount(_ r: Int) -> Int {
        if stringIsASCII(r) { return stringCount(r) }
        return withString(r) { b in b.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
    }

    /// Whether the string at `r` has exactly the bytes `name`.
    @inline(__always)
    func stringEquals(_ r: Int, _ name: [UInt8]) -> Bool {
        guard stringCount(r) == name.count else { return false }
        // Word-wise, as the streaming check compares names.
        return withString(r) { MemberApplicator.equal($0, name) }
    }

    /// Whether the string at `r` has exactly the bytes `name`.
    @inline(__always)
    func stringEquals(_ r: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = stringCount(r)
        guard count == name.count else { return false }
        if count == 0 { return true }
        return withString(r) { s in
            guard let x = s.baseAddress, let y = name.baseAddress else { return false }
            return MemberApplicator.equal(x, y, count)
        }
    }

    /// The index of the value of the member named `name` in the object at `r`.
    func member(_ r: Int, named name: UnsafeBufferPointer<UInt8>) -> Int? {
        var m = r + 2
        for _ in 0..<count(r) {
            if stringEquals(m, name) { return m + 2 }
            m = end(m + 2)
        }
        return nil
    }

    /// The index of the value of the member named `name` in the object at `r`.
    func member(_ r: Int, named name: [UInt8]) -> Int? {
        var m = r + 2
        for _ in 0..<count(r) {
            if stringEquals(m, name) { return m + 2 }
            m = end(m + 2)
        }
        return nil
    }

    // MARK: - Conversion

    /// The value at `r` as a tree.
    ///
    /// Built with an explicit stack rather than by recursion, so that a body nested as deep as the
    /// parser allowed converts on any thread the parser ran on.
    func value(_ r: Int) -> JSONValue {
        /// A container being filled: the position of its current child, how many children remain,
        /// and what is done.
        struct Open {
            var isObject: Bool
            var child: Int
            var remaining: Int
            var keys: [String] = []
            var values: [JSONValue] = []
        }
        var open: [Open] = []
        var at = r
        while true {
            var done: JSONValue
            switch tag(at) {
            case .null: done = .null
            case .false: done = .bool(false)
            case .true: done = .bool(true)
            case .int, .number: done = .number(number(at))
            case .string: done = .string(string(at))
            case .array, .object:
                let isObject = tag(at) == .object
                let n = count(at)
                guard n > 0 else {
                    done = isObject ? .object(JSONObject(keys: [], values: [])) : .array([])
                    break
                }
                // A member's value follows its key.
                var container = Open(isObject: isObject, child: isObject ? at + 4 : at + 2, remaining: n)
                container.values.reserveCapacity(n)
                if isObject {
                    container.keys.reserveCapacity(n)
                    container.keys.append(string(at + 2))
                }
                at = container.child
                open.append(container)
                continue
            }
            // `done` is the innermost open container's current child.
            while true {
                guard var top = open.popLast() else { return done }
                top.values.append(done)
                top.remaining -= 1
                if top.remaining == 0 {
                    done = top.isObject ? .object(JSONObject(keys: top.keys, values: top.values)) : .array(top.values)
                    continue
                }
                let next = end(top.child)
                if top.isObject {
                    top.keys.append(string(next))
                    top.child = next + 2
                } else {
                    top.child = next
                }
                at = top.child
                open.append(top)
                break
            }
        }
    }

    /// Whether the value at `r` equals `other` (JSON Schema equality).
    func equals(_ r: Int, _ other: JSONValue) -> Bool {
        switch (tag(r), other) {
        case (.null, .null): return true
        case (.false, .bool(let b)): return !b
        case (.true, .bool(let b)): return b
        case (.int, .number(let n)), (.number, .number(let n)): return number(r) == n
        case (.string, .string(let s)):
            return withString(r) { b in
                var s = s
                return s.withUTF8 { $0.count == b.count && zip($0, b).allSatisfy { $0 == $1 } }
            }
        case (.array, .array(let elements)):
            guard count(r) == elements.count else { return false }
            var e = r + 2
            for element in elements {
                if !equals(e, element) { return false }
                e = end(e)
            }
            return true
        case (.object, .object(let object)):
            guard count(r) == object.count else { return false }
            var m = r + 2
            for _ in 0..<count(r) {
                guard let k = object.index(forKey: string(m)), equals(m + 2, object.values[k]) else { return false }
                m = end(m + 2)
            }
            return true
        default: return false
        }
    }

    /// Whether the values at `a` and `b` are equal (JSON Schema equality).
    func equals(_ a: Int, _ b: Int) -> Bool {
        let ta = tag(a)
        let tb = tag(b)
        switch (ta, tb) {
        case (.int, .int): return int(a) == int(b)
        case (.int, .number), (.number, .int), (.number, .number): return number(a) == number(b)
        case (.string, .string):
            guard stringCount(a) == stringCount(b) else { return false }
            return withString(a) { x in withString(b) { y in x.elementsEqual(y) } }
        case (.array, .array):
            guard count(a) == count(b) else { return false }
            var x = a + 2
            var y = b + 2
            for _ in 0..<count(a) {
                if !equals(x, y) { return false }
                x = end(x)
                y = end(y)
            }
            return true
        case (.object, .object):
            guard count(a) == count(b) else { return false }
            var m = a + 2
            for _ in 0..<count(a) {
                let name = withString(m) { Array($0) }
                guard let other = member(b, named: name), equals(m + 2, other) else { return false }
                m = end(m + 2)
            }
            return true
        default:
            return ta == tb && (ta == .null || ta == .true || ta == .false)
        }
    }

    // MARK: - Writing

    mutating func appendScalar(_ tag: Tag, aux: Int = 0, payload: UInt64 = 0) {
        words.append(UInt64(tag.rawValue) | UInt64(truncatingIfNeeded: aux) << 8)
        words.append(payload)
    }

    mutating func appendString(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) {
        let offset = bytes.count
        bytes.append(contentsOf: utf8)
        appendScalar(.string, aux: utf8.count << 2 | (ascii ? 1 : 0), payload: UInt64(offset))
    }

    /// A string that is the input's bytes `offset..<offset+count`, not copied.
    @inline(__always)
    mutating func appendInputString(offset: Int, count: Int, ascii: Bool) {
        appendScalar(.string, aux: count << 2 | 2 | (ascii ? 1 : 0), payload: UInt64(offset))
    }

    mutating func appendNumber(_ n: JSONNumber) {
        if n.isInteger, let v = n.int64Value, n.text.utf8.count < 19 {
            appendScalar(.int, payload: UInt64(bitPattern: v))
        } else {
            numbers.append(n)
            appendScalar(.number, payload: UInt64(numbers.count - 1))
        }
    }

    /// Starts a collection; returns its index, to ``close(_:count:)`` it. `offset` is where it
    /// starts in ``input`` (see ``inputOffset(_:)``).
    mutating func open(_ tag: Tag, at offset: Int? = nil) -> Int {
        let r = words.count
        var word = UInt64(tag.rawValue)
        if let offset, offset < (1 << 24) - 1 { word |= UInt64(offset + 1) << 40 }
        words.append(word)
        words.append(0)
        return r
    }

    mutating func close(_ r: Int, count: Int) {
        // The count keeps 32 bits (more elements would need an input of 8 GiB: a byte and a comma
        // each), the input offset the 24 above them.
        words[r] = words[r] & 0xFFFF_FF00_0000_00FF | UInt64(UInt32(truncatingIfNeeded: count)) << 8
        words[r + 1] = UInt64(words.count)
    }

    /// A tape holding `value`.
    init(_ value: JSONValue) {
        append(value)
    }

    /// Appends `root` and everything in it, with an explicit stack rather than recursion, so that a
    /// value built in code however deep converts on any thread (evaluation has its own depth budget).
    mutating func append(_ root: JSONValue) {
        /// A container being written: its tape index, its members, and the next one to write.
        struct Open {
            var r: Int
            var keys: [String]?
            var values: [JSONValue]
            var next = 0
        }
        var containers: [Open] = []
        var pending: JSONValue? = root
        while true {
            if let value = pending {
                pending = nil
                switch value {
                case .null: appendScalar(.null)
                case .bool(let b): appendScalar(b ? .true : .false)
                case .number(let n): appendNumber(n)
                case .string(let s): appendString(s)
                case .array(let elements): containers.append(Open(r: open(.array), keys: nil, values: elements))
                case .object(let object):
                    containers.append(Open(r: open(.object), keys: object.keys, values: object.values))
                }
            }
            guard var top = containers.popLast() else { return }
            if top.next == top.values.count {
                close(top.r, count: top.values.count)
                continue
            }
            if let keys = top.keys { appendString(keys[top.next]) }
            pending = top.values[top.next]
            top.next += 1
            containers.append(top)
        }
    }

    private mutating func appendString(_ string: String) {
        var s = string
        s.withUTF8 { appendString($0, ascii: $0.allSatisfy { $0 < 0x80 }) }
    }
}
