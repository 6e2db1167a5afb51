import Foundation

// TEMPORARY: a stand-in for `ECMARegex` (being written in Regex/) over Foundation's
// NSRegularExpression (ICU syntax). When ECMARegex lands, replace this one file with a
// `PatternMatcher` that wraps `ECMARegex` and a `compilePattern` that maps `ECMARegexError`'s
// `offset`/`message` into `PatternError`; nothing else in the module changes.

/// A compiled `pattern` (or `patternProperties` key, or `format: regex` check).
struct PatternMatcher: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe for matching.
    private let regex: NSRegularExpression

    fileprivate init(regex: NSRegularExpression) { self.regex = regex }

    /// Whether the pattern matches anywhere in `string` (ECMA-262 `RegExp.prototype.test`, unanchored).
    func matches(_ string: String) -> Bool {
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return regex.firstMatch(in: string, options: [], range: range) != nil
    }
}

/// Why a pattern does not compile.
struct PatternError: Error, Sendable {
    /// Offset in the pattern (in characters), when known.
    var offset: Int?
    var message: String
}

/// Compiles an ECMA-262 pattern.
func compilePattern(_ pattern: String) throws(PatternError) -> PatternMatcher {
    // ICU differs from ECMA-262 in a few places the suite checks; translate the common ones.
    if let problem = ecmaOnlyProblem(pattern) { throw problem }
    let translated = translateToICU(pattern)
    do {
        return PatternMatcher(regex: try NSRegularExpression(pattern: translated, options: []))
    } catch {
        return try fail(PatternError(offset: nil, message: "`\(pattern)` is not a valid regular expression"))
    }
}

private func fail(_ error: PatternError) throws(PatternError) -> PatternMatcher { throw error }

/// ECMA-262 rejects some escapes that ICU accepts (`\a`, `\Z`...): an identity escape of a letter is
/// a syntax error in Unicode-mode ECMA-262.
private func ecmaOnlyProblem(_ pattern: String) -> PatternError? {
    var escaped = false
    for (k, c) in pattern.enumerated() {
        if escaped {
            escaped = false
            if c.isASCII && c.isLetter && !"dDwWsSbBnrtvfcxuk0pP".contains(c) {
                return PatternError(offset: k - 1, message: "`\\\(c)` is not an escape in ECMA-262 regular expressions")
            }
        } else if c == "\\" {
            escaped = true
        }
    }
    return nil
}

/// `\d`, `\w` and `\s` are ASCII (and JavaScript whitespace) in ECMA-262, Unicode-aware in ICU.
private func translateToICU(_ pattern: String) -> String {
    guard pattern.contains("\\") else { return pattern }
    var result = ""
    var escaped = false
    var inClass = false
    for c in pattern {
        if escaped {
            escaped = false
            switch c {
            case "d": result += inClass ? "0-9" : "[0-9]"
            case "D": result += inClass ? "\\D" : "[^0-9]"
            case "w": result += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
            case "W": result += inClass ? "\\W" : "[^a-zA-Z0-9_]"
            default: result += "\\" + String(c)
            }
            continue
        }
        if c == "\\" {
            escaped = true
            continue
        }
        if c == "[" { inClass = true }
        if c == "]" { inClass = false }
        result.append(c)
    }
    if escaped { result += "\\" }
    return result
}
