/// One instruction of a compiled pattern. Jump targets are instruction indices.
///
/// The linear-time engines (``PikeVM``, ``RegexDFA``) understand only the first seven kinds; the compiler emits the
/// others only for patterns that need the ``Backtracker``.
enum RegexInstruction: Sendable, Hashable {
    /// Consume one code point equal to the operand.
    case character(UInt32)
    /// Consume one code point in `RegexProgram.sets[operand]`.
    case set(Int32)
    /// Try the first target; on failure (or, in the Pike VM, with lower priority) the second.
    case split(Int32, Int32)
    case jump(Int32)
    case assertion(RegexAssertion)
    case match
    /// A dead end (the end of an optional iteration that consumed nothing, see ``RegexCompiler``).
    case fail

    /// Consume one code point leftwards (inside lookbehind).
    case characterBackward(UInt32)
    case setBackward(Int32)
    /// Record the position in a slot (capture bounds and loop registers share the slot array).
    case save(Int32)
    /// Reset slots `[from, to)` to "unset": ECMA-262 clears a quantified group's captures at every iteration.
    case clearSlots(Int32, Int32)
    /// Record where a loop iteration starts, in a register slot.
    case markPosition(Int32)
    /// Fail if the iteration that started at the register's position consumed nothing (ECMA-262's rule that an
    /// optional iteration may not match the empty string).
    case requireProgress(Int32)
    /// Match the text of whichever of `RegexProgram.backreferenceGroups[operand]` participated.
    case backreference(Int32, backward: Bool)
    /// Run the body that follows as a lookaround; continue at `continuation`.
    case lookaround(RegexLookaround, continuation: Int32)
    /// The end of a lookaround body.
    case lookaroundEnd
}

/// A compiled pattern: instructions plus the tables they index.
struct RegexProgram: Sendable {
    var instructions: [RegexInstruction] = []
    var sets: [CharSet] = []
    /// For each backreference instruction, the capture groups it may refer to (several for duplicate names).
    var backreferenceGroups: [[Int]] = []
    /// Capture slots (two per group, group 0 included) followed by loop registers.
    var slotCount = 2
    var isAnchoredAtStart = false
    var usesWordBoundary = false
    /// The bytes a match can start with, when that is a useful filter (the pattern cannot match the empty
    /// string); the Pike VM skips other start positions without simulating anything.
    var firstBytes: ByteSet?
}

/// A set of bytes, as a 256-bit map.
struct ByteSet: Sendable, Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 &>> bit & 1 != 0
        case 1: return words.1 &>> bit & 1 != 0
        case 2: return words.2 &>> bit & 1 != 0
        default: return words.3 &>> bit & 1 != 0
        }
    }

    mutating func insert(_ byte: UInt8) {
        let bit: UInt64 = 1 << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
