import FlowSpecModel
import FlowSpecSchema

/// What ``RequestChecker/fastCheck(_:_:target:)`` found on a request target's bytes.
struct FastParameterOutcome {
    /// Whether every value was found and judged in place (`false`: the decoders must judge, as
    /// something is unusual: a repeated, empty or missing value, an escape the fast path cannot take).
    var isCertain = true
    /// The entries (bit `k`: ``ParameterPlanSet/entries`` `[k]`) whose value a check refused: most
    /// likely invalid, so the compiled schema is asked for its errors without asking first whether
    /// the value is valid.
    var refused: UInt64 = 0
    /// The query values' ranges in the target: start at `2j` (-1 when absent), end at `2j + 1`, for
    /// ``FastParameterPlan/queryValues`` `[j]`.
    var found = SIMD16<Int>(repeating: -1)

    /// Whether every parameter certainly passes.
    var acceptsAll: Bool { isCertain && refused == 0 }
}

/// What a fast check made of one value.
enum FastJudgement {
    case accepted
    /// A check refused it: most likely invalid.
    case refused
    /// The decoders must judge.
    case unsure
}

extension RequestChecker {
    /// Whether every parameter of an operation with a ``FastParameterPlan`` certainly passes, read
    /// on the bytes of `target` with the path values where the router found them. `false` means "not
    /// certain": ``checkParameters(_:_:target:fields:into:)-(_,PathCaptures,_,_,_)`` then decodes and
    /// checks them, and words any violation. Not for strict mode, which also looks for undeclared
    /// parameters.
    func fastAccepts(_ fast: FastParameterPlan, _ captures: PathCaptures, target: String) -> Bool {
        fastCheck(fast, captures, target: target).acceptsAll
    }

    /// Finds and judges every parameter value of an operation with a ``FastParameterPlan`` on the
    /// bytes of `target`, the path values where the router found them. A refused value is most likely
    /// invalid; when the outcome is certain, ``wordRefused(_:_:_:_:target:into:)`` words the
    /// violations without the decoders.
    func fastCheck(_ fast: FastParameterPlan, _ captures: PathCaptures, target: String) -> FastParameterOutcome {
        var outcome = FastParameterOutcome()
        fastCheck(fast, captures, target: target, into: &outcome)
        return outcome
    }

    /// ``fastCheck(_:_:target:)`` into a fresh `outcome` of the caller's (returning it copied its
    /// hundred and forty bytes once more per request).
    func fastCheck(
        _ fast: FastParameterPlan, _ captures: PathCaptures, target: String, into outcome: inout FastParameterOutcome
    ) {
        let read: Void? = target.utf8.withContiguousStorageIfAvailable { bytes in
            // Through the buffer, each check unretained (see `ValidationPlan.withOperation(_:_:)`):
            // iterating the array copied each value, retaining and releasing its check.
            let certain = fast.pathValues.withUnsafeBufferPointer { values -> Bool in
                var k = 0
                while k < values.count {
                    guard values[k].capture < captures.count else { return false }
                    let value = UnsafeBufferPointer(rebasing: bytes[captures.range(values[k].capture)])
                    let accepted = Unmanaged.passUnretained(values[k].check)._withUnsafeGuaranteedRef {
                        accepts(string: value, $0, askSchema: false)
                    }
                    if !accepted { outcome.refused |= 1 &<< UInt64(values[k].entry) }
                    k &+= 1
                }
                return true
            }
            guard certain else {
                outcome.isCertain = false
                return
            }
            if !fast.queryValues.isEmpty { queryCheck(fast, bytes, pathEnd: captures.pathEnd, &outcome) }
        }
        if read == nil { outcome.isCertain = false }
    }

    /// Whether the string value with bytes `bytes` passes `check`, as
    /// ``validate(_:_:options:refused:into:)`` would find for `.string` of them. When the scalar
    /// check refuses it, the schema is asked only if `askSchema` (the refusal is most likely right).
    @inline(__always) func accepts(
        string bytes: UnsafeBufferPointer<UInt8>, _ check: ParameterCheck, askSchema: Bool = true
    ) -> Bool {
        guard check.schema >= 0 else { return true }
        if let scalar = check.scalar {
            if scalar.accepts(string: bytes) { return true }
            if !askSchema { return false }
        }
        return plan.schemas[check.schema].isValid(stringBytes: bytes, options: plan.parameterOptions)
    }

