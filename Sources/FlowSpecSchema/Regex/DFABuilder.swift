/// Builds a ``RegexDFA`` from a linear ``RegexProgram`` by subset construction, within a state budget.
///
/// A DFA state is the set of NFA instructions live after some prefix of the input, for every start position at
/// once (the start instruction is re-seeded at each step, which is what makes the search unanchored). `^` is
/// followed only in the initial state; `$` stays pending in the set and is resolved when the input ends.
struct DFABuilder {
    static let maxStates = 1024
    static let maxTableSize = 1 << 14
    static let maxPropertySets = 3
    static let maxSymbols = 1024
    /// Larger programs (long counted repetitions) would exceed the state budget anyway; don't try.
    static let maxInstructions = 4096
    /// Instructions visited by all closures together; beyond this, building would cost more than it saves.
    static let maxWork = 300_000

    private struct StateKey: Hashable {
        var instructions: [Int32]
        var isInitial: Bool
    }

    private let program: RegexProgram
    /// The distinct consuming instructions (`.character` and `.set`); `testIndex[pc]` is the position of the
    /// instruction at `pc` among them, or -1.
    private var tests: [RegexInstruction] = []
    private var testIndex: [Int] = []
    /// `symbolMatches[symbol * tests.count + test]`: whether `tests[test]` accepts `symbol`.
    private var symbolMatches: [Bool] = []
    /// `marks[pc] == generation` when a closure already visited `pc`.
    private var marks: [UInt32]
    private var generation: UInt32 = 0
    private var work = 0

    private init(program: RegexProgram) {
        self.program = program
        marks = [UInt32](repeating: 0, count: program.instructions.count)
        var positions: [RegexInstruction: Int] = [:]
        testIndex = program.instructions.map { instruction in
            switch instruction {
            case .character, .set:
                if let known = positions[instruction] { return known }
                positions[instruction] = tests.count
                tests.append(instruction)
                return tests.count - 1
            default:
                return -1
            }
        }
    }

    /// The DFA for `program`, or `nil` when the program needs more than a DFA can express or afford.
    static func build(_ program: RegexProgram) -> RegexDFA? {
        guard !program.usesWordBoundary, program.instructions.count <= maxInstructions else { return nil }
        for instruction in program.instructions {
            switch instruction {
            case .character, .set, .split, .jump, .assertion, .match, .fail: continue
            default: return nil
            }
        }
        var builder = DFABuilder(program: program)
        guard let alphabet = builder.makeAlphabet() else { return nil }
        return builder.construct(alphabet)
    }

    // MARK: Alphabet

    private struct Alphabet {
        var asciiSymbols: [UInt8]
        var intervalStarts: [UInt32]
        var intervalClasses: [UInt16]
        var propertySets: [Int]
        var nonASCIIBase: Int
        var symbolCount: Int
    }

