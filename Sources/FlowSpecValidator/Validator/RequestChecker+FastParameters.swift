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
            return fast.queryValues.isEmpty || queryAccepts(fast, bytes, pathEnd: captures.pathEnd)
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
    /// `pathEnd` is where the router found the path to end: the target's first `?`, if any.
    func queryAccepts(_ fast: FastParameterPlan, _ bytes: UnsafeBufferPointer<UInt8>, pathEnd: Int) -> Bool {
        // The query starts after the first `?` (a second one right after it is dropped, as
        // `QueryString` drops a leading `?`).
        var start = pathEnd &+ 1
        if start < bytes.count && bytes[start] == UInt8(ascii: "?") { start &+= 1 }
        // Value ranges by parameter: start at 2j (-1 when absent), end at 2j + 1.
        var found = SIMD16<Int>(repeating: -1)
        let located = fast.queryNameBytes.withUnsafeBufferPointer { names in
            fast.queryNameBounds.withUnsafeBufferPointer { bounds in
                Self.locate(names, bounds, in: bytes, from: start, into: &found)
            }
        }
        guard located else { return false }
        var j = 0
        while j < fast.queryValues.count {
            let valueStart = found[2 &* j]
            if valueStart < 0 {
                if fast.queryValues[j].required { return false }
            } else {
                let valueEnd = found[2 &* j &+ 1]
                guard valueEnd > valueStart,
                    accepts(query: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), fast.queryValues[j])
                else { return false }
            }
            j &+= 1
        }
        return true
    }

    /// Finds the value of each name (`names[bounds[2j]..<bounds[2j+1]]`) among the `&`-separated
    /// items of `bytes` from `start`; `false` when the decoders must judge (text that is not ASCII,
    /// a name with an escape, a declared name repeated or without `=`).
    static func locate(
        _ names: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeBufferPointer<Int>, in bytes: UnsafeBufferPointer<UInt8>,
        from start: Int, into found: inout SIMD16<Int>
    ) -> Bool {
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
                let length = nameEnd &- itemStart
                var j = 0
                while 2 &* j < bounds.count {
                    let nameStart = bounds[2 &* j]
                    if bounds[2 &* j &+ 1] &- nameStart == length
                        && Self.equal(names, nameStart, bytes, itemStart, length)
                    {
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

    /// Whether `a[aStart...]` and `b[bStart...]` agree on `length` bytes.
    @inline(__always) static func equal(
        _ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ length: Int
    ) -> Bool {
        var k = 0
        while k < length {
            if a[aStart &+ k] != b[bStart &+ k] { return false }
            k &+= 1
        }
        return true
    }
}
