/// The immutable engines behind an ``ECMARegex``, shared by its copies.
final class CompiledRegex: Sendable {
    /// The program the linear engines run; `nil` when the pattern needs backtracking.
    let linearProgram: RegexProgram?
    let dfa: RegexDFA?
    let backtracker: Backtracker?
    /// The pattern's UTF-8 when it is a plain literal with no operators, searched for directly.
    let literal: [UInt8]?

    init(_ pattern: String, options: ECMARegex.Options) throws(ECMARegexError) {
        let ast = try RegexParser.parse(pattern, maxDepth: options.maxNestingDepth)
        if ast.needsBacktracking {
            let program = try RegexCompiler.compile(ast, forBacktracking: true, limit: options.maxProgramSize)
            linearProgram = nil
            dfa = nil
            backtracker = Backtracker(program: program, maxSteps: max(options.maxSteps, 0))
            literal = nil
        } else {
            let program = try RegexCompiler.compile(ast, forBacktracking: false, limit: options.maxProgramSize)
            linearProgram = program
            literal = CompiledRegex.literalBytes(ast.root)
            dfa = literal == nil ? DFABuilder.build(program) : nil
            backtracker = nil
        }
    }

    func evaluate(_ bytes: UnsafeBufferPointer<UInt8>) -> ECMARegex.MatchResult {
        if let literal { return CompiledRegex.find(literal, in: bytes) == nil ? .noMatch : .matched }
        if let dfa { return dfa.matches(bytes) ? .matched : .noMatch }
        if let linearProgram {
            return PikeVM(program: linearProgram).search(bytes, earliest: true) == nil ? .noMatch : .matched
        }
        switch backtracker?.search(bytes) {
        case .match: return .matched
        case .budgetExceeded: return .budgetExceeded
        case .noMatch, nil: return .noMatch
        }
    }

    func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Backtracker.Outcome {
        if let literal {
            guard let start = CompiledRegex.find(literal, in: bytes) else { return .noMatch }
            return .match(start..<(start + literal.count))
        }
        if let linearProgram {
            // The DFA answers "no" much faster than the VM can, and "no" is the common answer in a search.
            if let dfa, !dfa.matches(bytes) { return .noMatch }
            guard let range = PikeVM(program: linearProgram).search(bytes, earliest: false) else { return .noMatch }
            return .match(range)
        }
        return backtracker?.search(bytes) ?? .noMatch
    }

    /// The UTF-8 of a pattern made only of literal code points, such as `application/json` written as
    /// `application\/json`.
    private static func literalBytes(_ root: RegexNode) -> [UInt8]? {
        var scalars = String.UnicodeScalarView()
        let parts: [RegexNode]
        switch root {
        case .character: parts = [root]
        case .concatenation(let nodes): parts = nodes
        default: return nil
        }
        for part in parts {
            guard case .character(let codePoint) = part, let scalar = Unicode.Scalar(codePoint) else { return nil }
            scalars.append(scalar)
        }
        return Array(String(scalars).utf8)
    }

    /// The first offset of `needle` in `haystack` (a UTF-8 match of whole code points is a code point match).
    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard haystack.count >= needle.count else { return nil }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start += 1
        }
        return nil
    }
}
