import FlowSpecSchema
import Testing

/// Invalid patterns: every one is refused with a stable code, a message and the offset (in Unicode scalars) of
/// the culprit. Validity agrees with V8's `new RegExp(pattern, "u")`, except where noted.
@Suite("ECMARegex errors")
struct ECMARegexErrorTests {
    struct Invalid: CustomTestStringConvertible, Sendable {
        var pattern: String
        var code: ECMARegexError.Code = .invalidPattern
        var offset: Int
        var message: String
        var testDescription: String { "/\(pattern)/u → \(code) at \(offset)" }
    }

    static let invalid: [Invalid] = [
        Invalid(pattern: "(", offset: 0, message: "unterminated group: missing ')'"),
        Invalid(pattern: "ab(?:c", offset: 2, message: "unterminated group: missing ')'"),
        Invalid(pattern: ")", offset: 0, message: "unmatched ')'"),
        Invalid(pattern: "a)", offset: 1, message: "unmatched ')'"),
        Invalid(pattern: "[z-a]", offset: 1, message: "character class range out of order: 'z-a'"),
        Invalid(pattern: "a{2,1}", offset: 1, message: "numbers out of order in {2,1} quantifier"),
        Invalid(pattern: "\\", offset: 0, message: "\\ at end of pattern"),
        Invalid(pattern: "(?<n>a)(?<n>b)", offset: 10, message: "duplicate capture group name 'n'"),
        Invalid(pattern: "(?:(?<a>x)|(?<a>y))(?<a>z)", offset: 22, message: "duplicate capture group name 'a'"),
        Invalid(
            pattern: #"\u{110000}"#, offset: 0, message: "code point out of range in \\u{110000}: the maximum is 10FFFF"
        ),
        Invalid(pattern: #"é\p{Foo}"#, offset: 1, message: "unknown Unicode property 'Foo'"),
        Invalid(pattern: #"\p{Script=Foo}"#, offset: 0, message: "unknown Unicode property 'Script=Foo'"),
        Invalid(pattern: #"\p{letter}"#, offset: 0, message: "unknown Unicode property 'letter'"),
        Invalid(pattern: #"\p{RGI_Emoji}"#, offset: 0, message: "unknown Unicode property 'RGI_Emoji'"),
        Invalid(pattern: #"\pL"#, offset: 0, message: "invalid property escape: expected \\p{Name} or \\p{Name=Value}"),
        Invalid(
            pattern: "a**", offset: 2,
            message: "nothing to repeat: a quantifier must follow a character, class or group"),
        Invalid(
            pattern: "*a", offset: 0, message: "nothing to repeat: a quantifier must follow a character, class or group"
        ),
        Invalid(
            pattern: "a|?", offset: 2,
            message: "nothing to repeat: a quantifier must follow a character, class or group"),
        Invalid(
            pattern: "^*", offset: 1, message: "nothing to repeat: a quantifier must follow a character, class or group"
        ),
        Invalid(
            pattern: "(?=a)*", offset: 5,
            message: "nothing to repeat: a quantifier must follow a character, class or group"),
        Invalid(pattern: "{", offset: 0, message: "lone '{' is not allowed in a Unicode pattern"),
        Invalid(pattern: "a}", offset: 1, message: "lone '}' is not allowed in a Unicode pattern"),
        Invalid(pattern: "]", offset: 0, message: "lone ']' is not allowed in a Unicode pattern"),
        Invalid(pattern: "a{1,2", offset: 1, message: "incomplete quantifier: expected {n}, {n,} or {n,m}"),
        Invalid(pattern: "x{,5}", offset: 1, message: "incomplete quantifier: expected {n}, {n,} or {n,m}"),
        Invalid(pattern: #"\a"#, offset: 0, message: "invalid escape '\\a'"),
        Invalid(pattern: #"ab\-"#, offset: 2, message: "invalid escape '\\-'"),
        Invalid(pattern: #"[\B]"#, offset: 1, message: "invalid escape '\\B'"),
        Invalid(
            pattern: #"\1"#, offset: 0,
            message: "backreference \\1 refers to a group that does not exist (the pattern has 0 capturing groups)"),
        Invalid(
            pattern: #"(a)\2"#, offset: 3,
            message: "backreference \\2 refers to a group that does not exist (the pattern has 1 capturing group)"),
        Invalid(pattern: #"(?<x>a)\k<y>"#, offset: 7, message: "\\k<y> refers to a group name that is not defined"),
        Invalid(pattern: #"\k"#, offset: 0, message: "invalid capture group name"),
        Invalid(pattern: "(?<1a>x)", offset: 3, message: "invalid capture group name"),
        Invalid(
            pattern: #"[\d-z]"#, offset: 1, message: "a character class escape such as \\d cannot be a range bound"),
        Invalid(pattern: #"\c1"#, offset: 0, message: "invalid \\c escape: expected a letter A-Z or a-z after \\c"),
        Invalid(pattern: #"\xG0"#, offset: 0, message: "invalid \\x escape: expected exactly two hexadecimal digits"),
        Invalid(
            pattern: #"\u12"#, offset: 0, message: "invalid \\u escape: expected four hexadecimal digits or \\u{...}"),
        Invalid(
            pattern: #"\u{}"#, offset: 0, message: "invalid \\u escape: expected four hexadecimal digits or \\u{...}"),
        Invalid(pattern: #"\01"#, offset: 0, message: "octal escapes are not allowed in a Unicode pattern"),
        Invalid(pattern: #"[\1]"#, offset: 1, message: "octal escapes are not allowed in a Unicode pattern"),
        Invalid(pattern: "[a", offset: 0, message: "unterminated character class: missing ']'"),
        Invalid(pattern: "x[\\", offset: 1, message: "unterminated character class: missing ']'"),
        Invalid(pattern: "(?P<n>x)", offset: 0, message: "invalid group: (?P<name>...) is not ECMA-262 syntax"),
        Invalid(pattern: "(?P<n>a)(?P=n)", offset: 0, message: "invalid group: (?P<name>...) is not ECMA-262 syntax"),
        Invalid(
            pattern: "(?i)abc", offset: 0,
            message: "invalid group: an inline flag group such as (?i) is not ECMA-262 syntax"),
        Invalid(pattern: "(?#comment)a", offset: 0, message: "invalid group: a (?#...) comment is not ECMA-262 syntax"),
        Invalid(pattern: "(?>a)", offset: 0, message: "invalid group: an atomic group (?>...) is not ECMA-262 syntax"),
        // Valid ES2025, deliberately unsupported: JSON Schema patterns have no flags to modify.
        Invalid(
            pattern: "(?i:a)", code: .unsupportedFeature, offset: 0,
            message: "pattern modifiers such as (?i:...) are not supported"),
        // Valid ECMA-262, refused by the program-size budget.
        Invalid(
            pattern: "a{99999999999}", code: .patternTooComplex, offset: 0,
            message: "pattern too complex: it would compile to more than 100000 instructions"),
        Invalid(
            pattern: "x(?:(?:a{1000}){1000})", code: .patternTooComplex, offset: 4,
            message: "pattern too complex: it would compile to more than 100000 instructions"),
    ]

    @Test(arguments: invalid)
    func refused(_ testCase: Invalid) {
        #expect {
            _ = try ECMARegex(testCase.pattern)
        } throws: { error in
            guard let error = error as? ECMARegexError else { return false }
            return error.code == testCase.code && error.offset == testCase.offset && error.message == testCase.message
        }
    }

    static let valid: [String] = [
        "", "x|", "(|)", "()", "[]", "[^]", "[a-]", "[-a]", #"[\-]"#, #"\/"#, #"\0"#, #"[\b]"#, #"\cJ"#, #"\u{0}"#,
        #"\uD83D"#, #"[\uD83D\uDE00-\uD83D\uDE4F]"#, "a{1,}?", "(?=a)", "(?!a)", "(?<!a)", "(?<=a+)b",
        #"\p{Lu}"#, #"\p{gc=Lu}"#, #"\p{General_Category=Letter}"#, #"\p{Script_Extensions=Latin}"#, #"\P{Any}"#,
        #"(?<$é>x)\k<$é>"#, #"(?<\u0061>x)\k<a>"#, #"\k<a>(?<a>x)"#, "(?<a>x)|(?<a>y)",
        #"^[\w.+-]+@[\w-]+\.[\w.-]+$"#, #"^\p{Lu}[\p{Ll}\p{Mn}]*$"#,
    ]

    @Test(arguments: valid)
    func accepted(_ pattern: String) throws {
        _ = try ECMARegex(pattern)
    }

    @Test func syntaxCheckAgreesWithCompilingButHasNoSizeBudget() throws {
        try ECMARegex.validateSyntax("a{99999999999}")
        try ECMARegex.validateSyntax(#"^(?<year>\d{4})-\k<year>$"#)
        #expect {
            try ECMARegex.validateSyntax("^(abc]")
        } throws: { error in
            (error as? ECMARegexError)?.message == "lone ']' is not allowed in a Unicode pattern"
        }
    }

    @Test func errorDescriptionIncludesOffsetAndHint() {
        let error = ECMARegexError(code: .invalidPattern, message: "unmatched ')'", offset: 3, hint: "escape it")
        #expect(error.description == "unmatched ')' (at offset 3); escape it")
        #expect(error.code.rawValue == "invalid_pattern")
    }

    @Test func offsetsCountUnicodeScalars() {
        #expect {
            _ = try ECMARegex("🐲é[")
        } throws: { error in
            (error as? ECMARegexError)?.offset == 2
        }
    }
}
