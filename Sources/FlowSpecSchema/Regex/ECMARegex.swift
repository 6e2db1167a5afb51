/// A compiled ECMA-262 regular expression, as JSON Schema's `pattern`, `patternProperties` and `format: regex`
/// require ([JSON Schema Validation §6.3.3](https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3),
/// [§4.3](https://json-schema.org/draft/2020-12/json-schema-core#section-4.3)), that can never hang.
///
/// Patterns are read with ECMA-262's `u` flag and no other flag: they work on Unicode code points, `\p{...}`
/// property escapes are available, and the syntax is strict. Matching is a *search*, as JSON Schema's `pattern` is:
/// `ECMARegex("a+").matches("xaay")` is `true`; anchor with `^...$` to match the whole string.
///
/// ```swift
/// let code = try ECMARegex(#"^\d{3}-\d{4}$"#)
/// code.matches("555-0100")   // true
/// code.matches("555-0100\n") // false: `$` matches only at the very end
/// ```
///
/// Semantics follow ECMA-262 where engines commonly differ: `.` excludes the line terminators LF, CR, U+2028 and
/// U+2029; `^` and `$` match only at the start and end of the input; `\d` and `\w` are ASCII-only while `\s` is
/// Unicode whitespace; `\b` uses `\w`. Groups, named groups (duplicates allowed in different alternatives),
/// greedy and lazy quantifiers, lookahead, lookbehind (variable width) and backreferences are supported.
///
/// ## Engines and budgets
/// A pattern without backreferences and lookaround (``isLinear``) is matched in time linear in the input:
/// by a precomputed DFA when it fits (one table lookup per character, no allocation) and by a Pike VM otherwise
/// (O(pattern × input)). Other patterns use a backtracking matcher bounded by ``Options/maxSteps``; when the budget
/// runs out the result is ``MatchResult/budgetExceeded``, which a validator should report as an error rather than
/// as a match or a mismatch. The budget is per search, so very long inputs (hundreds of kilobytes) may need a
/// larger one even for benign lookaround patterns. Counted repetition is expanded at compile time and bounded by
/// ``Options/maxProgramSize``. Use ``catastrophicBacktrackingRisk(_:)`` to warn about patterns that other,
/// backtracking, engines cannot run safely.
///
/// ## Not supported
/// - Flags and modifiers (`(?i:...)`, ES2025): JSON Schema patterns have none. They are reported as
///   ``ECMARegexError/Code/unsupportedFeature``.
/// - The `v` flag's class set syntax and properties of strings (`\p{RGI_Emoji}`): not valid with `u`.
/// - Scripts newer than Unicode 16.0 (the toolchain's Unicode version); general categories and binary
///   properties come from `Unicode.Scalar.Properties`.
///
/// Values are immutable and `Sendable`: compile once, match from any number of threads.
public struct ECMARegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    /// The budgets the pattern was compiled with.
    public let options: Options
    private let compiled: CompiledRegex

    /// Compiles `pattern`, or throws an ``ECMARegexError`` locating the first problem.
    public init(_ pattern: String, options: Options = Options()) throws(ECMARegexError) {
        self.pattern = pattern
        self.options = options
        compiled = try CompiledRegex(pattern, options: options)
    }

    /// Checks that `pattern` is valid ECMA-262 (with the `u` flag) without compiling it, as `format: regex` asks.
    ///
    /// Cheaper than ``init(_:options:)`` and free of its program-size budget: `a{99999}` is valid syntax even
    /// though compiling it is refused. Only the nesting-depth limit (``Options/maxNestingDepth``) still applies.
    public static func validateSyntax(_ pattern: String, options: Options = Options()) throws(ECMARegexError) {
        _ = try RegexParser.parse(pattern, maxDepth: options.maxNestingDepth)
    }

    /// Whether matching takes time linear in the input (no backreferences or lookaround), so ``Options/maxSteps``
    /// never applies.
    public var isLinear: Bool { compiled.backtracker == nil }

    /// Whether the pattern matches somewhere in `string`. A search that exceeds the step budget counts as no match;
    /// use ``evaluate(_:)`` to tell the two apart.
    public func matches(_ string: String) -> Bool {
        evaluate(string) == .matched
    }

    /// Whether the pattern matches somewhere in UTF-8 `bytes` (invalid sequences read as U+FFFD). A search that
    /// exceeds the step budget counts as no match; use ``evaluate(utf8:)`` to tell the two apart.
    public func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        evaluate(utf8: bytes) == .matched
    }

    /// Whether the pattern matches somewhere in `string`, or that the step budget ran out first.
    public func evaluate(_ string: String) -> MatchResult {
        var string = string
        return string.withUTF8 { evaluate(utf8: $0) }
    }

    /// Whether the pattern matches somewhere in UTF-8 `bytes`, or that the step budget ran out first.
    public func evaluate(utf8 bytes: UnsafeBufferPointer<UInt8>) -> MatchResult {
        compiled.evaluate(bytes)
    }

    /// The leftmost match ECMA-262 would report (`RegExp.prototype.exec`), or `nil` when there is none or the step
    /// budget ran out (``search(in:)`` tells them apart). The bounds are on Unicode scalar boundaries.
    public func firstMatch(in string: String) -> Range<String.Index>? {
        if case .found(let range) = search(in: string) { return range }
        return nil
    }

    /// The leftmost match, no match, or that the step budget ran out first.
    public func search(in string: String) -> SearchResult {
        var copy = string
        let outcome = copy.withUTF8 { compiled.firstMatch($0) }
        switch outcome {
        case .match(let range):
            let utf8 = string.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            return .found(lower..<upper)
        case .noMatch:
            return .notFound
        case .budgetExceeded:
            return .budgetExceeded
        }
    }
}

extension ECMARegex: Equatable {
    /// Two regexes are equal when they were compiled from the same pattern with the same options.
    public static func == (lhs: ECMARegex, rhs: ECMARegex) -> Bool {
        lhs.pattern == rhs.pattern && lhs.options == rhs.options
    }
}

extension ECMARegex: CustomStringConvertible {
    /// The pattern in JavaScript literal form, `/pattern/u`.
    public var description: String { "/\(pattern)/u" }
}
