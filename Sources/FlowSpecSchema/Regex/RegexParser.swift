/// Parses an ECMA-262 pattern with the `u` flag into a ``RegexAST``
/// ([ECMA-262 §22.2.1](https://tc39.es/ecma262/#sec-patterns)).
///
/// Unicode mode is strict, and so is this parser: a lone `{`, `}` or `]`, an escape of an ordinary letter (`\a`),
/// an octal escape, a quantified lookaround and a backreference to a missing group are all errors, exactly as in
/// `new RegExp(pattern, "u")`. Foreign syntax that authors often bring from other engines (`(?P<name>...)`,
/// `(?i)`, `(?#...)`, atomic groups) gets an error that says what to write instead.
///
/// The grammar is recursive only through groups, and ``maxDepth`` bounds that, so hostile nesting cannot overflow
/// the stack.
struct RegexParser {
    /// One step on the path from the root to a group: which disjunction, and which of its alternatives.
    private struct AlternativeStep: Equatable {
        var disjunction: Int
        var alternative: Int
    }

    private struct NamedGroup {
        var name: String
        var number: Int
        var path: [AlternativeStep]
    }

    let scalars: [UInt32]
    var position = 0
    private let maxDepth: Int
    private var depth = 0
    private var groupCount = 0
    private var namedGroups: [NamedGroup] = []
    private var backreferences: [(reference: RegexBackreference, offset: Int)] = []
    private var path: [AlternativeStep] = []
    private var disjunctionCount = 0
    private var needsBacktracking = false

    private init(pattern: String, maxDepth: Int) {
        scalars = pattern.unicodeScalars.map(\.value)
        self.maxDepth = min(max(maxDepth, 1), 200)
    }

    /// Parses `pattern`, or throws the first syntax error with its offset in Unicode scalars.
    static func parse(_ pattern: String, maxDepth: Int) throws(ECMARegexError) -> RegexAST {
        var parser = RegexParser(pattern: pattern, maxDepth: maxDepth)
        return try parser.parsePattern()
    }

    private mutating func parsePattern() throws(ECMARegexError) -> RegexAST {
        let root = try parseDisjunction()
        if position < scalars.count {
            // parseDisjunction stops only at the end or at a ')' that closes nothing.
            throw ECMARegexError(.unmatchedCloseParenthesis, at: position)
        }
        var numbersByName: [String: [Int]] = [:]
        for group in namedGroups { numbersByName[group.name, default: []].append(group.number) }
        for (reference, offset) in backreferences {
            switch reference {
            case .number(let number) where number > groupCount:
                throw ECMARegexError(.backreferenceOutOfRange(number, groupCount: groupCount), at: offset)
            case .name(let name) where numbersByName[name] == nil:
                throw ECMARegexError(.undefinedGroupName(name), at: offset)
            default:
                continue
            }
        }
        return RegexAST(
            root: root,
            groupCount: groupCount,
            groupNumbersByName: numbersByName,
            needsBacktracking: needsBacktracking
        )
    }

    // MARK: Structure

