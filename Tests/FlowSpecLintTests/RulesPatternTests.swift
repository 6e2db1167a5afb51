import Testing

@testable import FlowSpecLint

/// The pattern engine of the rules (ECMARegex for validity and for the backtracking-risk analysis), and the other small
/// readers the rules rely on (path templates, media types, durations).
@Suite struct RulesPatternTests {
    @Test(arguments: [
        #"^(a+)+$"#, #"^(a*)*$"#, #"^(\w+\s?)*$"#, #"^(a|a)*$"#, #"(\d+)*x"#, #"^(.*,)*$"#, #"^([a-z0-9]+[-.]?)*$"#,
        #"^(\s*\w+\s*)+$"#, #"(?:x+x+)+y"#, #"^((ab)*)+$"#, #"^(a{1,40})+$"#,
    ])
    func riskyPatterns(_ pattern: String) {
        #expect(ECMAPatternEngine().backtrackingRisk(in: pattern) != nil, "\(pattern)")
    }

    @Test(arguments: [
        #"^[a-z]+$"#, #"^\d{3}-\d{4}$"#, #"^([a-z]+\.)+[a-z]+$"#, #"^(\w+\s)+$"#, #"^([0-9]+,)*[0-9]+$"#,
        #"^(a|b)*$"#, #"^[A-Za-z0-9!#$&^_.+-]{1,127}/[A-Za-z0-9!#$&^_.+-]{1,127}$"#, #"^(ab)+$"#, #"\(a+\)+"#,
        #"^P(?!$)([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$"#, #"[(a+)+]"#,
    ])
    func linearPatterns(_ pattern: String) {
        #expect(ECMAPatternEngine().backtrackingRisk(in: pattern) == nil, "\(pattern)")
    }

    @Test func deeplyNestedPatternsDoNotRecurseWithoutBound() {
        let deep = String(repeating: "(", count: 20_000) + "a+" + String(repeating: ")+", count: 20_000)
        #expect(ECMAPatternEngine().backtrackingRisk(in: deep) == nil)
        let shallow = String(repeating: "(", count: 10) + "a+" + String(repeating: ")+", count: 10)
        #expect(ECMAPatternEngine().backtrackingRisk(in: shallow) != nil)
    }

    @Test func riskNamesTheGroup() throws {
        let problem = try #require(ECMAPatternEngine().backtrackingRisk(in: #"^id-(\d+)+$"#))
        #expect(problem.message.hasPrefix("the repetition `(\\d+)+` at offset 4 contains the repetition `\\d+`"))
        #expect(problem.hint.hasPrefix("rewrite it so each character can be matched only one way"))
    }

