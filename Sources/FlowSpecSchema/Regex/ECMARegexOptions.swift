extension ECMARegex {
    /// Budgets that keep hostile patterns and inputs from costing unbounded time or memory.
    ///
    /// The defaults suit request validation: every realistic API pattern fits with room to spare, and the worst case
    /// stays in the low milliseconds.
    public struct Options: Sendable, Hashable {
        /// The most steps the backtracking matcher may take for one call to a match method, over all start positions.
        ///
        /// Only patterns with backreferences or lookaround use the backtracking matcher (``ECMARegex/isLinear`` is
        /// `false`); every other pattern runs in time linear in the input and ignores this budget. When the budget
        /// runs out the match reports ``ECMARegex/MatchResult/budgetExceeded``.
        public var maxSteps: Int

        /// The most instructions a pattern may compile to. Counted repetition is expanded when compiling, so
        /// `(?:(?:a{1000}){1000})` needs a million instructions and is refused with
        /// ``ECMARegexError/Code/patternTooComplex``.
        public var maxProgramSize: Int

        /// The deepest nesting of groups, classes and lookarounds accepted (the parser and compiler recurse on it).
        /// Values above 200 are treated as 200.
        public var maxNestingDepth: Int

        public init(maxSteps: Int = 1_000_000, maxProgramSize: Int = 100_000, maxNestingDepth: Int = 100) {
            self.maxSteps = maxSteps
            self.maxProgramSize = maxProgramSize
            self.maxNestingDepth = maxNestingDepth
        }
    }
}
