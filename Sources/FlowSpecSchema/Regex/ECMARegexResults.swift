extension ECMARegex {
    /// The answer to "does the pattern match somewhere?", including the case where the step budget ran out.
    public enum MatchResult: Sendable, Hashable {
        case matched
        case noMatch
        /// The backtracking matcher used more than ``Options/maxSteps`` steps: the pattern is too costly for this
        /// input. Report it; do not treat it as either answer.
        case budgetExceeded
    }

    /// The answer to "where is the first match?", including the case where the step budget ran out.
    public enum SearchResult: Sendable, Hashable {
        case found(Range<String.Index>)
        case notFound
        /// See ``MatchResult/budgetExceeded``.
        case budgetExceeded
    }
}
