/// Turns a ``RegexAST`` into a ``RegexProgram``.
///
/// Counted repetition is expanded (`a{2,4}` becomes `a a (a (a)?)?`), which is what lets the Pike VM and the DFA
/// run in linear time; the cost is program size, so every emitted instruction is counted against
/// ``ECMARegex/Options/maxProgramSize`` and compiling stops at the limit (a million-instruction pattern is refused
/// after emitting at most `limit` instructions, not after building it).
struct RegexCompiler {
    private var program = RegexProgram()
    private let ast: RegexAST
    private let forBacktracking: Bool
    private let limit: Int
    private var setIndices: [CharSet: Int32] = [:]
    private var captureSlots: Int
    private var registerCount = 0
    private var loopDepth = 0
    /// Where the outermost quantifier being expanded starts, for the size error.
    private var errorOffset = 0
    private var quantifierDepth = 0

    private init(ast: RegexAST, forBacktracking: Bool, limit: Int) {
        self.ast = ast
        self.forBacktracking = forBacktracking
        self.limit = max(limit, 16)
        captureSlots = 2 * (ast.groupCount + 1)
    }

    /// Compiles `ast`; `forBacktracking` adds captures, loop registers and lookaround, which only the
    /// ``Backtracker`` runs.
    static func compile(_ ast: RegexAST, forBacktracking: Bool, limit: Int) throws(ECMARegexError) -> RegexProgram {
        var compiler = RegexCompiler(ast: ast, forBacktracking: forBacktracking, limit: limit)
        try compiler.emit(ast.root, backward: false)
        try compiler.append(.match)
        compiler.program.slotCount = compiler.captureSlots + compiler.registerCount
        compiler.program.isAnchoredAtStart = ast.root.isAnchoredAtStart
        if !forBacktracking { compiler.program.firstBytes = compiler.firstBytes() }
        return compiler.program
    }

    /// The first bytes of every possible match, or `nil` if the pattern can match the empty string (assertions
    /// are assumed to hold, which only makes the set larger).
    private func firstBytes() -> ByteSet? {
        var bytes = ByteSet()
        var visited = Set<Int>()
        var stack = [0]
        while let pc = stack.popLast() {
            guard visited.insert(pc).inserted else { continue }
            switch program.instructions[pc] {
            case .jump(let target): stack.append(Int(target))
            case .split(let first, let second): stack += [Int(first), Int(second)]
            case .assertion, .save, .clearSlots, .markPosition, .requireProgress: stack.append(pc + 1)
            case .fail: continue
            case .character(let codePoint):
                if codePoint < 0x80 {
                    bytes.insert(UInt8(codePoint))
                } else if let scalar = Unicode.Scalar(codePoint), codePoint != 0xFFFD {
                    bytes.insert(String(Character(scalar)).utf8.first ?? 0xFF)
                } else {
                    // U+FFFD also stands for invalid input bytes; a lone surrogate never matches.
                    if codePoint == 0xFFFD { for byte in UInt8(0x80)...0xFF { bytes.insert(byte) } }
                }
            case .set(let index):
                let set = program.sets[Int(index)]
                for byte in UInt8(0)..<0x80 where set.contains(UInt32(byte)) { bytes.insert(byte) }
                if set.isNegated || !set.properties.isEmpty || set.ranges.last.map({ $0.upperBound >= 0x80 }) == true {
                    for byte in UInt8(0x80)...0xFF { bytes.insert(byte) }
                }
            default:
                return nil  // .match: the empty string matches; backtracking-only instructions: no filter
            }
        }
        return bytes
    }

    @discardableResult
    private mutating func append(_ instruction: RegexInstruction) throws(ECMARegexError) -> Int {
        guard program.instructions.count < limit else {
            throw ECMARegexError(.programTooLarge(limit: limit), at: errorOffset)
        }
        program.instructions.append(instruction)
        return program.instructions.count - 1
    }

    private var next: Int32 { Int32(program.instructions.count) }

