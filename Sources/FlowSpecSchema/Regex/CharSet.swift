/// A set of code points: what a character class, `.`, `\d` or `\p{...}` matches.
///
/// Code points below 128 are answered from a precomputed 128-bit map, so the common ASCII case is two shifts and a
/// mask. Above that the set is explicit sorted ranges plus Unicode property tests (general categories and binary
/// properties are asked of `Unicode.Scalar.Properties` rather than expanded into thousands of ranges).
struct CharSet: Sendable, Hashable {
    /// Membership of code points 0...63 and 64...127, negation already applied.
    let asciiLow: UInt64
    let asciiHigh: UInt64
    /// Sorted, disjoint, non-adjacent ranges.
    let ranges: [ClosedRange<UInt32>]
    /// Property tests, united with ``ranges``.
    let properties: [PropertyTerm]
    /// Whether the set is the complement of `ranges ∪ properties` (a `[^...]` class or `.`).
    let isNegated: Bool
    /// For sets with property tests, membership of U+0080...U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic...):
    /// 240 bytes that spare the common two-byte UTF-8 characters a property lookup.
    let twoByteMap: [UInt64]

    init(ranges: [ClosedRange<UInt32>], properties: [PropertyTerm] = [], negated: Bool = false) {
        self.ranges = CharSet.normalized(ranges)
        self.properties = properties
        self.isNegated = negated
        var low: UInt64 = 0
        var high: UInt64 = 0
        for codePoint in UInt32(0)..<128 where CharSet.slowContains(codePoint, self.ranges, properties, negated) {
            if codePoint < 64 { low |= 1 << UInt64(codePoint) } else { high |= 1 << UInt64(codePoint - 64) }
        }
        asciiLow = low
        asciiHigh = high
        var twoByteMap: [UInt64] = []
        if !properties.isEmpty {
            twoByteMap = [UInt64](repeating: 0, count: (0x800 - 0x80) / 64)
            for codePoint in UInt32(0x80)..<0x800
            where CharSet.slowContains(codePoint, self.ranges, properties, negated) {
                let bit = Int(codePoint - 0x80)
                twoByteMap[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        self.twoByteMap = twoByteMap
    }

    /// A set of single code points.
    init(_ codePoints: [UInt32], negated: Bool = false) {
        self.init(ranges: codePoints.map { $0...$0 }, negated: negated)
    }

    /// Whether the set holds `codePoint`.
    @inline(__always)
    func contains(_ codePoint: UInt32) -> Bool {
        if codePoint < 64 { return asciiLow &>> UInt64(codePoint) & 1 != 0 }
        if codePoint < 128 { return asciiHigh &>> UInt64(codePoint - 64) & 1 != 0 }
        return containsNonASCII(codePoint)
    }

    /// Whether the set holds `codePoint`, which must be 128 or above.
    func containsNonASCII(_ codePoint: UInt32) -> Bool {
        if codePoint < 0x800 && !twoByteMap.isEmpty {
            let bit = Int(codePoint - 0x80)
            return twoByteMap[bit / 64] &>> UInt64(bit % 64) & 1 != 0
        }
        return CharSet.slowContains(codePoint, ranges, properties, isNegated)
    }

    /// Whether membership depends only on ``ranges`` (no property tests), so it is constant between range bounds.
    var isRangesOnly: Bool { properties.isEmpty }

    /// The set with membership flipped.
    var inverted: CharSet {
        CharSet(ranges: ranges, properties: properties, negated: !isNegated)
    }

    /// This set's ranges, with negation applied when there are no property tests (which cannot be complemented
    /// into ranges). Used to unite class items.
    var positiveRanges: [ClosedRange<UInt32>] {
        isNegated ? CharSet.complement(ranges) : ranges
    }

    /// The union of `items`. Items must not be negated unless they are ranges only (`\D`, `\S`, `\W` and negated
    /// scripts are; negated general categories carry the negation in their ``PropertyTerm``).
    static func union(_ items: [CharSet], negated: Bool) -> CharSet {
        var ranges: [ClosedRange<UInt32>] = []
        var properties: [PropertyTerm] = []
        for item in items {
            ranges += item.positiveRanges
            for term in item.properties where !properties.contains(term) { properties.append(term) }
        }
        return CharSet(ranges: ranges, properties: properties, negated: negated)
    }

    private static func slowContains(
        _ codePoint: UInt32, _ ranges: [ClosedRange<UInt32>], _ properties: [PropertyTerm], _ negated: Bool
    ) -> Bool {
        if rangesContain(ranges, codePoint) { return !negated }
        for property in properties where property.contains(codePoint) { return !negated }
        return negated
    }

    private static func rangesContain(_ ranges: [ClosedRange<UInt32>], _ codePoint: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if codePoint < range.lowerBound {
                high = middle
            } else if codePoint > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Sorts and merges overlapping or adjacent ranges.
    static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        guard ranges.count > 1 else { return ranges }
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The code points 0...10FFFF not in `ranges` (which must be normalized).
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return result
    }
}