    @Test(arguments: [
        ("(?i)abc", "inline flags such as `(?i)` are not ECMA-262"),
        (#"\Aabc\z"#, "`\\A` is not ECMA-262 syntax (JSON Schema patterns are ECMA-262)"),
        ("(?P<year>[0-9]{4})", "`(?P` is Python syntax, not ECMA-262"),
        ("(?>a+)b", "atomic groups `(?>...)` are not ECMA-262"),
        ("a++", "possessive quantifiers such as `++` are not ECMA-262"),
        ("[[:digit:]]+", "`[:digit:]` is a POSIX class, which ECMA-262 reads as the characters `[`, `:`, `d`..."),
        ("[a-z", "`[a-z` is not a valid ECMA-262 regular expression"),
        ("(ab", "`(ab` is not a valid ECMA-262 regular expression"),
    ])
    func invalidPatterns(_ pattern: String, _ message: String) {
        #expect(ECMAPatternEngine().syntaxError(in: pattern)?.message.hasPrefix(message) == true)
    }

    @Test(arguments: [
        #"^[a-z]+$"#, #"(?<year>\d{4})-(?:\d{2})"#, #"^\p{L}+$"#, #"[\[\]]"#, #"a+?b*?"#, #"(?<=a)b(?!c)"#,
    ])
    func validPatterns(_ pattern: String) {
        #expect(ECMAPatternEngine().syntaxError(in: pattern) == nil, "\(pattern)")
    }

    @Test(arguments: [
        ("/pets/{id}", "/pets/mine", false), ("/{kind}/mine", "/pets/{id}", true),
        ("/pets/{id}", "/pets/{name}", false),
        ("/a/{x}", "/b/{y}", false), ("/files/{name}.json", "/files/report.{ext}", true),
        ("/files/{name}.json", "/files/{id}", false), ("/files/{name}.json", "/files/readme.md", false),
        ("/v1/{a}/b", "/v1/c/{d}", true), ("/x/{a}", "/x/{a}/y", false),
    ])
    func ambiguousPaths(_ a: String, _ b: String, _ ambiguous: Bool) {
        #expect(PathTemplate(a).isAmbiguous(with: PathTemplate(b)) == ambiguous, "\(a) \(b)")
        #expect(PathTemplate(b).isAmbiguous(with: PathTemplate(a)) == ambiguous, "\(b) \(a)")
    }

    @Test func pathTemplateReadsSpectralNames() {
        #expect(PathTemplate("/a/{;id}/{?q}/{list*}").variables == ["id", "q", "list"])
        #expect(PathTemplate("/pets/{id}").normalized == PathTemplate("/pets/{name}").normalized)
        #expect(PathTemplate("/pets/{}").variables == [""])
    }

    /// The byte reader against the scalar-by-scalar reading it replaced, on awkward templates
    /// (unclosed and nested braces, stray `}`, empty segments, non-ASCII text) and random ones.
    @Test func pathTemplateSegmentsMatchScalarReading() {
        var cases = [
            "", "/", "//", "a/b", "/a//b/", "/{", "/}", "/{a", "/a{b", "/a}b{c}", "/{a{b}c}", "/{a}{b}",
            "/{;x*}.{y}", "/caf\u{E9}/{n\u{E9}}/\u{1F600}{x}\u{1F600}", "/x/{a}/{", "/{}", "/{}{}/{",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["/", "{", "}", ";", "?", "*", "a", ".", "\u{E9}", "\u{1F600}"]
        for _ in 0..<2000 {
            let length = Int.random(in: 0...12, using: &generator)
            cases.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for path in cases {
            #expect(PathTemplate(path).segments == Self.scalarSegments(path), "\(path.debugDescription)")
        }
    }

    /// How templates were read before the byte reader: Unicode scalar by scalar.
    static func scalarSegments(_ path: String) -> [[PathTemplate.Part]] {
        var segments: [[PathTemplate.Part]] = []
        for text in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            var parts: [PathTemplate.Part] = []
            var literal = ""
            var variable: String?
            for scalar in text.unicodeScalars {
                if scalar == "{" && variable == nil {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    variable = ""
                } else if scalar == "}", let name = variable {
                    parts.append(.variable(PathTemplate.bareName(name)))
                    variable = nil
                } else if variable != nil {
                    variable?.unicodeScalars.append(scalar)
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
            if let open = variable { literal += "{" + open }
            if !literal.isEmpty || parts.isEmpty { parts.append(.literal(literal)) }
            segments.append(parts)
        }
        return segments
    }

    @Test(arguments: [
        "application/json", "text/*", "*/*", "application/vnd.pingidentity.session.reset+json",
        "text/plain; charset=utf-8", #"multipart/form-data; boundary="a b""#, "application/json;charset=UTF-8",
    ])
    func mediaTypes(_ text: String) throws {
        if case .failure(let error) = MediaTypeSyntax.parse(text) { Issue.record("\(text): \(error.message)") }
    }

    @Test(arguments: [
        ("json", "`json` is not a media type: it has no `/` between type and subtype"),
        ("*/json", "`*/json` is not a media range: only `*/*` may have `*` as its type"),
        (
            "application/ json",
            "`application/ json` is not a valid media type: its subtype ` json` must start with a letter or digit"
        ),
        ("text/plain; charset", "`text/plain; charset` has a parameter without a value: `charset`"),
    ])
    func notMediaTypes(_ text: String, _ message: String) {
        guard case .failure(let error) = MediaTypeSyntax.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(error.message == message)
    }

    @Test(arguments: [
        ("PT15M", true), ("P1DT12H", true), ("PT0.5S", true), ("P2D", true), ("P", false), ("PT", false),
        ("15M", false), ("PT15", false), ("P1W", false), ("PT1M1H", false),
    ])
    func durations(_ text: String, _ valid: Bool) {
        #expect(HALActionsShape.isDuration(text) == valid, "\(text)")
    }
}