    private mutating func patch(_ index: Int, _ instruction: RegexInstruction) {
        program.instructions[index] = instruction
    }

    private mutating func emit(_ node: RegexNode, backward: Bool) throws(ECMARegexError) {
        switch node {
        case .empty:
            return
        case .character(let codePoint):
            try append(backward ? .characterBackward(codePoint) : .character(codePoint))
        case .set(let set):
            let index = intern(set)
            try append(backward ? .setBackward(index) : .set(index))
        case .concatenation(let parts):
            if backward {
                for part in parts.reversed() { try emit(part, backward: true) }
            } else {
                for part in parts { try emit(part, backward: false) }
            }
        case .alternation(let alternatives):
            try emitAlternation(alternatives, backward: backward)
        case .group(let body, let capture):
            guard let capture, forBacktracking else { return try emit(body, backward: backward) }
            let start = Int32(2 * capture)
            try append(.save(backward ? start + 1 : start))
            try emit(body, backward: backward)
            try append(.save(backward ? start : start + 1))
        case .quantified(let body, let quantifier):
            // Blame the outermost repetition: it is the product of nested counts that blows up.
            quantifierDepth += 1
            defer { quantifierDepth -= 1 }
            if quantifierDepth == 1 { errorOffset = quantifier.span.lowerBound }
            try emitQuantified(body, quantifier, backward: backward)
        case .assertion(let assertion):
            if assertion == .wordBoundary || assertion == .notWordBoundary { program.usesWordBoundary = true }
            try append(.assertion(assertion))
        case .lookaround(let body, let kind):
            let start = try append(.lookaround(kind, continuation: 0))
            try emit(body, backward: kind.isBehind)
            try append(.lookaroundEnd)
            patch(start, .lookaround(kind, continuation: next))
        case .backreference(let reference):
            let groups: [Int]
            switch reference {
            case .number(let number): groups = [number]
            case .name(let name): groups = ast.groupNumbersByName[name] ?? []
            }
            program.backreferenceGroups.append(groups)
            try append(.backreference(Int32(program.backreferenceGroups.count - 1), backward: backward))
        }
    }

    private mutating func emitAlternation(_ alternatives: [RegexNode], backward: Bool) throws(ECMARegexError) {
        var jumpsToEnd: [Int] = []
        for (index, alternative) in alternatives.enumerated() {
            guard index < alternatives.count - 1 else {
                try emit(alternative, backward: backward)
                break
            }
            let split = try append(.split(0, 0))
            try emit(alternative, backward: backward)
            jumpsToEnd.append(try append(.jump(0)))
            patch(split, .split(Int32(split + 1), next))
        }
        for jump in jumpsToEnd { patch(jump, .jump(next)) }
    }

    private mutating func emitQuantified(
        _ body: RegexNode, _ quantifier: RegexQuantifier, backward: Bool
    ) throws(ECMARegexError) {
        if emitsNothing(body) { return }
        for _ in 0..<quantifier.min {
            try emitIteration(body, optional: false, backward: backward)
        }
        guard let max = quantifier.max else {
            let loop = try append(.split(0, 0))
            try emitIteration(body, optional: true, backward: backward)
            try append(.jump(Int32(loop)))
            patch(loop, quantifier.isGreedy ? .split(Int32(loop + 1), next) : .split(next, Int32(loop + 1)))
            return
        }
        guard max > quantifier.min else { return }
        var splits: [Int] = []
        for _ in quantifier.min..<max {
            splits.append(try append(.split(0, 0)))
            try emitIteration(body, optional: true, backward: backward)
        }
        for split in splits {
            patch(split, quantifier.isGreedy ? .split(Int32(split + 1), next) : .split(next, Int32(split + 1)))
        }
    }

