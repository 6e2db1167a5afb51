/// A compiled `pattern` (or `patternProperties` key, or `format: regex` check), backed by
/// ``ECMARegex``: ECMA-262 semantics, linear time for patterns without backreferences or lookaround,
/// and a step budget for those with them.
struct PatternMatcher: Sendable {
    private let regex: ECMARegex

    fileprivate init(regex: ECMARegex) { self.regex = regex }

    /// Whether the pattern matches anywhere in `string` (ECMA-262 `RegExp.prototype.test`, unanchored).
    ///
    /// A match that runs out of its step budget counts as no match: validation fails closed.
    func matches(_ string: String) -> Bool { regex.evaluate(string) == .matched }

    /// The same on UTF-8 bytes, without making a `String`.
    func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool { regex.evaluate(utf8: bytes) == .matched }
}

/// Why a pattern does not compile.
struct PatternError: Error, Sendable {
    /// Offset in the pattern, when known.
    var offset: Int?
    var message: String
}

/// Compiles an ECMA-262 pattern.
func compilePattern(_ pattern: String) throws(PatternError) -> PatternMatcher {
    do {
        return PatternMatcher(regex: try ECMARegex(pattern))
    } catch {
        throw PatternError(offset: error.offset, message: error.message)
    }
}
