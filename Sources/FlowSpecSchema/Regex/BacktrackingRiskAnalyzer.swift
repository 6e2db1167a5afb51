extension ECMARegex {
    /// Explains why `pattern` may take exponential time in a *backtracking* regex engine, or returns `nil`.
    ///
    /// This engine matches such patterns in linear time (unless they also use backreferences or lookaround), but
    /// most other tools that read the same specification (JavaScript, Java, Python, PCRE, .NET) backtrack, and a
    /// pattern like `^(a+)+$` makes them hang on a string of 30 `a`s followed by `!`. A linter can use this to
    /// warn authors. The analysis is a heuristic over the pattern's structure and reports two shapes inside a
    /// quantifier that repeats without bound (or at least 10 times):
    /// - a nested variable-length quantifier that can consume the same characters the repetition continues with,
    ///   as in `(a+)+`, `(a*)*b`, `(\w+\s?)*$`, `(\d+|x)+`;
    /// - alternatives at the start of the repeated body that can begin with the same character, as in `(a|a)*`
    ///   or `(a|ab)*c`.
    /// Invalid patterns return `nil` (compiling them reports the error).
    public static func catastrophicBacktrackingRisk(_ pattern: String) -> String? {
        guard let ast = try? RegexParser.parse(pattern, maxDepth: 200) else { return nil }
        return BacktrackingRiskAnalyzer(pattern: Array(pattern.unicodeScalars)).findRisk(in: ast.root)
    }
}

/// The structural checks behind ``ECMARegex/catastrophicBacktrackingRisk(_:)``.
struct BacktrackingRiskAnalyzer {
    let pattern: [Unicode.Scalar]

    /// Depth-first, outermost repetition first, so the message names the construct an author wrote.
    func findRisk(in node: RegexNode) -> String? {
        switch node {
        case .quantified(let body, let quantifier):
            if quantifier.max.map({ $0 >= 10 }) ?? true, let risk = risk(repeating: body, quantifier) {
                return risk
            }
            return findRisk(in: body)
        case .group(let body, _), .lookaround(let body, _):
            return findRisk(in: body)
        case .concatenation(let parts), .alternation(let parts):
            for part in parts {
                if let risk = findRisk(in: part) { return risk }
            }
            return nil
        case .empty, .character, .set, .assertion, .backreference:
            return nil
        }
    }

    private func risk(repeating body: RegexNode, _ outer: RegexQuantifier) -> String? {
        let outerText = text(outer.span)
        let first = firstSets(body)
        let last = lastSets(body)
        for (inner, innerQuantifier) in edgeQuantifiers(body, atEnd: true) where isVariable(innerQuantifier) {
            if let shared = overlap(firstSets(inner), first) {
                return nestedMessage(outerText, outer, text(innerQuantifier.span), shared)
            }
        }
        for (inner, innerQuantifier) in edgeQuantifiers(body, atEnd: false) where isVariable(innerQuantifier) {
            if let shared = overlap(firstSets(inner), last) {
                return nestedMessage(outerText, outer, text(innerQuantifier.span), shared)
            }
        }
        for alternatives in headAlternations(body) {
            for (index, alternative) in alternatives.enumerated() {
                for other in alternatives[(index + 1)...] {
                    if let shared = overlap(firstSets(alternative), firstSets(other)) {
                        return "the repetition `\(outerText)` at offset \(outer.span.lowerBound) repeats alternatives "
                            + "that can both start with \(describe(shared)), so a backtracking regex engine may try "
                            + "exponentially many combinations before it gives up on a non-matching string; make the "
                            + "alternatives mutually exclusive (for example by factoring out a common prefix)"
                    }
                }
            }
        }
        return nil
    }

    private func nestedMessage(_ outerText: String, _ outer: RegexQuantifier, _ innerText: String, _ shared: UInt32)
        -> String
    {
        "the repetition `\(outerText)` at offset \(outer.span.lowerBound) contains the repetition `\(innerText)`, "
            + "and both can consume \(describe(shared)), so a backtracking regex engine can split a run of such "
            + "characters between them in exponentially many ways before it gives up on a non-matching string; "
            + "rewrite it so each character can be matched only one way (for example `a+` instead of `(a+)+`)"
    }

