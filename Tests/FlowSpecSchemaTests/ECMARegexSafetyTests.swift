import FlowSpecSchema
import Testing

/// Hostile patterns and inputs: nothing may hang or crash. These assert results, never timings.
@Suite("ECMARegex safety")
struct ECMARegexSafetyTests {
    static let manyAs = String(repeating: "a", count: 10_000)

    @Test func nestedQuantifiersRunInLinearTime() throws {
        let regex = try ECMARegex("(a+)+$")
        #expect(regex.isLinear)
        #expect(!regex.matches(Self.manyAs + "!"))
        #expect(regex.firstMatch(in: Self.manyAs + "!") == nil)
        #expect(regex.matches(Self.manyAs))
    }

    @Test func nestedStarsRunInLinearTime() throws {
        let regex = try ECMARegex("(a*)*b")
        #expect(!regex.matches(Self.manyAs))
        #expect(regex.evaluate(Self.manyAs) == .noMatch)
        let input = Self.manyAs + "b"
        let range = try #require(regex.firstMatch(in: input))
        #expect(input[range].count == 10_001)
    }

    @Test(arguments: [#"(\w+\s?)*$"#, "(a|a)*b", "(a|ab)*c", #"^(\d+)*$"#, "(x+x+)+y"])
    func classicCatastrophicPatternsAreLinear(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        #expect(regex.isLinear)
        let input = String(repeating: pattern.contains("x") ? "x" : (pattern.contains("d") ? "1" : "a"), count: 5_000)
        // Each pattern fails on its input followed by a character it cannot end with.
        #expect(regex.evaluate(input + "!") != .budgetExceeded)
    }

    @Test func exponentialBackreferencePatternHitsTheBudget() throws {
        let regex = try ECMARegex(#"^(a+)+b\1$"#)
        #expect(!regex.isLinear)
        let input = String(repeating: "a", count: 40)
        #expect(regex.evaluate(input) == .budgetExceeded)
        #expect(regex.search(in: input) == .budgetExceeded)
        #expect(!regex.matches(input))
        #expect(regex.firstMatch(in: input) == nil)
        // Small inputs still get a real answer.
        #expect(regex.evaluate("aaba") == .matched)
        #expect(regex.evaluate("aab") == .noMatch)
    }

    @Test func exponentialLookaheadPatternHitsTheBudget() throws {
        let regex = try ECMARegex("(?=(a|aa)+c)")
        #expect(regex.evaluate(String(repeating: "a", count: 60)) == .budgetExceeded)
    }

    @Test func budgetIsConfigurable() throws {
        let input = String(repeating: "a", count: 1_000) + "1"
        let strict = try ECMARegex(#"^(?=.*\d)a+1$"#, options: .init(maxSteps: 100))
        #expect(strict.evaluate(input) == .budgetExceeded)
        let normal = try ECMARegex(#"^(?=.*\d)a+1$"#)
        #expect(normal.evaluate(input) == .matched)
    }

    @Test func longInputsDoNotOverflowTheStack() throws {
        let input = String(repeating: "a", count: 200_000)
        #expect(try ECMARegex("^(?=a)a*$").evaluate(input) == .matched)
        #expect(try ECMARegex("^(?:a|b)*$").matches(input))
        #expect(try ECMARegex(#"$(?<=^a*)"#).evaluate(String(input.prefix(100_000))) == .matched)
    }

    @Test func repeatedEmptyBodiesCompileToNothing() throws {
        let regex = try ECMARegex("^(?:){2147483647}$")
        #expect(regex.matches(""))
    }

    @Test func programSizeIsBounded() {
        #expect {
            _ = try ECMARegex("(?:(?:a{1000}){1000})")
        } throws: { error in
            (error as? ECMARegexError)?.code == .patternTooComplex
        }
        #expect {
            _ = try ECMARegex("a{50}", options: .init(maxProgramSize: 20))
        } throws: { error in
            (error as? ECMARegexError)?.code == .patternTooComplex
        }
    }

    @Test func nestingDepthIsBounded() throws {
        let deep = String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000)
        #expect {
            _ = try ECMARegex(deep)
        } throws: { error in
            let error = error as? ECMARegexError
            return error?.code == .patternTooComplex && error?.offset == 100
        }
        let fine = String(repeating: "(?:", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(try ECMARegex(fine).matches("a"))
    }

    @Test func concurrentUseOfOneRegex() async throws {
        let regex = try ECMARegex(#"^[a-z]+-\d+$"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask { regex.matches("item-\(index)") && !regex.matches("Item-\(index)") }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }

    // MARK: Risk analysis

    @Test(arguments: [
        ("(a+)+$", "(a+)+"), ("(a|a)*", "(a|a)*"), ("(a|ab)*c", "(a|ab)*"), (#"(\w+\s?)*$"#, #"(\w+\s?)*"#),
        ("(a*)*b", "(a*)*"), (#"^(\d+|x)+$"#, #"(\d+|x)+"#), ("^([a-z]+)*$", "([a-z]+)*"), ("(x+x+)+y", "(x+x+)+"),
        (#"^(\w{1,3})+$"#, #"(\w{1,3})+"#), ("(?:a|b|ab){20}", "(?:a|b|ab){20}"),
    ])
    func riskyPatternsAreExplained(_ pattern: String, _ culprit: String) throws {
        let explanation = try #require(ECMARegex.catastrophicBacktrackingRisk(pattern))
        #expect(explanation.contains("`\(culprit)`"))
        #expect(explanation.contains("exponential"))
    }

    @Test(arguments: [
        "^[a-zA-Z0-9._-]+$", #"^\d{3}-\d{4}$"#, "(ab+)*", #"^([a-z]+\.)*[a-z]+$"#, "^(?:get|post)*$", "^(a|b)*$",
        "(a{2})+", "(a?)+", #"^\p{L}+(?:[ -]\p{L}+)*$"#, "(?:a|b){3}", "(", "",
    ])
    func safePatternsAreNotFlagged(_ pattern: String) {
        #expect(ECMARegex.catastrophicBacktrackingRisk(pattern) == nil)
    }

    @Test func riskExplanationNamesBothRepetitions() throws {
        let explanation = try #require(ECMARegex.catastrophicBacktrackingRisk("^(a+)+$"))
        #expect(
            explanation
                == "the repetition `(a+)+` at offset 1 contains the repetition `a+`, and both can consume 'a', so a "
                + "backtracking regex engine can split a run of such characters between them in exponentially many "
                + "ways before it gives up on a non-matching string; rewrite it so each character can be matched "
                + "only one way (for example `a+` instead of `(a+)+`)"
        )
    }
}