    private mutating func makeAlphabet() -> Alphabet? {
        let propertySets = program.sets.indices.filter { !program.sets[$0].isRangesOnly }
        guard propertySets.count <= DFABuilder.maxPropertySets else { return nil }

        // ASCII: bytes with the same answers from every consuming instruction share a symbol.
        var asciiSymbols = [UInt8](repeating: 0, count: 128)
        var asciiRepresentatives: [UInt32] = []
        var asciiSignatures: [[Bool]: UInt8] = [:]
        for byte in UInt32(0)..<128 {
            let signature = tests.map { consumes($0, byte) }
            if let symbol = asciiSignatures[signature] {
                asciiSymbols[Int(byte)] = symbol
            } else {
                let symbol = UInt8(asciiRepresentatives.count)
                asciiSignatures[signature] = symbol
                asciiRepresentatives.append(byte)
                asciiSymbols[Int(byte)] = symbol
            }
        }

        // Beyond ASCII: split the code space at every explicit range bound; property sets become bits.
        var bounds: Set<UInt32> = [0x80]
        for test in tests {
            switch test {
            case .character(let codePoint) where codePoint >= 0x80:
                bounds.insert(codePoint)
                bounds.insert(codePoint + 1)
            case .set(let index) where program.sets[Int(index)].isRangesOnly:
                for range in program.sets[Int(index)].ranges where range.upperBound >= 0x80 {
                    bounds.insert(max(range.lowerBound, 0x80))
                    bounds.insert(range.upperBound + 1)
                }
            default:
                continue
            }
        }
        let intervalStarts = bounds.filter { $0 <= 0x10FFFF }.sorted()
        var intervalClasses = [UInt16](repeating: 0, count: intervalStarts.count)
        var classRepresentatives: [UInt32] = []
        var classSignatures: [[Bool]: UInt16] = [:]
        for (index, start) in intervalStarts.enumerated() {
            let signature = tests.map { consumesIgnoringProperties($0, start) }
            if let known = classSignatures[signature] {
                intervalClasses[index] = known
            } else {
                let newClass = UInt16(classRepresentatives.count)
                classSignatures[signature] = newClass
                classRepresentatives.append(start)
                intervalClasses[index] = newClass
            }
        }

        let nonASCIIBase = asciiRepresentatives.count
        let symbolCount = nonASCIIBase + classRepresentatives.count << propertySets.count
        guard symbolCount <= DFABuilder.maxSymbols else { return nil }

        // The answer table: ASCII symbols by representative; non-ASCII ones by class representative and bits.
        let width = tests.count
        var table = [Bool](repeating: false, count: symbolCount * width)
        for (symbol, byte) in asciiRepresentatives.enumerated() {
            for test in 0..<width { table[symbol * width + test] = consumes(tests[test], byte) }
        }
        for (classIndex, representative) in classRepresentatives.enumerated() {
            for bits in 0..<(1 << propertySets.count) {
                let symbol = nonASCIIBase + (classIndex << propertySets.count | bits)
                for test in 0..<width {
                    let answer: Bool
                    if case .set(let index) = tests[test], let bit = propertySets.firstIndex(of: Int(index)) {
                        answer = bits & (1 << bit) != 0
                    } else {
                        answer = consumesIgnoringProperties(tests[test], representative)
                    }
                    table[symbol * width + test] = answer
                }
            }
        }
        symbolMatches = table
        return Alphabet(
            asciiSymbols: asciiSymbols,
            intervalStarts: intervalStarts,
            intervalClasses: intervalClasses,
            propertySets: propertySets,
            nonASCIIBase: nonASCIIBase,
            symbolCount: symbolCount
        )
    }

    private func consumes(_ instruction: RegexInstruction, _ codePoint: UInt32) -> Bool {
        switch instruction {
        case .character(let expected): return expected == codePoint
        case .set(let index): return program.sets[Int(index)].contains(codePoint)
        default: return false
        }
    }

    /// Membership for non-ASCII code points of instructions that do not test properties (others answer `false`
    /// here and are decided by their symbol bit).
    private func consumesIgnoringProperties(_ instruction: RegexInstruction, _ codePoint: UInt32) -> Bool {
        switch instruction {
        case .character(let expected): return expected == codePoint
        case .set(let index):
            let set = program.sets[Int(index)]
            return set.isRangesOnly && set.contains(codePoint)
        default: return false
        }
    }

    // MARK: Subset construction