    /// One iteration of a quantified body, with ECMA-262's per-iteration capture reset and empty-iteration check.
    private mutating func emitIteration(_ body: RegexNode, optional: Bool, backward: Bool) throws(ECMARegexError) {
        guard forBacktracking else {
            if optional && body.isNullable { return try emitNonEmptyIteration(body, backward: backward) }
            return try emit(body, backward: backward)
        }
        var register: Int32?
        if optional && body.isNullable {
            let slot = Int32(captureSlots + loopDepth)
            registerCount = Swift.max(registerCount, loopDepth + 1)
            register = slot
            try append(.markPosition(slot))
        }
        if let captures = body.captureRange {
            try append(.clearSlots(Int32(2 * captures.lowerBound), Int32(2 * captures.upperBound + 2)))
        }
        loopDepth += 1
        try emit(body, backward: backward)
        loopDepth -= 1
        if let register { try append(.requireProgress(register)) }
    }

    /// An optional iteration for the linear engines that, as ECMA-262 requires, cannot end without consuming input.
    ///
    /// The body is compiled once, then laid out twice: an "empty so far" copy whose consuming instructions jump into
    /// the same place of a "consumed" copy, and whose normal end is a dead end; and the "consumed" copy, whose end
    /// continues the pattern. Paths and their priorities are those of the body, minus the empty ones, so
    /// deduplicating threads by instruction stays exact. (Unbounded loops need none of this: an empty iteration
    /// returns to the loop's own split at the same position, where the Pike VM drops it.)
    private mutating func emitNonEmptyIteration(_ body: RegexNode, backward: Bool) throws(ECMARegexError) {
        let base = program.instructions.count
        try emit(body, backward: backward)
        let fragment = Array(program.instructions[base...])
        program.instructions.removeLast(fragment.count)
        let size = fragment.count
        var emptyIndex = [Int](repeating: 0, count: size + 1)
        var emptySize = 0
        for (offset, instruction) in fragment.enumerated() {
            emptyIndex[offset] = emptySize
            emptySize += RegexCompiler.consumes(instruction) ? 2 : 1
        }
        let failPC = base + emptySize
        emptyIndex[size] = emptySize
        let consumedBase = failPC + 1
        guard consumedBase + size <= limit else {
            throw ECMARegexError(.programTooLarge(limit: limit), at: errorOffset)
        }
        func inEmpty(_ target: Int32) -> Int32 { Int32(base + emptyIndex[Int(target) - base]) }
        func inConsumed(_ target: Int32) -> Int32 { Int32(consumedBase + Int(target) - base) }
        for (offset, instruction) in fragment.enumerated() {
            switch instruction {
            case .split(let first, let second): program.instructions.append(.split(inEmpty(first), inEmpty(second)))
            case .jump(let target): program.instructions.append(.jump(inEmpty(target)))
            default:
                program.instructions.append(instruction)
                if RegexCompiler.consumes(instruction) {
                    program.instructions.append(.jump(Int32(consumedBase + offset + 1)))
                }
            }
        }
        program.instructions.append(.fail)
        for instruction in fragment {
            switch instruction {
            case .split(let first, let second):
                program.instructions.append(.split(inConsumed(first), inConsumed(second)))
            case .jump(let target): program.instructions.append(.jump(inConsumed(target)))
            default: program.instructions.append(instruction)
            }
        }
    }

    private static func consumes(_ instruction: RegexInstruction) -> Bool {
        switch instruction {
        case .character, .set, .characterBackward, .setBackward: return true
        default: return false
        }
    }

    /// Whether `node` compiles to no instructions, so repeating it is pointless (and `(?:){999999999}` must not
    /// loop a billion times doing nothing).
    private func emitsNothing(_ node: RegexNode) -> Bool {
        switch node {
        case .empty: return true
        case .group(let body, let capture): return (capture == nil || !forBacktracking) && emitsNothing(body)
        case .concatenation(let parts): return parts.allSatisfy(emitsNothing)
        case .quantified(let body, _): return emitsNothing(body)
        default: return false
        }
    }

    private mutating func intern(_ set: CharSet) -> Int32 {
        if let index = setIndices[set] { return index }
        let index = Int32(program.sets.count)
        program.sets.append(set)
        setIndices[set] = index
        return index
    }
}