    private mutating func parseDisjunction() throws(ECMARegexError) -> RegexNode {
        let disjunction = disjunctionCount
        disjunctionCount += 1
        var alternatives: [RegexNode] = []
        repeat {
            path.append(AlternativeStep(disjunction: disjunction, alternative: alternatives.count))
            alternatives.append(try parseAlternative())
            path.removeLast()
        } while eat("|")
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(ECMARegexError) -> RegexNode {
        var terms: [RegexNode] = []
        while let next = peek(), next != "|", next != ")" {
            terms.append(try parseTerm())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .concatenation(terms)
        }
    }

    private mutating func parseTerm() throws(ECMARegexError) -> RegexNode {
        let start = position
        switch peek() {
        case "^":
            position += 1
            try rejectQuantifier()
            return .assertion(.start)
        case "$":
            position += 1
            try rejectQuantifier()
            return .assertion(.end)
        case "\\" where peek(1) == "b" || peek(1) == "B":
            let isBoundary = peek(1) == "b"
            position += 2
            try rejectQuantifier()
            return .assertion(isBoundary ? .wordBoundary : .notWordBoundary)
        case "(":
            let (node, isQuantifiable) = try parseGroup()
            if !isQuantifiable {
                try rejectQuantifier()
                return node
            }
            return try parseQuantifier(for: node, start: start)
        default:
            let atom = try parseAtom()
            return try parseQuantifier(for: atom, start: start)
        }
    }

    /// Assertions and lookarounds cannot be quantified with the `u` flag.
    private func rejectQuantifier() throws(ECMARegexError) {
        switch peek() {
        case "*", "+", "?", "{": throw ECMARegexError(.nothingToRepeat, at: position)
        default: return
        }
    }

    private mutating func parseAtom() throws(ECMARegexError) -> RegexNode {
        guard let scalar = peek() else { return .empty }
        switch scalar {
        case ".":
            position += 1
            return .set(UnicodeClasses.dot)
        case "[":
            return .set(try parseClass())
        case "\\":
            return try parseAtomEscape()
        case "*", "+", "?":
            throw ECMARegexError(.nothingToRepeat, at: position)
        case "{":
            if let digit = peek(1), isDecimalDigit(digit) { throw ECMARegexError(.nothingToRepeat, at: position) }
            throw ECMARegexError(.loneSyntaxCharacter("{"), at: position)
        case "}", "]":
            throw ECMARegexError(.loneSyntaxCharacter(Character(scalar)), at: position)
        default:
            position += 1
            return .character(scalar.value)
        }
    }

    private mutating func parseQuantifier(for atom: RegexNode, start: Int) throws(ECMARegexError) -> RegexNode {
        let quantifierStart = position
        var min = 0
        var max: Int?
        switch peek() {
        case "*":
            position += 1
        case "+":
            min = 1
            position += 1
        case "?":
            max = 1
            position += 1
        case "{":
            position += 1
            guard let low = parseDecimal() else { throw ECMARegexError(.incompleteQuantifier, at: quantifierStart) }
            min = low
            max = low
            if eat(",") {
                max = nil
                if let high = parseDecimal() { max = high }
            }
            guard eat("}") else { throw ECMARegexError(.incompleteQuantifier, at: quantifierStart) }
            if let max, max < min {
                throw ECMARegexError(.quantifierOutOfOrder(min, max), at: quantifierStart)
            }
        default:
            return atom
        }
        let isGreedy = !eat("?")
        let quantifier = RegexQuantifier(min: min, max: max, isGreedy: isGreedy, span: start..<position)
        return .quantified(atom, quantifier)
    }

    /// Reads decimal digits, saturating at `Int32.max` (the program-size budget refuses such counts anyway).
    private mutating func parseDecimal() -> Int? {
        var value: Int?
        while let scalar = peek(), isDecimalDigit(scalar) {
            value = Swift.min((value ?? 0) * 10 + Int(scalar.value - 0x30), Int(Int32.max))
            position += 1
        }
        return value
    }

    // MARK: Groups

    /// Parses a parenthesised construct; lookarounds are not quantifiable.
    private mutating func parseGroup() throws(ECMARegexError) -> (RegexNode, isQuantifiable: Bool) {
        let open = position
        position += 1
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth { throw ECMARegexError(.nestingTooDeep(limit: maxDepth), at: open) }

        var capture: Int?
        var lookaround: RegexLookaround?
        if eat("?") {
            switch peek() {
            case ":":
                position += 1
            case "=":
                position += 1
                lookaround = .ahead
            case "!":
                position += 1
                lookaround = .negativeAhead
            case "<" where peek(1) == "=":
                position += 2
                lookaround = .behind
            case "<" where peek(1) == "!":
                position += 2
                lookaround = .negativeBehind
            case "<":
                position += 1
                let nameStart = position
                let name = try parseGroupName()
                groupCount += 1
                capture = groupCount
                try recordGroupName(name, number: groupCount, offset: nameStart)
            default:
                throw foreignGroupError(at: open)
            }
        } else {
            groupCount += 1
            capture = groupCount
        }

        let body = try parseDisjunction()
        guard eat(")") else { throw ECMARegexError(.unterminatedGroup, at: open) }
        if let lookaround {
            needsBacktracking = true
            return (.lookaround(body, lookaround), false)
        }
        return (.group(body, capture: capture), true)
    }

    /// Names may repeat only in alternatives that exclude each other (ES2025 duplicate named groups).
    private mutating func recordGroupName(_ name: String, number: Int, offset: Int) throws(ECMARegexError) {
        for other in namedGroups where other.name == name && !RegexParser.excludeEachOther(other.path, path) {
            throw ECMARegexError(.duplicateGroupName(name), at: offset)
        }
        namedGroups.append(NamedGroup(name: name, number: number, path: path))
    }

    private static func excludeEachOther(_ first: [AlternativeStep], _ second: [AlternativeStep]) -> Bool {
        for (a, b) in zip(first, second) {
            if a.disjunction != b.disjunction { return false }
            if a.alternative != b.alternative { return true }
        }
        return false
    }

    /// The error for `(?` followed by something ECMA-262 does not define, naming the usual intent.
    private func foreignGroupError(at open: Int) -> ECMARegexError {
        let rest = String(String.UnicodeScalarView(scalars[(open + 2)...].prefix(2).compactMap(Unicode.Scalar.init)))
        let reason: RegexErrorReason
        if rest.hasPrefix("P<") {
            reason = .foreignGroupSyntax(syntax: "(?P<name>...)", advice: "write a named group as (?<name>...)")
        } else if rest.hasPrefix("P=") {
            reason = .foreignGroupSyntax(syntax: "(?P=name)", advice: "write a named backreference as \\k<name>")
        } else if rest.hasPrefix("#") {
            reason = .foreignGroupSyntax(syntax: "a (?#...) comment", advice: "remove the comment")
        } else if rest.hasPrefix(">") {
            reason = .foreignGroupSyntax(syntax: "an atomic group (?>...)", advice: "use (?:...)")
        } else if rest.hasPrefix("'") {
            reason = .foreignGroupSyntax(syntax: "(?'name'...)", advice: "write a named group as (?<name>...)")
        } else if isInlineFlagGroup(from: open + 2) {
            reason = .foreignGroupSyntax(
                syntax: "an inline flag group such as (?i)",
                advice: "JSON Schema patterns have no flags; spell out the cases, for example [Aa]"
            )
        } else if isModifierGroup(from: open + 2) {
            reason = .unsupportedModifiers
        } else {
            reason = .foreignGroupSyntax(
                syntax: "'(?\(rest.prefix(1))'",
                advice: "ECMA-262 groups are (...), (?:...), (?<name>...), (?=...), (?!...), (?<=...) and (?<!...)"
            )
        }
        return ECMARegexError(reason, at: open)
    }

    /// `(?ims)`, `(?-i)`: flags that apply to the rest of the pattern in PCRE and Python.
    private func isInlineFlagGroup(from index: Int) -> Bool {
        var index = index
        var sawFlag = false
        while index < scalars.count, let flag = Unicode.Scalar(scalars[index]), "imsxu-".unicodeScalars.contains(flag) {
            sawFlag = true
            index += 1
        }
        return sawFlag && index < scalars.count && scalars[index] == 0x29
    }

    /// `(?i:...)`, `(?-i:...)`: ES2025 pattern modifiers.
    private func isModifierGroup(from index: Int) -> Bool {
        var index = index
        var sawFlag = false
        while index < scalars.count, let flag = Unicode.Scalar(scalars[index]), "ims-".unicodeScalars.contains(flag) {
            sawFlag = true
            index += 1
        }
        return sawFlag && index < scalars.count && scalars[index] == 0x3A
    }

    /// Parses `name>` after `(?<` or `\k<` (RegExpIdentifierName, escapes allowed).
    mutating func parseGroupName() throws(ECMARegexError) -> String {
        let start = position
        var name = String.UnicodeScalarView()
        while true {
            guard let next = peek() else { throw ECMARegexError(.invalidGroupName, at: start) }
            var scalar = next.value
            if next == ">" {
                position += 1
                break
            }
            if next == "\\" {  // only \u escapes are allowed in names
                guard peek(1) == "u" else { throw ECMARegexError(.invalidGroupName, at: start) }
                let escapeStart = position
                position += 2
                scalar = try parseUnicodeEscapeBody(escapeStart: escapeStart)
            } else {
                position += 1
            }
            guard let unicodeScalar = Unicode.Scalar(scalar),
                name.isEmpty ? isIdentifierStart(unicodeScalar) : isIdentifierPart(unicodeScalar)
            else { throw ECMARegexError(.invalidGroupName, at: start) }
            name.append(unicodeScalar)
        }
        guard !name.isEmpty else { throw ECMARegexError(.invalidGroupName, at: start) }
        return String(name)
    }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "$" || scalar == "_" || scalar.properties.isIDStart
    }

    private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "$" || scalar.value == 0x200C || scalar.value == 0x200D || scalar.properties.isIDContinue
    }

    // MARK: Helpers shared with the escape and class parsers

    mutating func noteBackreference(_ reference: RegexBackreference, offset: Int) {
        needsBacktracking = true
        backreferences.append((reference, offset))
    }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        guard index < scalars.count else { return nil }
        return Unicode.Scalar(scalars[index])
    }

    mutating func eat(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    func character(_ codePoint: UInt32) -> Character {
        Character(Unicode.Scalar(codePoint) ?? "\u{FFFD}")
    }
}
