/// A deterministic automaton for "does the pattern match anywhere in the input?", built once when the pattern is
/// compiled; matching is one table lookup per code point, with no allocation.
///
/// The alphabet is compressed: ASCII bytes map to classes through a 128-entry table; other code points map through
/// a binary search over the bounds of the pattern's explicit ranges, combined with one bit per set that tests a
/// Unicode property (at most ``DFABuilder/maxPropertySets`` of them). Patterns with `\b`/`\B`, backreferences or
/// lookaround, and patterns whose automaton would exceed the state budget, have no DFA and use the ``PikeVM``.
struct RegexDFA: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A match has been found; the answer is yes whatever follows.
        static let accepting = Flags(rawValue: 1)
        /// The input matches if it ends here (a pending `$`).
        static let acceptingAtEnd = Flags(rawValue: 2)
        /// No match is possible any more (a `^`-anchored pattern that failed).
        static let dead = Flags(rawValue: 4)
    }

    let asciiSymbols: [UInt16]
    /// Starts of the non-ASCII intervals; interval `i` runs to `intervalStarts[i + 1]` (or U+10FFFF).
    let intervalStarts: [UInt32]
    let intervalClasses: [UInt16]
    /// Sets that test Unicode properties; each adds one bit to a non-ASCII symbol.
    let propertySets: [CharSet]
    /// The first non-ASCII symbol.
    let nonASCIIBase: Int
    /// Symbols per state.
    let stride: Int
    let transitions: [UInt16]
    let flags: [Flags]
    let initialState: Int

    /// Whether the pattern matches somewhere in `bytes`.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        transitions.withUnsafeBufferPointer { transitions in
            flags.withUnsafeBufferPointer { flags in
                asciiSymbols.withUnsafeBufferPointer { asciiSymbols in
                    var state = initialState
                    var index = 0
                    let count = bytes.count
                    while index < count {
                        let stateFlags = flags[state]
                        if stateFlags.contains(.accepting) { return true }
                        if stateFlags.contains(.dead) { return false }
                        let byte = bytes[index]
                        let symbol: Int
                        if byte < 0x80 {
                            symbol = Int(asciiSymbols[Int(byte)])
                            index += 1
                        } else {
                            let (codePoint, length) = UTF8Scalars.decode(bytes, at: index)
                            symbol = nonASCIISymbol(codePoint)
                            index += length
                        }
                        state = Int(transitions[state &* stride &+ symbol])
                    }
                    return !flags[state].isDisjoint(with: [.accepting, .acceptingAtEnd])
                }
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
