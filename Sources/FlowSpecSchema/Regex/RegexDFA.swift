/// A deterministic automaton for "does the pattern match anywhere in the input?", built once when the pattern is
/// compiled; matching is one table lookup per code point, with no allocation.
///
/// The alphabet is compressed: ASCII bytes map to classes through a 128-entry table; other code points map through
/// a binary search over the bounds of the pattern's explicit ranges, combined with one bit per set that tests a
/// Unicode property (at most ``DFABuilder/maxPropertySets`` of them). Patterns with `\b`/`\B`, backreferences or
/// lookaround, and patterns whose automaton would exceed the state budget, have no DFA and use the ``PikeVM``.
final class RegexDFA: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A match has been found; the answer is yes whatever follows.
        static let accepting = Flags(rawValue: 1)
        /// The input matches if it ends here (a pending `$`).
        static let acceptingAtEnd = Flags(rawValue: 2)
        /// No match is possible any more (a `^`-anchored pattern that failed).
        static let dead = Flags(rawValue: 4)
    }

    let asciiSymbols: [UInt8]
    /// Starts of the non-ASCII intervals; interval `i` runs to `intervalStarts[i + 1]` (or U+10FFFF).
    let intervalStarts: [UInt32]
    let intervalClasses: [UInt16]
    /// Sets that test Unicode properties; each adds one bit to a non-ASCII symbol.
    let propertySets: [CharSet]
    /// The first non-ASCII symbol.
    let nonASCIIBase: Int
    /// Symbols per state, the length of one row of ``transitions``.
    let stride: Int
    /// `transitions[row + symbol]` is the row of the next state: rows are premultiplied by ``stride`` so the hot
    /// loop does one load per character. Accepting and dead states are numbered last, so one comparison against
    /// ``firstSpecialRow`` tells the loop when to stop.
    let transitions: [UInt32]
    let flags: [Flags]
    let initialRow: Int
    let firstSpecialRow: Int

    init(
        asciiSymbols: [UInt8], intervalStarts: [UInt32], intervalClasses: [UInt16], propertySets: [CharSet],
        nonASCIIBase: Int, stride: Int, transitions: [UInt32], flags: [Flags], initialRow: Int, firstSpecialRow: Int
    ) {
        self.asciiSymbols = asciiSymbols
        self.intervalStarts = intervalStarts
        self.intervalClasses = intervalClasses
        self.propertySets = propertySets
        self.nonASCIIBase = nonASCIIBase
        self.stride = stride
        self.transitions = transitions
        self.flags = flags
        self.initialRow = initialRow
        self.firstSpecialRow = firstSpecialRow
    }

    /// Whether the pattern matches somewhere in `bytes`.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        transitions.withUnsafeBufferPointer { transitions in
            asciiSymbols.withUnsafeBufferPointer { asciiSymbols in
                var row = initialRow
                var index = 0
                let count = bytes.count
                let special = firstSpecialRow
                while row < special && index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        row = Int(transitions[row &+ Int(asciiSymbols[Int(byte)])])
                        index &+= 1
                    } else {
                        let (codePoint, length) = UTF8Scalars.decode(bytes, at: index)
                        row = Int(transitions[row &+ nonASCIISymbol(codePoint)])
                        index &+= length
                    }
                }
                let stateFlags = flags[row / stride]
                if stateFlags.contains(.accepting) { return true }
                return index == count && stateFlags.contains(.acceptingAtEnd)
            }
        }
    }

    /// The symbol of a code point of 128 or above.
    func nonASCIISymbol(_ codePoint: UInt32) -> Int {
        var low = 0
        var high = intervalStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if intervalStarts[middle] <= codePoint { low = middle } else { high = middle }
        }
        var symbol = Int(intervalClasses[low]) << propertySets.count
        for (bit, set) in propertySets.enumerated() where set.containsNonASCII(codePoint) {
            symbol |= 1 << bit
        }
        return nonASCIIBase + symbol
    }
}
