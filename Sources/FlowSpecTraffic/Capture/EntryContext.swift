import FlowSpecModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One entry's bytes and tape, with typed look-ups that record a ``CaptureProblem`` for every member
/// that is missing or of the wrong type, located at the member's byte in the capture file.
///
/// Pointers are taken as autoclosures: they are built only when a problem is reported, so a clean
/// entry costs no allocation for them.
struct EntryContext {
    let bytes: UnsafeBufferPointer<UInt8>
    let tape: JSONTape
    /// Where the entry starts in the capture.
    let location: CaptureLocation
    var problems: [CaptureProblem] = []
    /// Problems past ``maxProblems``, counted but not kept.
    private(set) var unlistedProblems = 0
    static let maxProblems = 100
    private var lineCache: (offset: Int, line: Int)

    init(bytes: UnsafeBufferPointer<UInt8>, tape: JSONTape, location: CaptureLocation) {
        self.bytes = bytes
        self.tape = tape
        self.location = location
        self.lineCache = (0, location.line)
    }

    // MARK: - Reading the tape

    func kind(_ node: Int) -> JSONTape.Kind { tape.nodes[node].kind }

    /// The members of `object` as (key node, value node), in order.
    func members(of object: Int) -> JSONTape.Members {
        JSONTape.Members(nodes: tape.nodes, cursor: object + 1, end: tape.nodes[object].next)
    }

    /// The items of `array` as (position, node), in order.
    func items(of array: Int) -> JSONTape.Items {
        JSONTape.Items(nodes: tape.nodes, cursor: array + 1, end: tape.nodes[array].next)
    }

    /// The number of members or items of container `node`.
    func count(of node: Int) -> Int {
        tape.nodes.withUnsafeBufferPointer { nodes in
            var count = 0
            var i = node + 1
            let end = nodes[node].next
            // An object's members are key and value nodes; following each value's `next` skips both.
            let isObject = nodes[node].kind == .object
            while i < end {
                i = isObject ? nodes[i + 1].next : nodes[i].next
                count += 1
            }
            return count
        }
    }

    /// The string value nodes of an object that is exactly `{"name": "...", "value": "..."}`, the way
    /// every exporter writes a HAR header or cookie; `nil` for any other object, which then goes
    /// through ``required(_:of:_:_:at:severity:)`` (the same nodes for this shape, and problems for
    /// any other). Two keys are compared instead of four member look-ups.
    func plainNameAndValue(_ object: Int) -> (name: Int, value: Int)? {
        tape.nodes.withUnsafeBufferPointer { nodes in
            let nameKey = object + 1
            let nameValue = object + 2
            let valueKey = object + 3
            let value = object + 4
            guard nodes[object].kind == .object, nodes[object].next == value + 1, value < nodes.count,
                nodes[nameValue].kind == .string, nodes[value].kind == .string, nodes[nameKey].kind == .string,
                nodes[valueKey].kind == .string,
                nodes[nameKey].flags & JSONTape.escapedFlag == 0, nodes[valueKey].flags & JSONTape.escapedFlag == 0,
                Self.plainKey(nodes[nameKey], is: "name", in: bytes), Self.plainKey(nodes[valueKey], is: "value", in: bytes)
            else { return nil }
            return (nameValue, value)
        }
    }

    private static func plainKey(_ key: JSONTape.Node, is wanted: StaticString, in bytes: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        let length = wanted.utf8CodeUnitCount
        guard key.end - key.start - 2 == length else { return false }
        return memcmp(bytes.baseAddress! + key.start + 1, wanted.utf8Start, length) == 0
    }

    /// The value of the member named `name` (the last one, if the name is repeated).
    func member(_ name: String, of object: Int) -> Int? {
        guard kind(object) == .object else { return nil }
        var name = name
        return name.withUTF8 { wanted in
            // Decoding an entry looks up some seventy members: walk the nodes without bounds checks,
            // and compare a key's bytes only when its length and first byte match.
            tape.nodes.withUnsafeBufferPointer { nodes in
                var found: Int?
                var i = object + 1
                let end = nodes[object].next
                let length = wanted.count
                while i < end {
                    let key = nodes[i]
                    if key.flags & JSONTape.escapedFlag != 0 {
                        if keyEquals(i, wanted) { found = i + 1 }
                    } else if key.end - key.start - 2 == length,
                        length == 0 || (bytes[key.start + 1] == wanted[0] && memcmp(bytes.baseAddress! + key.start + 1, wanted.baseAddress!, length) == 0)
                    {
                        found = i + 1
                    }
                    i = nodes[i + 1].next
                }
                return found
            }
        }
    }

