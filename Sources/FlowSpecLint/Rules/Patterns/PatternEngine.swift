import FlowSpecSchema
import Foundation

/// What the `pattern` rules need of a regular-expression engine: whether a pattern is valid ECMA-262,
/// and whether it can backtrack catastrophically.
///
/// ``ECMAPatternEngine`` is the one in use; the protocol keeps the rules testable with others.
protocol PatternEngine: Sendable {
    /// Why `pattern` is not a valid ECMA-262 regular expression, or `nil` when it is.
    func syntaxError(in pattern: String) -> PatternProblem?
    /// The construct that makes `pattern` liable to catastrophic backtracking, or `nil`.
    func backtrackingRisk(in pattern: String) -> PatternProblem?
}

/// A problem with a pattern: what, and how to fix it.
struct PatternProblem: Sendable, Equatable {
    var message: String
    var hint: String
}

/// The engine the rules use: FlowSpecSchema's ``ECMARegex``, the same one that validates `pattern`
/// at run time, so the linter and the validator agree on what is valid. Constructs of other regex
/// dialects are named first, for a message that says what the author probably meant.
struct ECMAPatternEngine: PatternEngine {
    func syntaxError(in pattern: String) -> PatternProblem? {
        if let foreign = ForeignSyntax.find(in: pattern) { return foreign }
        do {
            _ = try ECMARegex(pattern)
            return nil
        } catch {
            return PatternProblem(
                message: "`\(pattern)` is not a valid ECMA-262 regular expression: \(error.message)",
                hint: "check for unbalanced parentheses or brackets, a quantifier with nothing before it, or a stray `\\`")
        }
    }

    /// The schema engine's analysis (``ECMARegex/catastrophicBacktrackingRisk(_:)``), whose explanation
    /// ends with its fix after the last "; ".
    func backtrackingRisk(in pattern: String) -> PatternProblem? {
        guard let explanation = ECMARegex.catastrophicBacktrackingRisk(pattern) else { return nil }
        guard let split = explanation.range(of: "; ", options: .backwards) else {
            return PatternProblem(message: explanation, hint: "make each character matchable in only one way")
        }
        return PatternProblem(
            message: String(explanation[..<split.lowerBound]), hint: String(explanation[split.upperBound...]))
    }
}

/// Constructs of PCRE, Python, Java or POSIX regexes that are not ECMA-262, found outside character
/// classes (except POSIX classes, which are inside one).
enum ForeignSyntax {
    static func find(in pattern: String) -> PatternProblem? {
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        var inClass = false
        while index < scalars.count {
            let c = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if c == "\\" {
                if !inClass, let next, "AZzGQ".unicodeScalars.contains(next) {
                    return PatternProblem(
                        message: "`\\\(next)` is not ECMA-262 syntax (JSON Schema patterns are ECMA-262)",
                        hint: next == "A"
                            ? "use `^`"
                            : next == "Q"
                                ? "escape each special character with `\\`" : next == "G" ? "remove it" : "use `$`")
                }
                index += 2
                // `\p{L}`, `\u{1F600}`, `\k<name>`: skip the braces, whose `}` is not a quantifier's.
                if let next, "pPuk".unicodeScalars.contains(next), index < scalars.count,
                    scalars[index] == "{" || scalars[index] == "<"
                {
                    let close: Unicode.Scalar = scalars[index] == "{" ? "}" : ">"
                    while index < scalars.count, scalars[index] != close { index += 1 }
                    index += 1
                }
                continue
            }
            if inClass {
                if c == "[", next == ":" {
                    let rest = String(String.UnicodeScalarView(scalars[index...]))
                    if let end = rest.range(of: ":]") {
                        let name = rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]
                        if !name.isEmpty, name.allSatisfy(\.isLetter) {
                            return PatternProblem(
                                message:
                                    "`[:\(name):]` is a POSIX class, which ECMA-262 reads as the characters `[`, `:`, `\(name.prefix(1))`...",
                                hint: posixHint(String(name)))
                        }
                    }
                }
                if c == "]" { inClass = false }
                index += 1
                continue
            }
            if c == "[" {
                inClass = true
                index += 1
                if index < scalars.count, scalars[index] == "^" { index += 1 }
                if index < scalars.count, scalars[index] == "]" { index += 1 }
                continue
            }
            if c == "(", next == "?", index + 2 < scalars.count {
                let third = scalars[index + 2]
                switch third {
                case "P":
                    return PatternProblem(
                        message: "`(?P` is Python syntax, not ECMA-262", hint: "write a named group as `(?<name>...)`")
                case ">":
                    return PatternProblem(
                        message: "atomic groups `(?>...)` are not ECMA-262", hint: "use a plain group `(?:...)`")
                case "#":
                    return PatternProblem(message: "comments `(?#...)` are not ECMA-262", hint: "remove the comment")
                case ":", "=", "!", "<":
                    break
                default:
                    if third.properties.isAlphabetic || third == "-" {
                        return PatternProblem(
                            message: "inline flags such as `(?i)` are not ECMA-262",
                            hint: "JSON Schema patterns have no flags: spell out both cases, as in `[Aa]`")
                    }
                }
            }
            if "*+?}".unicodeScalars.contains(c), next == "+", index > 0 {
                return PatternProblem(
                    message: "possessive quantifiers such as `\(c)+` are not ECMA-262", hint: "remove the second `+`")
            }
            index += 1
        }
        return nil
    }

    static func posixHint(_ name: String) -> String {
        switch name {
        case "alpha": return "use `A-Za-z` inside the brackets"
        case "digit": return "use `0-9` or `\\d`"
        case "alnum": return "use `A-Za-z0-9`"
        case "space": return "use `\\s`"
        case "upper": return "use `A-Z`"
        case "lower": return "use `a-z`"
        default: return "list the characters or ranges explicitly"
        }
    }
}
