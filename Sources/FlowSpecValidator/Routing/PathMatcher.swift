#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// The non-generic core of ``Router``: compiled patterns, the route table, and the byte-level work of
/// matching a request path and extracting its parameters. Keeping it free of the operation-ID type
/// means it is compiled once, fully specialised, rather than through generic metadata at run time.
@usableFromInline
struct PathMatcher: Sendable {
    struct CompiledPattern: Sendable {
        let routeIndex: Int
        let segments: [SegmentPattern]
        /// The segments with variables to report (not literal, not from a server URL), with their names.
        let captures: [(segment: Int, names: [String])]
        /// How many parameters a match reports.
        let parameterCount: Int
    }

    @usableFromInline
    enum Match: Sendable {
        case matched(routeIndex: Int, parameters: [PathParameter])
        case notFound
        case invalid(RoutingError)
    }

    let patterns: [CompiledPattern]
    let table: RouteTable

    init(basePaths: [PathTemplate], templates: [PathTemplate]) {
        var compiled: [(pattern: CompiledPattern, key: (Int, Int, Int, Int))] = []
        for (routeIndex, template) in templates.enumerated() {
            for (baseIndex, base) in basePaths.enumerated() {
                let segments = (base.segments + template.segments).map(SegmentPattern.init)
                var captures: [(segment: Int, names: [String])] = []
                for (offset, segment) in template.segments.enumerated() where !segment.isLiteral {
                    let names = segment.parts.compactMap { part -> String? in
                        if case .variable(let name) = part { return name }
                        return nil
                    }
                    captures.append((base.segments.count + offset, names))
                }
                let literals = segments.count { $0.isLiteral }
                let mixed = segments.count { $0.isMixed }
                let pattern = CompiledPattern(
                    routeIndex: routeIndex, segments: segments, captures: captures,
                    parameterCount: captures.reduce(0) { $0 + $1.names.count })
                compiled.append((pattern, (-literals, -mixed, routeIndex, baseIndex)))
            }
        }
        compiled.sort { $0.key < $1.key }
        self.patterns = compiled.map(\.pattern)
        self.table = RouteTable(patterns: patterns.map(\.segments))
    }

    @usableFromInline
    func match(_ path: String) -> Match {
        match(path, from: 0)
    }

    /// Matches the path that starts at UTF-8 offset `offset` of `text` (a request target given as an
    /// absolute URL is read in place, past its scheme and authority).
    @usableFromInline
    func match(_ text: String, from offset: Int) -> Match {
        switch match(text, from: offset, inPlace: false) {
        case .general(let match): return match
        case .captured: return .notFound  // Not given when `inPlace` is false.
        }
    }

    /// ``match(_:from:)``, but a match whose captures lie in the text as they are (no
    /// percent-escapes in the path, every capture a whole segment, at most ``PathCaptures/capacity``
    /// of them) is answered with their offsets, without building the parameters.
    func matchInPlace(_ text: String, from offset: Int) -> InPlaceMatch {
        match(text, from: offset, inPlace: true)
    }

    private func match(_ text: String, from offset: Int, inPlace: Bool) -> InPlaceMatch {
        if let result = text.utf8.withContiguousStorageIfAvailable({
            match(raw: UnsafeBufferPointer(rebasing: $0[offset...]), offset: offset, inPlace: inPlace)
        }) {
            return result
        }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable {
            // Offsets into a copy mean nothing to the caller: build the parameters.
            match(raw: UnsafeBufferPointer(rebasing: $0[offset...]), offset: offset, inPlace: false)
        } ?? .general(.notFound)
    }

    /// The index, among the captures of the pattern ranked `rank`, of the variable `name`.
    func captureIndex(rank: Int, name: String) -> Int? {
        patterns[rank].captures.firstIndex { $0.names[0] == name }
    }