    /// The values of the members `names` of `object`, found in one walk over its keys rather than
    /// one walk per name (the last one of a repeated name, as ``member(_:of:)`` finds it).
    func members(_ names: MemberNames, of object: Int) -> MemberValues {
        var found = MemberValues()
        guard kind(object) == .object else { return found }
        tape.nodes.withUnsafeBufferPointer { nodes in
            var i = object + 1
            let end = nodes[object].next
            while i < end {
                let key = nodes[i]
                if key.flags & JSONTape.escapedFlag != 0 {
                    for slot in 0..<names.count where keyEquals(i, names.name(slot)) { found.slots[slot] = Int32(i + 1) }
                } else if key.end - key.start > 2 {
                    let length = key.end - key.start - 2
                    var candidates = names.slotsByFirstByte[Int(bytes[key.start + 1])]
                    while candidates != 0 {
                        let slot = candidates.trailingZeroBitCount
                        candidates &= candidates - 1
                        if names.lengths[slot] == length
                            && memcmp(bytes.baseAddress! + key.start + 1, names.names[slot].utf8Start, length) == 0
                        {
                            found.slots[slot] = Int32(i + 1)
                        }
                    }
                }
                i = nodes[i + 1].next
            }
        }
        return found
    }

    /// Whether key node `key` is `wanted` (UTF-8).
    func keyEquals(_ key: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = tape.nodes[key]
        let length = node.end - node.start - 2
        if node.flags & JSONTape.escapedFlag != 0 { return stringBytes(key).elementsEqual(wanted) }
        guard length == wanted.count else { return false }
        guard length > 0, let a = bytes.baseAddress, let b = wanted.baseAddress else { return true }
        return a[node.start + 1] == b[0] && memcmp(a + node.start + 1, b, length) == 0
    }

    /// The unescaped bytes of string node `node`, invalid UTF-8 kept as it is.
    func stringBytes(_ node: Int) -> [UInt8] {
        let n = tape.nodes[node]
        if n.flags & JSONTape.escapedFlag == 0 {
            return Array(bytes[(n.start + 1)..<(n.end - 1)])
        }
        return JSONStrings.unescaped(UnsafeBufferPointer(rebasing: bytes[n.start..<n.end]))
    }

