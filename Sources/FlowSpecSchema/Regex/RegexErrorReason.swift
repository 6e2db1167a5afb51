/// Every way compiling a pattern can fail; ``rendered`` is the one place that turns a reason into words.
enum RegexErrorReason: Error, Sendable, Hashable {
    case unterminatedGroup
    case unmatchedCloseParenthesis
    case unterminatedClass
    case classRangeOutOfOrder(String, String)
    case classEscapeInRange
    case nothingToRepeat
    case quantifierOutOfOrder(Int, Int)
    case incompleteQuantifier
    case loneSyntaxCharacter(Character)
    case trailingBackslash
    case invalidIdentityEscape(Character)
    case invalidControlEscape
    case invalidHexEscape
    case invalidUnicodeEscape
    case codePointOutOfRange(String)
    case octalEscape
    case backreferenceOutOfRange(Int, groupCount: Int)
    case undefinedGroupName(String)
    case invalidGroupName
    case duplicateGroupName(String)
    case foreignGroupSyntax(syntax: String, advice: String)
    case unsupportedModifiers
    case invalidPropertySyntax
    case unknownProperty(String)
    case unsupportedProperty(String, reason: String)
    case nestingTooDeep(limit: Int)
    case programTooLarge(limit: Int)

    var rendered: (code: ECMARegexError.Code, message: String, hint: String?) {
        switch self {
        case .unterminatedGroup:
            return (.invalidPattern, "unterminated group: missing ')'", nil)
        case .unmatchedCloseParenthesis:
            return (.invalidPattern, "unmatched ')'", "escape it as \\) to match a literal parenthesis")
        case .unterminatedClass:
            return (.invalidPattern, "unterminated character class: missing ']'", nil)
        case .classRangeOutOfOrder(let low, let high):
            return (
                .invalidPattern, "character class range out of order: '\(low)-\(high)'",
                "write the smaller code point first, or escape '-' as \\- to match a literal hyphen"
            )
        case .classEscapeInRange:
            return (
                .invalidPattern, "a character class escape such as \\d cannot be a range bound",
                "escape '-' as \\- or move it to the start or end of the class"
            )
        case .nothingToRepeat:
            return (
                .invalidPattern, "nothing to repeat: a quantifier must follow a character, class or group",
                "escape the quantifier (\\*, \\+, \\?) to match it literally"
            )
        case .quantifierOutOfOrder(let min, let max):
            return (.invalidPattern, "numbers out of order in {\(min),\(max)} quantifier", nil)
        case .incompleteQuantifier:
            return (
                .invalidPattern, "incomplete quantifier: expected {n}, {n,} or {n,m}",
                "escape '{' as \\{ to match it literally"
            )
        case .loneSyntaxCharacter(let character):
            return (
                .invalidPattern, "lone '\(character)' is not allowed in a Unicode pattern",
                "escape it as \\\(character) to match it literally"
            )
        case .trailingBackslash:
            return (.invalidPattern, "\\ at end of pattern", "escape it as \\\\ to match a backslash")
        case .invalidIdentityEscape(let character):
            return (
                .invalidPattern, "invalid escape '\\\(character)'",
                "in a Unicode pattern only the syntax characters ^ $ \\ . * + ? ( ) [ ] { } | and / may be escaped"
            )
        case .invalidControlEscape:
            return (.invalidPattern, "invalid \\c escape: expected a letter A-Z or a-z after \\c", nil)
        case .invalidHexEscape:
            return (.invalidPattern, "invalid \\x escape: expected exactly two hexadecimal digits", nil)
        case .invalidUnicodeEscape:
            return (.invalidPattern, "invalid \\u escape: expected four hexadecimal digits or \\u{...}", nil)
        case .codePointOutOfRange(let text):
            return (.invalidPattern, "code point out of range in \\u{\(text)}: the maximum is 10FFFF", nil)
        case .octalEscape:
            return (
                .invalidPattern, "octal escapes are not allowed in a Unicode pattern",
                "use \\x or \\u escapes; \\0 may not be followed by another digit"
            )
        case .backreferenceOutOfRange(let number, let groupCount):
            let groups = groupCount == 1 ? "1 capturing group" : "\(groupCount) capturing groups"
            return (
                .invalidPattern,
                "backreference \\\(number) refers to a group that does not exist (the pattern "
                    + "has \(groups))", nil
            )
        case .undefinedGroupName(let name):
            return (.invalidPattern, "\\k<\(name)> refers to a group name that is not defined", nil)
        case .invalidGroupName:
            return (
                .invalidPattern, "invalid capture group name",
                "a group name is an identifier: a letter, '$' or '_' followed by letters, digits, '$' or '_'"
            )
        case .duplicateGroupName(let name):
            return (
                .invalidPattern, "duplicate capture group name '\(name)'",
                "two groups may share a name only in different alternatives of a '|'"
            )
        case .foreignGroupSyntax(let syntax, let advice):
            return (.invalidPattern, "invalid group: \(syntax) is not ECMA-262 syntax", advice)
        case .unsupportedModifiers:
            return (
                .unsupportedFeature, "pattern modifiers such as (?i:...) are not supported",
                "JSON Schema patterns have no flags; spell out the cases, for example [Aa]"
            )
        case .invalidPropertySyntax:
            return (.invalidPattern, "invalid property escape: expected \\p{Name} or \\p{Name=Value}", nil)
        case .unknownProperty(let name):
            return (
                .invalidPattern, "unknown Unicode property '\(name)'",
                "use a general category (L, Lu, Letter, Nd, ...), Script=Name, Script_Extensions=Name or a binary "
                    + "property such as Alphabetic; names are case-sensitive"
            )
        case .unsupportedProperty(let name, let reason):
            return (.unsupportedFeature, "unsupported Unicode property '\(name)': \(reason)", nil)
        case .nestingTooDeep(let limit):
            return (.patternTooComplex, "pattern nests groups more than \(limit) levels deep", nil)
        case .programTooLarge(let limit):
            return (
                .patternTooComplex, "pattern too complex: it would compile to more than \(limit) instructions",
                "reduce counted repetitions such as {1000}, especially nested ones"
            )
        }
    }
}