    private mutating func construct(_ alphabet: Alphabet) -> RegexDFA? {
        let width = tests.count
        let symbolCount = alphabet.symbolCount
        var keys: [StateKey] = []
        var indices: [StateKey: Int] = [:]
        var targets: [Int] = []
        var flags: [RegexDFA.Flags] = []
        // Many symbols step a state to the same instructions; close each distinct seed list once.
        var targetsBySeeds: [[Int32]: Int] = [:]

        func intern(_ key: StateKey) -> Int? {
            if let index = indices[key] { return index }
            guard keys.count < DFABuilder.maxStates, (keys.count + 1) * symbolCount <= DFABuilder.maxTableSize else {
                return nil
            }
            indices[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }

        let initialInstructions = closure([0], atStart: true, atEnd: false)
        guard let initial = intern(StateKey(instructions: initialInstructions, isInitial: true)) else { return nil }
        var next = 0
        while next < keys.count {
            let key = keys[next]
            let current = next
            next += 1
            var stateFlags: RegexDFA.Flags = []
            if key.instructions.contains(where: { program.instructions[Int($0)] == .match }) {
                stateFlags.insert(.accepting)
            }
            if key.instructions.isEmpty { stateFlags.insert(.dead) }
            let pending = key.instructions.filter { program.instructions[Int($0)] == .assertion(.end) }
            if !pending.isEmpty {
                let atEnd = closure(pending.map { $0 + 1 }, atStart: key.isInitial, atEnd: true)
                if atEnd.contains(where: { program.instructions[Int($0)] == .match }) {
                    stateFlags.insert(.acceptingAtEnd)
                }
            }
            flags.append(stateFlags)
            if !stateFlags.isDisjoint(with: [.accepting, .dead]) {
                targets += [Int](repeating: current, count: symbolCount)
                continue
            }
            for symbol in 0..<symbolCount {
                var seeds: [Int32] = [0]
                for pc in key.instructions {
                    let test = testIndex[Int(pc)]
                    if test >= 0 && symbolMatches[symbol * width + test] { seeds.append(pc + 1) }
                }
                if let known = targetsBySeeds[seeds] {
                    targets.append(known)
                    continue
                }
                let target = StateKey(instructions: closure(seeds, atStart: false, atEnd: false), isInitial: false)
                guard work <= DFABuilder.maxWork, let index = intern(target) else { return nil }
                targetsBySeeds[seeds] = index
                targets.append(index)
            }
        }

        // Renumber so that accepting and dead states come last, and premultiply rows.
        let isSpecial = flags.map { !$0.isDisjoint(with: [.accepting, .dead]) }
        let order = flags.indices.filter { !isSpecial[$0] } + flags.indices.filter { isSpecial[$0] }
        var newIndex = [Int](repeating: 0, count: order.count)
        for (position, state) in order.enumerated() { newIndex[state] = position }
        var transitions = [UInt32](repeating: 0, count: order.count * symbolCount)
        for (position, state) in order.enumerated() {
            for symbol in 0..<symbolCount {
                transitions[position * symbolCount + symbol] = UInt32(
                    newIndex[targets[state * symbolCount + symbol]] * symbolCount)
            }
        }
        return RegexDFA(
            asciiSymbols: alphabet.asciiSymbols,
            intervalStarts: alphabet.intervalStarts,
            intervalClasses: alphabet.intervalClasses,
            propertySets: alphabet.propertySets.map { program.sets[$0] },
            nonASCIIBase: alphabet.nonASCIIBase,
            stride: symbolCount,
            transitions: transitions,
            flags: order.map { flags[$0] },
            initialRow: newIndex[initial] * symbolCount,
            firstSpecialRow: isSpecial.filter { !$0 }.count * symbolCount
        )
    }

    /// The consuming, matching and pending-`$` instructions reachable from `seeds` without consuming input,
    /// sorted. With `atEnd`, `$` is followed instead of kept pending.
    private mutating func closure(_ seeds: [Int32], atStart: Bool, atEnd: Bool) -> [Int32] {
        generation &+= 1
        var result: [Int32] = []
        var stack = seeds
        while let pc = stack.popLast() {
            guard marks[Int(pc)] != generation else { continue }
            marks[Int(pc)] = generation
            work += 1
            switch program.instructions[Int(pc)] {
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(first)
                stack.append(second)
            case .assertion(.start):
                if atStart { stack.append(pc + 1) }
            case .assertion(.end):
                if atEnd { stack.append(pc + 1) } else { result.append(pc) }
            case .assertion, .fail:
                continue
            default:
                result.append(pc)
            }
        }
        return result.sorted()
    }
}
