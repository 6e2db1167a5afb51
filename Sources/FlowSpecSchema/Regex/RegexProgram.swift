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
}
