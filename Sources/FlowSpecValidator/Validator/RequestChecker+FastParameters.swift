import FlowSpecSchema

extension RequestChecker {
    /// Whether every parameter of an operation with a ``FastParameterPlan`` certainly passes, read
    /// on the bytes of `target` with the path values where the router found them. `false` means "not
    /// certain": ``checkParameters(_:_:target:fields:into:)-(_,PathCaptures,_,_,_)`` then decodes and
    /// checks them, and words any violation. Not for strict mode, which also looks for undeclared
    /// parameters.
    func fastAccepts(_ fast: FastParameterPlan, _ captures: PathCaptures, target: String) -> Bool {
        target.utf8.withContiguousStorageIfAvailable { bytes in
            for value in fast.pathValues {
                guard value.capture < captures.count else { return false }
                let range = captures.range(value.capture)
                guard accepts(string: UnsafeBufferPointer(rebasing: bytes[range]), value.check) else { return false }
            }
            return fast.queryValues.isEmpty || queryAccepts(fast.queryValues, bytes)
        } ?? false
    }

    /// Whether the string value with bytes `bytes` passes `check`, as
    /// ``validate(_:_:options:into:)`` would find for `.string` of them.
    @inline(__always) func accepts(string bytes: UnsafeBufferPointer<UInt8>, _ check: ParameterCheck) -> Bool {
        guard check.schema >= 0 else { return true }
        if let scalar = check.scalar, scalar.accepts(string: bytes) { return true }
        return plan.schemas[check.schema].isValid(stringBytes: bytes, options: plan.parameterOptions)
    }

    /// The query items of the target with bytes `bytes`, split as ``QueryString`` splits them, each
    /// declared one given once with a non-empty value that passes its check.
    func queryAccepts(_ values: [FastParameterPlan.QueryValue], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The query starts after the first `?` (a second one right after it is dropped, as
        // `QueryString` drops a leading `?`).
        var start = 0
        while start < bytes.count && bytes[start] != UInt8(ascii: "?") { start &+= 1 }
        start &+= 1
        if start < bytes.count && bytes[start] == UInt8(ascii: "?") { start &+= 1 }
        // Value ranges by parameter: start at 2j (-1 when absent), end at 2j + 1.
        var found = SIMD16<Int>(repeating: -1)
        var itemStart = start
        while itemStart < bytes.count {
            var end = itemStart
            var equals = -1
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "&") { break }
                // Other text is split by characters, and names may need decoding: the decoders judge.
                if byte >= 0x80 { return false }
                if byte == UInt8(ascii: "=") {
                    if equals < 0 { equals = end }
                } else if byte == UInt8(ascii: "%") && equals < 0 {
                    return false
                }
                end &+= 1
            }
            if end > itemStart {
                let nameEnd = equals < 0 ? end : equals
                var j = 0
                while j < values.count {
                    if Self.equal(values[j].name, bytes, itemStart, nameEnd) {
                        // Repeated, or without a value: the decoders report it.
                        guard found[2 &* j] < 0, equals >= 0 else { return false }
                        found[2 &* j] = equals &+ 1
                        found[2 &* j &+ 1] = end
                        break
                    }
                    j &+= 1
                }
            }
            itemStart = end &+ 1
        }
        var j = 0
        while j < values.count {
            let value = values[j]
            let valueStart = found[2 &* j]
            if valueStart < 0 {
                if value.required { return false }
            } else {
                let valueEnd = found[2 &* j &+ 1]
                guard valueEnd > valueStart,
                    accepts(query: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), value)
                else { return false }
            }
            j &+= 1
        }
        return true
    }

    /// Whether a query value, as written (`raw`: ASCII, not empty), passes once percent-decoded.
    func accepts(query raw: UnsafeBufferPointer<UInt8>, _ value: FastParameterPlan.QueryValue) -> Bool {
        guard raw.contains(UInt8(ascii: "%")) else { return accepts(decoded: raw, value) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { buffer in
            var count = 0
            var k = 0
            while k < raw.count {
                var byte = raw[k]
                if byte == UInt8(ascii: "%") {
                    guard k &+ 2 < raw.count, let high = PercentDecoding.hexValue(raw[k &+ 1]),
                        let low = PercentDecoding.hexValue(raw[k &+ 2])
                    else { return false }
                    byte = high << 4 | low
                    // Decoded text that is not ASCII must be checked as UTF-8: the decoders do that.
                    guard byte < 0x80 else { return false }
                    k &+= 3
                } else {
                    k &+= 1
                }
                buffer[count] = byte
                count &+= 1
            }
            return accepts(decoded: UnsafeBufferPointer(rebasing: buffer[0..<count]), value)
        }
    }

    /// Whether a decoded query value passes: as text for a string, as the JSON value
    /// ``PrimitiveType/coerce(_:)`` makes of it otherwise.
    func accepts(decoded bytes: UnsafeBufferPointer<UInt8>, _ value: FastParameterPlan.QueryValue) -> Bool {
        let check = value.check
        guard check.schema >= 0 else { return true }
        switch value.type {
        case .string:
            return accepts(string: bytes, check)
        case .integer, .number:
            if let scalar = check.scalar, let integer = Self.plainInteger(bytes), scalar.accepts(integer: integer) {
                return true
            }
        case .boolean:
            break
        }
        let coerced = value.type.coerce(String(decoding: bytes, as: UTF8.self))
        let schema = plan.schemas[check.schema]
        if case .string(let text) = coerced { return schema.isValid(string: text, options: plan.parameterOptions) }
        return schema.isValid(coerced, options: plan.parameterOptions)
    }

    /// The value of a JSON integer literal without sign tricks (`0`, `42`, `-7`; not `-0`, `007`, or
    /// more than 18 digits); `nil` for anything else.
    static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var k = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { k = 1 }
        let digits = bytes.count &- k
        guard digits > 0, digits <= 18 else { return nil }
        if bytes[k] == UInt8(ascii: "0") && (digits > 1 || negative) { return nil }
        var result: Int64 = 0
        while k < bytes.count {
            let digit = bytes[k] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            result = result &* 10 &+ Int64(digit)
            k &+= 1
        }
        return negative ? -result : result
    }

    /// Whether `name` is `bytes[start..<end]`.
    @inline(__always) static func equal(_ name: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> Bool
    {
        guard name.count == end &- start else { return false }
        var k = 0
        while k < name.count {
            if name[k] != bytes[start &+ k] { return false }
            k &+= 1
        }
        return true
    }
}