    private func match(raw: UnsafeBufferPointer<UInt8>, offset: Int, inPlace: Bool) -> InPlaceMatch {
        guard raw.count > 0, raw[0] == UInt8(ascii: "/"), table.maximumDepth > 0 else { return .general(.notFound) }
        let capacity = table.maximumDepth
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * capacity) { bounds in
            // bounds[0..<2n]: raw segment ranges; bounds[2·capacity...]: decoded ranges when there are escapes.
            // One pass finds the end of the path (the query starts at "?"), the segments, and whether to
            // decode; a path with more segments than any pattern stops early.
            var end = raw.count
            var count = 0
            var start = 1
            var hasEscapes = false
            var index = 1
            while index < raw.count {
                // Sixteen or eight bytes at a time up to the next `/`, `%` or `?`; the byte loop takes
                // the rest.
                index = Self.nextDelimiter(raw, from: index)
                guard index < raw.count else { break }
                let byte = raw[index]
                if byte == UInt8(ascii: "/") {
                    guard count + 1 < capacity else { return .general(.notFound) }
                    bounds[2 * count] = start
                    bounds[2 * count + 1] = index
                    count += 1
                    start = index + 1
                } else if byte == UInt8(ascii: "%") {
                    hasEscapes = true
                } else if byte == UInt8(ascii: "?") {
                    end = index
                    break
                }
                index += 1
            }
            bounds[2 * count] = start
            bounds[2 * count + 1] = end
            count += 1
            guard hasEscapes else {
                let rawBounds = UnsafeBufferPointer(rebasing: bounds[0..<(2 * count)])
                guard let rank = table.bestMatch(raw, bounds: rawBounds, count: count) else { return .general(.notFound) }
                if inPlace, let captures = captures(rank: rank, bounds: bounds, offset: offset, end: end) {
                    return .captured(captures)
                }
                return .general(finish(rank: rank, raw: raw, decoded: raw, bounds: bounds, decodedOffset: capacity))
            }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(end)
            for index in 0..<count {
                let rawStart = bounds[2 * index]
                let rawEnd = bounds[2 * index + 1]
                let decodedStart = decoded.count
                var position = rawStart
                var escaped = false
                while position < rawEnd {
                    let byte = raw[position]
                    if byte == UInt8(ascii: "%") {
                        guard position + 2 < rawEnd,
                            let high = PercentDecoding.hexValue(raw[position + 1]),
                            let low = PercentDecoding.hexValue(raw[position + 2])
                        else {
                            let path = String(decoding: raw[0..<end], as: UTF8.self)
                            return .general(.invalid(RoutingError(path: path, offset: position, kind: .malformedEscape)))
                        }
                        decoded.append(high << 4 | low)
                        position += 3
                        escaped = true
                    } else {
                        decoded.append(byte)
                        position += 1
                    }
                }
                if escaped, !PercentDecoding.isUTF8(decoded[decodedStart...]) {
                    let path = String(decoding: raw[0..<end], as: UTF8.self)
                    let text = String(decoding: raw[rawStart..<rawEnd], as: UTF8.self)
                    return .general(.invalid(RoutingError(path: path, offset: rawStart, kind: .notUTF8(segment: text))))
                }
                bounds[2 * (capacity + index)] = decodedStart
                bounds[2 * (capacity + index) + 1] = decoded.count
            }
            return decoded.withUnsafeBufferPointer { decodedBytes in
                let decodedBounds = UnsafeBufferPointer(rebasing: bounds[(2 * capacity)...])
                guard let rank = table.bestMatch(decodedBytes, bounds: decodedBounds, count: count) else {
                    return .general(.notFound)
                }
                return .general(
                    finish(rank: rank, raw: raw, decoded: decodedBytes, bounds: bounds, decodedOffset: capacity))
            }
        }
    }

    /// The offset of the first `/`, `%` or `?` of `raw` at or after `start`, or an offset at most
    /// seven bytes before the end from which the caller's byte loop goes on (`raw.count` when the
    /// text ends first). Sixteen bytes at a time with SSE2 on x86-64 (where a path's segments, a
    /// UUID say, are mostly longer than eight bytes), then eight.
    @inline(__always) static func nextDelimiter(_ raw: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        guard let base = raw.baseAddress else { return index }
        #if arch(x86_64)
            let slash = _mm_set1_epi8(0x2F)
            let percent = _mm_set1_epi8(0x25)
            let mark = _mm_set1_epi8(0x3F)
            while index &+ 16 <= raw.count {
                let v = _mm_loadu_si128(UnsafeRawPointer(base + index).assumingMemoryBound(to: __m128i.self))
                let hits = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmpeq_epi8(v, percent)), _mm_cmpeq_epi8(v, mark))
                let mask = _mm_movemask_epi8(hits)
                if mask != 0 { return index &+ Int(mask.trailingZeroBitCount) }
                index &+= 16
            }
        #endif
        while index &+ 8 <= raw.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let hits = Self.delimiters(word)
            if hits != 0 { return index &+ (hits.trailingZeroBitCount &>> 3) }
            index &+= 8
        }
        return index
    }

    /// The high bit of each byte of `word` (read little-endian, so the first byte is lowest) that is
    /// `/`, `%` or `?`: exact per byte, with no carries between bytes.
    @inline(__always) static func delimiters(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func equal(_ byte: UInt8) -> UInt64 {
            let x = word ^ (UInt64(byte) &* ones)
            return ~(((x & low7) &+ low7) | x) & ~low7
        }
        // `/` (0x2F) and `?` (0x3F) differ only in bit 0x10: with it set, one comparison finds both.
        let slashOrMark = word | 0x1010_1010_1010_1010
        let x = slashOrMark ^ (UInt64(UInt8(ascii: "?")) &* ones)
        return (~(((x & low7) &+ low7) | x) & ~low7) | equal(UInt8(ascii: "%"))
    }

    /// The winning pattern's captures as offsets into the text (`offset` is where `raw` starts in
    /// it, `end` where its path ends), when each is one whole segment and they fit; `nil` otherwise.
    private func captures(rank: Int, bounds: UnsafeMutableBufferPointer<Int>, offset: Int, end: Int) -> PathCaptures? {
        let pattern = patterns[rank]
        guard pattern.captures.count <= PathCaptures.capacity else { return nil }
        var captures = PathCaptures(
            rank: rank, routeIndex: pattern.routeIndex, count: pattern.captures.count, pathEnd: offset &+ end)
        var k = 0
        while k < pattern.captures.count {
            let index = pattern.captures[k].segment
            if case .mixed = pattern.segments[index] { return nil }
            captures.bounds[2 &* k] = offset &+ bounds[2 &* index]
            captures.bounds[2 &* k &+ 1] = offset &+ bounds[2 &* index &+ 1]
            k &+= 1
        }
        return captures
    }

    /// Extracts the winning pattern's path parameters.
    private func finish(
        rank: Int, raw: UnsafeBufferPointer<UInt8>, decoded: UnsafeBufferPointer<UInt8>,
        bounds: UnsafeMutableBufferPointer<Int>, decodedOffset: Int
    ) -> Match {
        let pattern = patterns[rank]
        let separate = raw.baseAddress != decoded.baseAddress
        var parameters: [PathParameter] = []
        parameters.reserveCapacity(pattern.parameterCount)
        for (index, names) in pattern.captures {
            let rawRange = bounds[2 * index]..<bounds[2 * index + 1]
            let decodedRange =
                separate ? bounds[2 * (decodedOffset + index)]..<bounds[2 * (decodedOffset + index) + 1] : rawRange
            guard case .mixed(let pieces) = pattern.segments[index] else {
                parameters.append(Self.parameter(names[0], raw, rawRange, decoded, decodedRange))
                continue
            }
            let ranges = SegmentPattern.matchMixed(pieces, decoded, decodedRange, capturing: true) ?? []
            for (name, range) in zip(names, ranges) {
                var rawPart = range
                if separate {
                    let lower = Self.rawOffset(of: range.lowerBound, raw, rawRange.lowerBound, decodedRange.lowerBound)
                    let upper = Self.rawOffset(of: range.upperBound, raw, rawRange.lowerBound, decodedRange.lowerBound)
                    rawPart = lower..<upper
                }
                parameters.append(Self.parameter(name, raw, rawPart, decoded, range))
            }
        }
        return .matched(routeIndex: pattern.routeIndex, parameters: parameters)
    }

    private static func parameter(
        _ name: String, _ raw: UnsafeBufferPointer<UInt8>, _ rawRange: Range<Int>,
        _ decoded: UnsafeBufferPointer<UInt8>, _ decodedRange: Range<Int>
    ) -> PathParameter {
        let rawValue = String(decoding: UnsafeBufferPointer(rebasing: raw[rawRange]), as: UTF8.self)
        // Each escape shortens the text, so equal lengths mean there was none.
        let decodedValue =
            rawRange.count == decodedRange.count
            ? rawValue : String(decoding: UnsafeBufferPointer(rebasing: decoded[decodedRange]), as: UTF8.self)
        return PathParameter(name: name, rawValue: rawValue, decodedValue: decodedValue)
    }

    /// The raw offset of a decoded offset inside one segment (each `%XX` is one decoded byte).
    private static func rawOffset(
        of target: Int, _ raw: UnsafeBufferPointer<UInt8>, _ rawStart: Int, _ decodedStart: Int
    ) -> Int {
        var rawPosition = rawStart
        var decodedPosition = decodedStart
        while decodedPosition < target {
            rawPosition += raw[rawPosition] == UInt8(ascii: "%") ? 3 : 1
            decodedPosition += 1
        }
        return rawPosition
    }
}