    /// Finds the query items of the target with bytes `bytes`, split as ``QueryString`` splits them,
    /// and judges each declared one, given once with a non-empty value (anything else: not certain).
    /// `pathEnd` is where the router found the path to end: the target's first `?`, if any.
    func queryCheck(
        _ fast: FastParameterPlan, _ bytes: UnsafeBufferPointer<UInt8>, pathEnd: Int, _ outcome: inout FastParameterOutcome
    ) {
        // The query starts after the first `?` (a second one right after it is dropped, as
        // `QueryString` drops a leading `?`).
        var start = pathEnd &+ 1
        if start < bytes.count && bytes[start] == UInt8(ascii: "?") { start &+= 1 }
        let located = fast.queryNameBytes.withUnsafeBufferPointer { names in
            fast.queryNameBounds.withUnsafeBufferPointer { bounds in
                Self.locate(names, bounds, in: bytes, from: start, into: &outcome.found)
            }
        }
        guard located else {
            outcome.isCertain = false
            return
        }
        // Through the buffer, each check unretained, as the path values (see `fastCheck`).
        let certain = fast.queryValues.withUnsafeBufferPointer { values -> Bool in
            var j = 0
            while j < values.count {
                let valueStart = outcome.found[2 &* j]
                if valueStart < 0 {
                    if values[j].required { return false }
                } else {
                    let valueEnd = outcome.found[2 &* j &+ 1]
                    guard valueEnd > valueStart else { return false }
                    let raw = UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])
                    let type = values[j].type
                    let judgement = Unmanaged.passUnretained(values[j].check)._withUnsafeGuaranteedRef {
                        judge(query: raw, type, $0)
                    }
                    switch judgement {
                    case .accepted: break
                    case .refused: outcome.refused |= 1 &<< UInt64(values[j].entry)
                    case .unsure: return false
                    }
                }
                j &+= 1
            }
            return true
        }
        if !certain { outcome.isCertain = false }
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

    /// What becomes of a query value, as written (`raw`: ASCII, not empty), once percent-decoded.
    func judge(query raw: UnsafeBufferPointer<UInt8>, _ type: PrimitiveType, _ check: ParameterCheck) -> FastJudgement {
        guard raw.contains(UInt8(ascii: "%")) else { return judge(decoded: raw, type, check) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { buffer in
            var count = 0
            var k = 0
            while k < raw.count {
                var byte = raw[k]
                if byte == UInt8(ascii: "%") {
                    guard k &+ 2 < raw.count, let high = PercentDecoding.hexValue(raw[k &+ 1]),
                        let low = PercentDecoding.hexValue(raw[k &+ 2])
                    else { return .unsure }
                    byte = high << 4 | low
                    // Decoded text that is not ASCII must be checked as UTF-8: the decoders do that.
                    guard byte < 0x80 else { return .unsure }
                    k &+= 3
                } else {
                    k &+= 1
                }
                buffer[count] = byte
                count &+= 1
            }
            return judge(decoded: UnsafeBufferPointer(rebasing: buffer[0..<count]), type, check)
        }
    }

    /// Whether a decoded query value passes: as text for a string, as the JSON value
    /// ``PrimitiveType/coerce(_:)`` makes of it otherwise. A value the scalar check refuses is
    /// refused without asking the schema.
    func judge(decoded bytes: UnsafeBufferPointer<UInt8>, _ type: PrimitiveType, _ check: ParameterCheck) -> FastJudgement {
        guard check.schema >= 0 else { return .accepted }
        switch type {
        case .string:
            return accepts(string: bytes, check, askSchema: false) ? .accepted : .refused
        case .integer, .number:
            if let scalar = check.scalar {
                if let integer = Self.plainInteger(bytes) {
                    if let verdict = scalar.judge(integer: integer) { return verdict ? .accepted : .refused }
                } else if !scalar.allowsString && !PrimitiveType.isJSONNumber(bytes: bytes) {
                    // Not a number, so it stays a string, which the schema's `type` refuses.
                    return .refused
                }
            }
        case .boolean:
            break
        }
        let coerced = type.coerce(String(decoding: bytes, as: UTF8.self))
        let schema = plan.schemas[check.schema]
        let valid: Bool
        if case .string(let text) = coerced {
            valid = schema.isValid(string: text, options: plan.parameterOptions)
        } else {
            valid = schema.isValid(coerced, options: plan.parameterOptions)
        }
        return valid ? .accepted : .refused
    }

    /// Words the violations of the values `outcome` refused, for a certain outcome: each value as
    /// the decoders would have decoded it, validated in declaration order, as
    /// ``checkParameters(_:_:target:fields:into:)-(_,PathCaptures,_,_,_)`` would. `false` (and
    /// nothing added) when a value is not where the decoders would look for it.
    func wordRefused(
        _ operation: OperationPlan, _ fast: FastParameterPlan, _ outcome: FastParameterOutcome, _ captures: PathCaptures,
        target: String, into violations: inout [Diagnostic]
    ) -> Bool {
        let entries = operation.parameters.entries
        // Added in place (a local array appended at the end copied each diagnostic once more), and
        // taken back if the decoders must judge after all.
        let count = violations.count
        var mask = outcome.refused
        while mask != 0 {
            let k = mask.trailingZeroBitCount
            mask &= mask &- 1
            let check = entries[k].check
            if let type = check.pathPrimitive {
                guard
                    let capture = plan.router.matcher.captureIndex(
                        rank: captures.rank, name: entries[k].decoder.definition.name)
                else {
                    violations.removeSubrange(count...)
                    return false
                }
                checkPathValue(type, captures.range(capture), in: target, check, refused: true, into: &violations)
            } else {
                guard let j = fast.queryValues.firstIndex(where: { $0.entry == k }) else {
                    violations.removeSubrange(count...)
                    return false
                }
                let utf8 = target.utf8
                let raw = Substring(
                    utf8[utf8.index(utf8.startIndex, offsetBy: outcome.found[2 &* j])..<utf8.index(
                        utf8.startIndex, offsetBy: outcome.found[2 &* j &+ 1])])
                // As the `form` decoder decodes a primitive: the whole value percent-decoded.
                guard let text = try? PercentDecoding.decode(raw) else {
                    violations.removeSubrange(count...)
                    return false
                }
                validate(
                    fast.queryValues[j].type.coerce(text), check, options: plan.parameterOptions, refused: true,
                    into: &violations)
            }
        }
        return true
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