    /// The text of string node `node`; invalid UTF-8 becomes U+FFFD.
    func string(_ node: Int) -> String {
        let n = tape.nodes[node]
        if n.flags & JSONTape.escapedFlag == 0 {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(n.start + 1)..<(n.end - 1)]), as: UTF8.self)
        }
        return String(decoding: stringBytes(node), as: UTF8.self)
    }

    /// ``string(_:)`` for a header or cookie name: a literal when it is one of ``HeaderNames/literal(_:)``'s.
    func name(_ node: Int) -> String { string(node, literal: HeaderNames.literal) }

    /// ``string(_:)`` for a header value or a body's `mimeType`: a literal when it is one of
    /// ``HeaderNames/valueLiteral(_:)``'s media types.
    func value(_ node: Int) -> String { string(node, literal: HeaderNames.valueLiteral) }

    @inline(__always) private func string(_ node: Int, literal: (UnsafeBufferPointer<UInt8>) -> String?) -> String {
        let n = tape.nodes[node]
        if n.flags & JSONTape.escapedFlag == 0,
            let literal = literal(UnsafeBufferPointer(rebasing: bytes[(n.start + 1)..<(n.end - 1)]))
        {
            return literal
        }
        return string(node)
    }

    /// The JSON text of `node` exactly as written.
    func rawText(_ node: Int) -> String {
        let n = tape.nodes[node]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[n.start..<n.end]), as: UTF8.self)
    }

    /// The raw bytes of `node` exactly as written.
    func rawBytes(_ node: Int) -> [UInt8] {
        let n = tape.nodes[node]
        return Array(bytes[n.start..<n.end])
    }

    func number(_ node: Int) -> Double? {
        let n = tape.nodes[node]
        if let value = Self.shortDecimal(UnsafeBufferPointer(rebasing: bytes[n.start..<n.end])) { return value }
        return Double(rawText(node))
    }

    /// The value of a JSON number with at most 15 digits and no exponent (`12.5`, `1411`, `-0.25`), or
    /// `nil` for any other. Such a number is `Double(digits) / 10^fraction digits`, both exact in a
    /// `Double`, and one division rounds correctly (Clinger's fast path), so this is exactly what
    /// `Double(String)` gives, without making a string and calling `strtod` for each entry's `time`
    /// and `size`.
    static func shortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        while i < text.count {
            let c = text[i]
            if c &- UInt8(ascii: "0") < 10 {
                digits += 1
                guard digits <= 15 else { return nil }
                mantissa = mantissa &* 10 &+ Int64(c &- UInt8(ascii: "0"))
                if seenPoint { fraction += 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[fraction]
        return negative ? -value : value
    }

    /// 10^0 ... 10^15, each exact in a `Double`.
    private static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// The number as an `Int` when it is integral (`200`, `200.0`, `2e2`) and fits.
    func integer(_ node: Int) -> Int? {
        let n = tape.nodes[node]
        // A status code is a few digits: read them without making a string (what `Int(String)` reads).
        if n.end - n.start <= 18 {
            var value = 0
            var i = n.start
            while i < n.end, bytes[i] &- UInt8(ascii: "0") < 10 {
                value = value * 10 + Int(bytes[i] &- UInt8(ascii: "0"))
                i += 1
            }
            if i == n.end && i > n.start { return value }
        }
        let text = rawText(node)
        if let value = Int(text) { return value }
        guard let value = Double(text), value.rounded() == value, abs(value) < 9e15 else { return nil }
        return Int(value)
    }

    func describe(_ node: Int) -> String {
        switch kind(node) {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string (\(quoted(node)))"
        case .number: return "a number (\(rawText(node)))"
        case .bool: return tape.nodes[node].flags & 1 != 0 ? "`true`" : "`false`"
        case .null: return "`null`"
        }
    }

    private func quoted(_ node: Int) -> String {
        let text = string(node)
        return text.count > 40 ? "\"\(text.prefix(40))...\"" : "\"\(text)\""
    }

    // MARK: - Problems

    /// The location of byte `offset` of the entry.
    ///
    /// Lines are counted from the last place asked for when that is earlier (problems come mostly in
    /// byte order), so an entry with many problems is not rescanned from its start for each.
    mutating func location(ofEntryByte offset: Int) -> CaptureLocation {
        let target = min(max(offset, 0), bytes.count)
        if target < lineCache.offset { lineCache = (0, location.line) }
        var line = lineCache.line
        var i = lineCache.offset
        while i < target {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        lineCache = (target, line)
        return CaptureLocation(file: location.file, offset: location.offset + offset, line: line)
    }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, at node: Int?, pointer: JSONPointer?, hint: String? = nil
    ) {
        report(code, .error, message, at: node, pointer: pointer, hint: hint)
    }

    /// Records a problem at `node` (or at the entry). Past ``maxProblems`` they are only counted, so
    /// an entry with a million broken headers gives a readable report, not a million lines.
    mutating func report(
        _ code: DiagnosticCode, _ severity: Severity, _ message: String, at node: Int?, pointer: JSONPointer?,
        hint: String? = nil
    ) {
        guard problems.count < Self.maxProblems else {
            unlistedProblems += 1
            return
        }
        let place = node.map { location(ofEntryByte: tape.nodes[$0].start) } ?? location
        problems.append(
            CaptureProblem(
                code: code, severity: severity, message: message, location: place, pointer: pointer, hint: hint)
        )
    }

    /// The problems, with a last one that counts those not listed.
    var allProblems: [CaptureProblem] {
        guard unlistedProblems > 0 else { return problems }
        return problems + [
            CaptureProblem(
                code: .captureTooManyProblems, severity: .warning,
                message: "\(unlistedProblems) more problems in this entry are not listed", location: location)
        ]
    }

    // MARK: - Typed look-ups

    /// The member `name` of `object` when it has the `expected` kind; a problem when it has another
    /// (`null` counts as absent). `what` names the expected kind in the message.
    mutating func optional(
        _ name: String, of object: Int, _ expected: JSONTape.Kind, _ what: String,
        at pointer: @autoclosure () -> JSONPointer, severity: Severity = .error
    ) -> Int? {
        optional(member(name, of: object), expected, what, at: pointer(), severity: severity)
    }

    /// ``optional(_:of:_:_:at:severity:)`` for a member already looked up (`value` is its value node).
    mutating func optional(
        _ value: Int?, _ expected: JSONTape.Kind, _ what: String, at pointer: @autoclosure () -> JSONPointer,
        severity: Severity = .error
    ) -> Int? {
        guard let value, kind(value) != .null else { return nil }
        return typed(value, expected, what, at: pointer(), severity: severity)
    }

    /// `value` when it has the `expected` kind; else a `capture_wrong_type` problem and `nil`.
    mutating func typed(
        _ value: Int, _ expected: JSONTape.Kind, _ what: String, at pointer: @autoclosure () -> JSONPointer,
        severity: Severity
    ) -> Int? {
        guard kind(value) == expected else {
            let path = pointer()
            report(
                .captureWrongType, severity, "`\(path.dottedPath)` is \(describe(value)); expected \(what)", at: value,
                pointer: path)
            return nil
        }
        return value
    }

    /// Like ``optional(_:of:_:_:at:severity:)``, and a `capture_missing_field` problem when absent.
    mutating func required(
        _ name: String, of object: Int, _ expected: JSONTape.Kind, _ what: String,
        at pointer: @autoclosure () -> JSONPointer, severity: Severity = .error
    ) -> Int? {
        required(member(name, of: object), in: object, expected, what, at: pointer(), severity: severity)
    }

    /// ``required(_:of:_:_:at:severity:)`` for a member of `object` already looked up (`value` is its
    /// value node).
    mutating func required(
        _ value: Int?, in object: Int, _ expected: JSONTape.Kind, _ what: String,
        at pointer: @autoclosure () -> JSONPointer, severity: Severity = .error
    ) -> Int? {
        guard let value, kind(value) != .null else {
            let path = pointer()
            report(
                .captureMissingField, severity, "the entry has no `\(path.dottedPath)`", at: object, pointer: path)
            return nil
        }
        return typed(value, expected, what, at: pointer(), severity: severity)
    }

    mutating func optionalString(
        _ name: String, of object: Int, at pointer: @autoclosure () -> JSONPointer, severity: Severity = .warning
    ) -> String? {
        optional(name, of: object, .string, "a string", at: pointer(), severity: severity).map(string)
    }

    mutating func optionalString(
        _ value: Int?, at pointer: @autoclosure () -> JSONPointer, severity: Severity = .warning
    ) -> String? {
        optional(value, .string, "a string", at: pointer(), severity: severity).map(string)
    }

    /// ``optionalString(_:at:severity:)`` made with ``value(_:)``.
    mutating func optionalValue(
        _ value: Int?, at pointer: @autoclosure () -> JSONPointer, severity: Severity = .warning
    ) -> String? {
        optional(value, .string, "a string", at: pointer(), severity: severity).map(self.value)
    }

    mutating func optionalNumber(
        _ name: String, of object: Int, at pointer: @autoclosure () -> JSONPointer, severity: Severity = .warning
    ) -> Double? {
        optional(name, of: object, .number, "a number", at: pointer(), severity: severity).flatMap(number)
    }

    mutating func optionalNumber(
        _ value: Int?, at pointer: @autoclosure () -> JSONPointer, severity: Severity = .warning
    ) -> Double? {
        optional(value, .number, "a number", at: pointer(), severity: severity).flatMap(number)
    }

    /// `true` when the member is the literal `true`; anything else is `false`, without a problem.
    func flag(_ name: String, of object: Int) -> Bool {
        flag(member(name, of: object))
    }

    /// `true` when `value` (a member's value node) is the literal `true`.
    func flag(_ value: Int?) -> Bool {
        guard let value, kind(value) == .bool else { return false }
        return tape.nodes[value].flags & 1 != 0
    }
}

extension JSONPointer {
    /// `request.headers[2].name`, the way people write a member of a capture entry.
    var dottedPath: String {
        var result = ""
        for token in tokens {
            if let index = Int(token), index >= 0 {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? token : "." + token
            }
        }
        return result
    }
}
