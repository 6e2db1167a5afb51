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

/// ECMA-262 rejects some syntax that ICU accepts: an identity escape of a letter (`\a`, `\Z`), inline
/// comments `(?#...)` and inline flags `(?i)`.
private func ecmaOnlyProblem(_ pattern: String) -> PatternError? {
    var escaped = false
    let characters = Array(pattern)
    for (k, c) in characters.enumerated() {
        if !escaped && c == "(" && k + 2 < characters.count && characters[k + 1] == "?" {
            let next = characters[k + 2]
            let allowed: Bool
            switch next {
            case ":", "=", "!": allowed = true
            case "<": allowed = k + 3 < characters.count
            default: allowed = false
            }
            if !allowed {
                return PatternError(offset: k, message: "`(?\(next)` is not a group in ECMA-262 regular expressions")
            }
        }
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

/// ECMA-262 white space and line terminators (ICU's `\s` lacks U+000B and U+FEFF).
private let ecmaSpace = "\\t\\n\\u000B\\f\\r\\p{Z}\\uFEFF"

/// `\d`, `\w` and `\s` are ASCII (and JavaScript white space) in ECMA-262, Unicode-aware in ICU;
/// `[]` (matches nothing) and `[^]` (matches anything) are valid in ECMA-262 and rejected by ICU.
private func translateToICU(_ pattern: String) -> String {
    let characters = Array(pattern)
    var result = ""
    var inClass = false
    var k = 0
    while k < characters.count {
        let c = characters[k]
        if c == "\\" && k + 1 < characters.count {
            let e = characters[k + 1]
            k += 2
            switch e {
            case "d": result += inClass ? "0-9" : "[0-9]"
            case "D": result += inClass ? "\\D" : "[^0-9]"
            case "w": result += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
            case "W": result += inClass ? "\\W" : "[^a-zA-Z0-9_]"
            case "s": result += inClass ? ecmaSpace : "[" + ecmaSpace + "]"
            case "S": result += inClass ? "\\S" : "[^" + ecmaSpace + "]"
            default: result += "\\" + String(e)
            }
            continue
        }
        if c == "[" && !inClass {
            if k + 1 < characters.count && characters[k + 1] == "]" {
                result += "(?!)"
                k += 2
                continue
            }
            if k + 2 < characters.count && characters[k + 1] == "^" && characters[k + 2] == "]" {
                result += "[\\s\\S]"
                k += 3
                continue
            }
            inClass = true
        } else if c == "]" && inClass {
            inClass = false
        }
        result.append(c)
        k += 1
    }
    return result
}