    /// A quantifier that can match different numbers of iterations, at least two.
    private func isVariable(_ quantifier: RegexQuantifier) -> Bool {
        quantifier.max != quantifier.min && (quantifier.max ?? Int.max) >= 2
    }

    /// The quantified nodes that can end (`atEnd`) or start a match of `node`, with their bodies.
    private func edgeQuantifiers(_ node: RegexNode, atEnd: Bool) -> [(RegexNode, RegexQuantifier)] {
        switch node {
        case .quantified(let body, let quantifier):
            return [(body, quantifier)] + edgeQuantifiers(body, atEnd: atEnd)
        case .group(let body, _):
            return edgeQuantifiers(body, atEnd: atEnd)
        case .alternation(let alternatives):
            return alternatives.flatMap { edgeQuantifiers($0, atEnd: atEnd) }
        case .concatenation(let parts):
            var result: [(RegexNode, RegexQuantifier)] = []
            for part in atEnd ? parts.reversed() : parts {
                result += edgeQuantifiers(part, atEnd: atEnd)
                if !part.isNullable { break }
            }
            return result
        case .empty, .character, .set, .assertion, .lookaround, .backreference:
            return []
        }
    }

    /// The alternations whose alternatives can start a match of `node`.
    private func headAlternations(_ node: RegexNode) -> [[RegexNode]] {
        switch node {
        case .alternation(let alternatives):
            return [alternatives] + alternatives.flatMap(headAlternations)
        case .group(let body, _):
            return headAlternations(body)
        case .concatenation(let parts):
            var result: [[RegexNode]] = []
            for part in parts {
                result += headAlternations(part)
                if !part.isNullable { break }
            }
            return result
        default:
            return []
        }
    }

    /// The sets one of which the first code point of a non-empty match of `node` belongs to.
    private func firstSets(_ node: RegexNode) -> [CharSet] { edgeSets(node, atEnd: false) }

    private func lastSets(_ node: RegexNode) -> [CharSet] { edgeSets(node, atEnd: true) }

    private func edgeSets(_ node: RegexNode, atEnd: Bool) -> [CharSet] {
        switch node {
        case .character(let codePoint): return [CharSet([codePoint])]
        case .set(let set): return [set]
        case .group(let body, _): return edgeSets(body, atEnd: atEnd)
        case .quantified(let body, let quantifier): return quantifier.max == 0 ? [] : edgeSets(body, atEnd: atEnd)
        case .alternation(let alternatives): return alternatives.flatMap { edgeSets($0, atEnd: atEnd) }
        case .concatenation(let parts):
            var result: [CharSet] = []
            for part in atEnd ? parts.reversed() : parts {
                result += edgeSets(part, atEnd: atEnd)
                if !part.isNullable { break }
            }
            return result
        case .empty, .assertion, .lookaround, .backreference: return []
        }
    }

    /// A code point in both unions, if there is one: exact for ASCII, sampled beyond it.
    private func overlap(_ first: [CharSet], _ second: [CharSet]) -> UInt32? {
        guard !first.isEmpty, !second.isEmpty else { return nil }
        let candidates =
            Array(UInt32(0x20)..<0x7F) + Array(UInt32(0)..<0x20) + [0x7F]
            + Array(UInt32(0x80)..<0x3000) + [0xFEFF, 0x1F600, 0x20000]
        for codePoint in candidates
        where first.contains(where: { $0.contains(codePoint) }) && second.contains(where: { $0.contains(codePoint) }) {
            return codePoint
        }
        return nil
    }

    private func describe(_ codePoint: UInt32) -> String {
        guard let scalar = Unicode.Scalar(codePoint), codePoint > 0x20, codePoint != 0x7F,
            !scalar.properties.isWhitespace
        else { return "U+\(String(codePoint, radix: 16, uppercase: true))" }
        return "'\(Character(scalar))'"
    }

    private func text(_ span: Range<Int>) -> String {
        let clamped = span.clamped(to: 0..<pattern.count)
        return String(String.UnicodeScalarView(pattern[clamped]))
    }
}
