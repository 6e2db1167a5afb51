import FlowSpecSchema
import Testing

/// Matching semantics that differ between ECMA-262 and other engines, checked against what V8 answers for
/// `new RegExp(pattern, "u")`.
@Suite("ECMARegex semantics")
struct ECMARegexTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pattern: String
        var input: String
        var matches: Bool
        var testDescription: String { "/\(pattern)/u on \(input.debugDescription) → \(matches)" }
    }

    static let searchCases: [Case] = [
        // Search, not full match.
        Case(pattern: "a+", input: "xxaayy", matches: true),
        Case(pattern: "^a*$", input: "abc", matches: false),
        Case(pattern: "", input: "anything", matches: true),
        // `$` and `^` are input bounds only; `$` does not match before a trailing newline.
        Case(pattern: "^abc$", input: "abc", matches: true),
        Case(pattern: "^abc$", input: "abc\n", matches: false),
        Case(pattern: "^abc$", input: "x\nabc", matches: false),
        Case(pattern: "abc$", input: "abc\r\n", matches: false),
        // `.` excludes exactly the four line terminators.
        Case(pattern: "^.$", input: "\n", matches: false),
        Case(pattern: "^.$", input: "\r", matches: false),
        Case(pattern: "^.$", input: "\u{2028}", matches: false),
        Case(pattern: "^.$", input: "\u{2029}", matches: false),
        Case(pattern: "^.$", input: "\u{85}", matches: true),
        Case(pattern: "^.$", input: "😀", matches: true),
        Case(pattern: "^[^]$", input: "\n", matches: true),
        Case(pattern: "^[]$", input: "a", matches: false),
        // `\d` and `\w` are ASCII-only; `\s` is Unicode.
        Case(pattern: #"^\d$"#, input: "٣", matches: false),
        Case(pattern: #"^\d$"#, input: "\u{07C0}", matches: false),
        Case(pattern: #"^\D$"#, input: "٣", matches: true),
        Case(pattern: #"^\w$"#, input: "é", matches: false),
        Case(pattern: #"^\w$"#, input: "_", matches: true),
        Case(pattern: #"^\W$"#, input: "é", matches: true),
        Case(pattern: #"^\s$"#, input: "\u{A0}", matches: true),
        Case(pattern: #"^\s$"#, input: "\u{FEFF}", matches: true),
        Case(pattern: #"^\s$"#, input: "\u{2028}", matches: true),
        Case(pattern: #"^\s$"#, input: "\u{3000}", matches: true),
        Case(pattern: #"^\s$"#, input: "\u{200B}", matches: false),
        Case(pattern: #"^\S$"#, input: "\u{2013}", matches: true),
        // `\b` uses the ASCII `\w`.
        Case(pattern: #"\bcole\b"#, input: "l'école", matches: true),
        Case(pattern: #"\Bcole"#, input: "l'école", matches: false),
        Case(pattern: #"^\b$"#, input: "", matches: false),
        Case(pattern: #"^\B$"#, input: "", matches: true),
        // Unicode properties.
        Case(pattern: #"^\p{L}$"#, input: "é", matches: true),
        Case(pattern: #"^\p{Letter}+$"#, input: "Ωμέγα", matches: true),
        Case(pattern: #"^\p{Lu}$"#, input: "é", matches: false),
        Case(pattern: #"^\P{L}$"#, input: "1", matches: true),
        Case(pattern: #"^\p{digit}+$"#, input: "\u{9EA}\u{9E8}", matches: true),
        Case(pattern: #"^\p{Script=Greek}+$"#, input: "αβγ", matches: true),
        Case(pattern: #"^\p{sc=Grek}+$"#, input: "abc", matches: false),
        Case(pattern: #"^\p{scx=Deva}$"#, input: "\u{0964}", matches: true),
        Case(pattern: #"^\p{sc=Deva}$"#, input: "\u{0964}", matches: false),
        Case(pattern: #"^\p{Emoji_Presentation}$"#, input: "😀", matches: true),
        Case(pattern: #"^\p{ASCII}+$"#, input: "plain", matches: true),
        Case(pattern: #"^\p{Any}$"#, input: "\u{10FFFF}", matches: true),
        Case(pattern: #"^[\p{L}\d_-]+$"#, input: "naïve_2-x", matches: true),
        Case(pattern: #"^[^\p{L}]+$"#, input: "123", matches: true),
        Case(pattern: #"^[^\p{L}]+$"#, input: "12a", matches: false),
        Case(pattern: #"^\p{Lu}\p{Ll}+$"#, input: "Éa", matches: true),
        // Escapes.
        Case(pattern: #"^\t$"#, input: "\t", matches: true),
        Case(pattern: #"^\t$"#, input: "\\t", matches: false),
        Case(pattern: #"^\cC$"#, input: "\u{3}", matches: true),
        Case(pattern: #"^\cc$"#, input: "\u{3}", matches: true),
        Case(pattern: #"^\x41\u0042\u{43}\u{1F600}$"#, input: "ABC😀", matches: true),
        Case(pattern: #"^\uD83D\uDE00$"#, input: "😀", matches: true),
        Case(pattern: #"^\0$"#, input: "\u{0}", matches: true),
        Case(pattern: #"^\/\.\*\+\?\(\)\[\]\{\}\|\^\$\\$"#, input: #"/.*+?()[]{}|^$\"#, matches: true),
        Case(pattern: #"^[\b]$"#, input: "\u{8}", matches: true),
        Case(pattern: #"^[\-a]+$"#, input: "-a-", matches: true),
        Case(pattern: #"^[a-]+$"#, input: "-a-", matches: true),
        Case(pattern: #"^[-a]+$"#, input: "-a-", matches: true),
        Case(pattern: #"^[\dx]+$"#, input: "1x", matches: true),
        // Code points, not UTF-16 units.
        Case(pattern: "^.$", input: "🐲", matches: true),
        Case(pattern: "^🐲*$", input: "🐲🐲", matches: true),
        Case(pattern: "^🐲*$", input: "🐉", matches: false),
        Case(pattern: "^[🐲🐉]{2}$", input: "🐉🐲", matches: true),
        Case(pattern: #"^[\u{1F400}-\u{1F43F}]$"#, input: "😀", matches: false),
        Case(pattern: #"^[\u{1F400}-\u{1F43F}]$"#, input: "🐉", matches: true),
        // Case-sensitive: JSON Schema patterns have no flags.
        Case(pattern: "^abc$", input: "ABC", matches: false),
        // Quantifiers.
        Case(pattern: #"^\d{3}-\d{4}$"#, input: "555-0100", matches: true),
        Case(pattern: #"^\d{3}-\d{4}$"#, input: "55-0100", matches: false),
        Case(pattern: "^a{2,}$", input: "a", matches: false),
        Case(pattern: "^a{2,}$", input: "aaaa", matches: true),
        Case(pattern: "^a{2,3}$", input: "aaaa", matches: false),
        Case(pattern: "^a{0}$", input: "", matches: true),
        Case(pattern: "^(?:ab)?c$", input: "abc", matches: true),
        Case(pattern: "^[a-zA-Z0-9._-]+$", input: "john.doe-42_x", matches: true),
        Case(pattern: "^[a-zA-Z0-9._-]+$", input: "john doe", matches: false),
        // Alternation and groups.
        Case(pattern: "^(?:get|put|post)$", input: "post", matches: true),
        Case(pattern: "^(cat|dog)s?$", input: "dogs", matches: true),
        Case(pattern: "^(?<year>\\d{4})-(?<month>\\d{2})$", input: "2024-05", matches: true),
        // Lookaround.
        Case(pattern: #"^(?=.*\d)(?=.*[a-z]).{8,}$"#, input: "password1", matches: true),
        Case(pattern: #"^(?=.*\d)(?=.*[a-z]).{8,}$"#, input: "password", matches: false),
        Case(pattern: #"^(?!.*\.\.)[a-z.]+$"#, input: "a..b", matches: false),
        Case(pattern: #"^(?!.*\.\.)[a-z.]+$"#, input: "a.b", matches: true),
        Case(pattern: #"(?<=\$)\d+"#, input: "cost: $42", matches: true),
        Case(pattern: #"(?<=\$)\d+"#, input: "cost: 42", matches: false),
        Case(pattern: #"(?<!\$)\b\d+"#, input: "$42", matches: false),
        Case(pattern: #"(?<=a+)b"#, input: "aaab", matches: true),
        Case(pattern: #"(?<=^|,)x"#, input: "a,x", matches: true),
        // Backreferences.
        Case(pattern: #"^(\w)\1$"#, input: "aa", matches: true),
        Case(pattern: #"^(\w)\1$"#, input: "ab", matches: false),
        Case(pattern: #"^(?<q>["'])[^"']*\k<q>$"#, input: "'x'", matches: true),
        Case(pattern: #"^(?<q>["'])[^"']*\k<q>$"#, input: "'x\"", matches: false),
        Case(pattern: #"^\k<a>(?<a>x)$"#, input: "x", matches: true),
        Case(pattern: #"^(a)|\1b$"#, input: "b", matches: true),
        Case(pattern: #"^(?:(a)|b)\1$"#, input: "b", matches: true),
        Case(pattern: #"(?<=(\d)\1)x"#, input: "11x", matches: true),
        Case(pattern: #"(?<=\1(\d))x"#, input: "12x", matches: false),
        Case(pattern: #"(?<=\1(\d))x"#, input: "22x", matches: true),
        // Duplicate names in different alternatives (ES2025).
        Case(pattern: #"^(?:(?<d>\d)|(?<d>[a-z]))\k<d>$"#, input: "bb", matches: true),
        Case(pattern: #"^(?:(?<d>\d)|(?<d>[a-z]))\k<d>$"#, input: "b1", matches: false),
    ]

    @Test(arguments: searchCases)
    func matches(_ testCase: Case) throws {
        let regex = try ECMARegex(testCase.pattern)
        #expect(regex.matches(testCase.input) == testCase.matches)
        var bytes = Array(testCase.input.utf8)
        let viaBytes = bytes.withUnsafeMutableBufferPointer { regex.matches(utf8: UnsafeBufferPointer($0)) }
        #expect(viaBytes == testCase.matches)
        #expect((regex.firstMatch(in: testCase.input) != nil) == testCase.matches)
    }

    struct FirstMatch: CustomTestStringConvertible, Sendable {
        var pattern: String
        var input: String
        var match: String?
        var testDescription: String { "/\(pattern)/u.exec(\(input.debugDescription)) → \(match ?? "null")" }
    }

    static let firstMatchCases: [FirstMatch] = [
        FirstMatch(pattern: "a+", input: "baaac", match: "aaa"),
        FirstMatch(pattern: "a+?", input: "baaac", match: "a"),
        FirstMatch(pattern: "a*?b", input: "aaab", match: "aaab"),
        FirstMatch(pattern: "<.+>", input: "<a><b>", match: "<a><b>"),
        FirstMatch(pattern: "<.+?>", input: "<a><b>", match: "<a>"),
        FirstMatch(pattern: "a{2,4}?", input: "aaaaa", match: "aa"),
        FirstMatch(pattern: "a|ab", input: "abc", match: "a"),
        FirstMatch(pattern: "ab|a", input: "abc", match: "ab"),
        FirstMatch(pattern: "(?:|a)*", input: "aa", match: "aa"),
        FirstMatch(pattern: "(?:a|)*?b", input: "aab", match: "aab"),
        FirstMatch(pattern: "(a*)*b", input: "xaab", match: "aab"),
        FirstMatch(pattern: "x*", input: "abc", match: ""),
        FirstMatch(pattern: #"\d+"#, input: "é12é", match: "12"),
        FirstMatch(pattern: #"(?<=é)\d"#, input: "1é2", match: "2"),
        FirstMatch(pattern: #"\d(?=é)"#, input: "12é", match: "2"),
        FirstMatch(pattern: #"(\w+)\s\1"#, input: "say hello hello", match: "hello hello"),
        FirstMatch(pattern: #"b$"#, input: "ab\nb", match: "b"),
        FirstMatch(pattern: "zz", input: "abc", match: nil),
        FirstMatch(pattern: "json", input: "application/json", match: "json"),
        FirstMatch(pattern: "🐲+", input: "a🐲🐲b", match: "🐲🐲"),
    ]

    @Test(arguments: firstMatchCases)
    func firstMatch(_ testCase: FirstMatch) throws {
        let regex = try ECMARegex(testCase.pattern)
        let range = regex.firstMatch(in: testCase.input)
        #expect(range.map { String(testCase.input.unicodeScalars[$0]) } == testCase.match)
    }

    @Test func firstMatchRangeIsScalarAligned() throws {
        let input = "e\u{301}tude"
        let range = try #require(try ECMARegex("\u{301}t").firstMatch(in: input))
        #expect(input.unicodeScalars.distance(from: input.unicodeScalars.startIndex, to: range.lowerBound) == 1)
        #expect(input.unicodeScalars.distance(from: range.lowerBound, to: range.upperBound) == 2)
    }

    @Test func linearityIsReported() throws {
        #expect(try ECMARegex("^[a-z]+(?:-[a-z]+)*$").isLinear)
        #expect(try ECMARegex(#"\bword\b"#).isLinear)
        #expect(try !ECMARegex(#"(a)\1"#).isLinear)
        #expect(try !ECMARegex(#"(?=a)"#).isLinear)
        #expect(try !ECMARegex(#"(?<!a)b"#).isLinear)
    }

    @Test func invalidUTF8ReadsAsReplacementCharacter() throws {
        let regex = try ECMARegex("^a.b$")
        var bytes: [UInt8] = [0x61, 0xFF, 0x62]
        #expect(bytes.withUnsafeMutableBufferPointer { regex.matches(utf8: UnsafeBufferPointer($0)) })
        bytes = [0x61, 0xE2, 0x82, 0x62]
        #expect(!bytes.withUnsafeMutableBufferPointer { regex.matches(utf8: UnsafeBufferPointer($0)) })
    }

    @Test func valueSemantics() throws {
        let regex = try ECMARegex("a+")
        #expect(regex == (try ECMARegex("a+")))
        #expect(regex != (try ECMARegex("a*")))
        #expect(regex.description == "/a+/u")
    }
}
