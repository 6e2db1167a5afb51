/// A compiled path segment: what the router compares a request segment's decoded bytes against.
///
/// Variable names are not part of the pattern, so `{a}` and `{b}` compile to the same pattern and share
/// a node of the route table.
enum SegmentPattern: Hashable, Sendable {
    /// Exactly these (percent-decoded) bytes.
    case literal([UInt8])
    /// Any non-empty segment.
    case variable
    /// Literals and non-empty variables alternating, such as `{name}.{ext}`.
    case mixed([Piece])

    enum Piece: Hashable, Sendable {
        case literal([UInt8])
        case variable
    }

    init(_ segment: PathTemplate.Segment) {
        if segment.isVariable {
            self = .variable
        } else if segment.isLiteral {
            let text = segment.parts.map(\.description).joined()
            self = .literal(Self.decodedLiteral(text))
        } else {
            self = .mixed(
                segment.parts.map { part in
                    switch part {
                    case .literal(let text): return .literal(Self.decodedLiteral(text))
                    case .variable: return .variable
                    }
                })
        }
    }

    /// Template literals are compared with decoded request segments, so they are decoded too; a literal
    /// with a malformed escape is kept as written.
    static func decodedLiteral(_ text: String) -> [UInt8] {
        Array(((try? PercentDecoding.decode(text)) ?? text).utf8)
    }

    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }

    var isMixed: Bool {
        if case .mixed = self { return true }
        return false
    }

    /// Whether `bytes[range]` matches.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        switch self {
        case .literal(let literal): return Self.equal(literal, bytes, range)
        case .variable: return !range.isEmpty
        case .mixed(let pieces): return Self.matchMixed(pieces, bytes, range, capturing: false) != nil
        }
    }

    static func equal(_ literal: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard literal.count == range.count else { return false }
        var index = range.lowerBound
        for byte in literal {
            if bytes[index] != byte { return false }
            index += 1
        }
        return true
    }

    /// Matches a mixed segment in linear time, without backtracking.
    ///
    /// Fixed literals at either end must be a prefix and a suffix. The middle alternates
    /// `variable (literal variable)*` and is matched from the right, each literal at its rightmost
    /// position that leaves every variable non-empty. Taking the rightmost position only ever leaves more
    /// room to the left, so the search never needs to go back: if this fails, no split exists. Variables
    /// to the right get the shortest value: `{name}.{ext}` splits `archive.tar.gz` into `archive.tar` and
    /// `gz`. Returns `nil` when the segment does not match, otherwise the variables' ranges left to right
    /// (an empty array, allocating nothing, unless `capturing`).
    static func matchMixed(
        _ pieces: [Piece], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, capturing: Bool
    ) -> [Range<Int>]? {
        var low = range.lowerBound
        var high = range.upperBound
        var first = 0
        var last = pieces.count - 1
        if case .literal(let prefix) = pieces[first] {
            guard high - low >= prefix.count, equal(prefix, bytes, low..<(low + prefix.count)) else { return nil }
            low += prefix.count
            first += 1
        }
        if last >= first, case .literal(let suffix) = pieces[last] {
            guard high - low >= suffix.count, equal(suffix, bytes, (high - suffix.count)..<high) else { return nil }
            high -= suffix.count
            last -= 1
        }
        guard last >= first else { return low == high ? [] : nil }
        // pieces[first...last] is variable (literal variable)*.
        var found: [Range<Int>] = []
        var index = last
        while index > first {
            guard case .literal(let separator) = pieces[index - 1] else { return nil }
            // Rightmost start s with s >= low + 1 and s + count <= high - 1.
            var start = high - 1 - separator.count
            var matched = false
            while start >= low + 1 {
                if equal(separator, bytes, start..<(start + separator.count)) {
                    matched = true
                    break
                }
                start -= 1
            }
            guard matched else { return nil }
            if capturing { found.append((start + separator.count)..<high) }
            high = start
            index -= 2
        }
        guard high > low else { return nil }
        guard capturing else { return found }
        found.append(low..<high)
        return found.reversed()
    }
}
