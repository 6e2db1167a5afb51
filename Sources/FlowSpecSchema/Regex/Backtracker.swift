/// A backtracking matcher with ECMA-262 semantics for the patterns the linear engines cannot run: those with
/// backreferences or lookaround.
///
/// It follows the specification's matcher closely ([ECMA-262 §22.2.2](https://tc39.es/ecma262/#sec-pattern-semantics)):
/// captures reset at every iteration of their quantifier, an optional iteration may not match the empty string,
/// lookarounds are atomic, positive lookarounds keep their captures and negative ones do not, and lookbehind
/// bodies run right to left. Backtracking can take exponential time, so every executed instruction counts against
/// a step budget shared by all start positions of one search; running out ends the search with
/// ``Outcome/budgetExceeded`` instead of a hang. The explicit stack keeps deep inputs from overflowing the call
/// stack; only lookaround nesting (bounded by the parser's depth limit) recurses.
struct Backtracker {
    enum Outcome: Equatable {
        case match(Range<Int>)
        case noMatch
        case budgetExceeded
    }

    let program: RegexProgram
    let maxSteps: Int

    func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var run = Run(program: program, bytes: bytes, maxSteps: maxSteps)
        var start = 0
        while true {
            for slot in run.slots.indices { run.slots[slot] = -1 }
            run.stack.removeAll(keepingCapacity: true)
            switch run.run(pc: 0, position: start, base: 0) {
            case .success(let end): return .match(start..<end)
            case .budgetExceeded: return .budgetExceeded
            case .failure: break
            }
            if program.isAnchoredAtStart || start >= bytes.count { return .noMatch }
            start = UTF8Scalars.next(bytes, after: start)
        }
    }

    private enum Frame {
        /// Resume at `pc` and `position`.
        case branch(pc: Int32, position: Int)
        /// Undo a slot write.
        case restore(slot: Int32, value: Int)
    }

    private enum RunResult {
        case success(Int)
        case failure
        case budgetExceeded
    }

    private struct Run {
        let program: RegexProgram
        let bytes: UnsafeBufferPointer<UInt8>
        let maxSteps: Int
        var slots: [Int]
        var stack: [Frame] = []
        var steps = 0

        init(program: RegexProgram, bytes: UnsafeBufferPointer<UInt8>, maxSteps: Int) {
            self.program = program
            self.bytes = bytes
            self.maxSteps = maxSteps
            slots = [Int](repeating: -1, count: program.slotCount)
        }

        /// Runs from `pc` until `.match` or `.lookaroundEnd` succeeds or every alternative above `base` on the
        /// stack has failed.
        mutating func run(pc startPC: Int, position startPosition: Int, base: Int) -> RunResult {
            var pc = startPC
            var position = startPosition
            while true {
                steps += 1
                if steps > maxSteps { return .budgetExceeded }
                var failed = false
                switch program.instructions[pc] {
                case .character(let expected):
                    if position < bytes.count {
                        let (codePoint, length) = UTF8Scalars.decode(bytes, at: position)
                        if codePoint == expected {
                            position += length
                            pc += 1
                            continue
                        }
                    }
                    failed = true
                case .set(let set):
                    if position < bytes.count {
                        let (codePoint, length) = UTF8Scalars.decode(bytes, at: position)
                        if program.sets[Int(set)].contains(codePoint) {
                            position += length
                            pc += 1
                            continue
                        }
                    }
                    failed = true
                case .characterBackward(let expected):
                    if position > 0 {
                        let (codePoint, length) = UTF8Scalars.decode(bytes, endingAt: position)
                        if codePoint == expected {
                            position -= length
                            pc += 1
                            continue
                        }
                    }
                    failed = true
                case .setBackward(let set):
                    if position > 0 {
                        let (codePoint, length) = UTF8Scalars.decode(bytes, endingAt: position)
                        if program.sets[Int(set)].contains(codePoint) {
                            position -= length
                            pc += 1
                            continue
                        }
                    }
                    failed = true
                case .split(let preferred, let other):
                    stack.append(.branch(pc: other, position: position))
                    pc = Int(preferred)
                case .jump(let target):
                    pc = Int(target)
                case .assertion(let assertion):
                    if assertion.holds(in: bytes, at: position) { pc += 1 } else { failed = true }
                case .match, .lookaroundEnd:
                    return .success(position)
                case .fail:
                    failed = true
                case .save(let slot), .markPosition(let slot):
                    write(slot, position)
                    pc += 1
                case .clearSlots(let from, let to):
                    for slot in from..<to where slots[Int(slot)] != -1 { write(slot, -1) }
                    pc += 1
                case .requireProgress(let slot):
                    if slots[Int(slot)] == position { failed = true } else { pc += 1 }
                case .backreference(let index, let backward):
                    if let end = matchBackreference(Int(index), backward: backward, at: position) {
                        position = end
                        pc += 1
                    } else {
                        failed = true
                    }
                case .lookaround(let kind, let continuation):
                    let mark = stack.count
                    switch run(pc: pc + 1, position: position, base: mark) {
                    case .budgetExceeded:
                        return .budgetExceeded
                    case .success:
                        if kind.isNegative {
                            unwind(to: mark)
                            failed = true
                        } else {
                            dropBranches(above: mark)
                            pc = Int(continuation)
                        }
                    case .failure:
                        if kind.isNegative { pc = Int(continuation) } else { failed = true }
                    }
                }
                guard failed else { continue }
                // Backtrack: undo slot writes until the most recent untried alternative.
                var resumed = false
                while stack.count > base {
                    switch stack.removeLast() {
                    case .restore(let slot, let value):
                        slots[Int(slot)] = value
                    case .branch(let resumePC, let resumePosition):
                        pc = Int(resumePC)
                        position = resumePosition
                        resumed = true
                    }
                    if resumed { break }
                }
                if !resumed { return .failure }
            }
        }

        private mutating func write(_ slot: Int32, _ value: Int) {
            stack.append(.restore(slot: slot, value: slots[Int(slot)]))
            slots[Int(slot)] = value
        }

        /// Pops everything above `mark`, undoing slot writes (a negative lookaround that matched keeps nothing).
        private mutating func unwind(to mark: Int) {
            while stack.count > mark {
                if case .restore(let slot, let value) = stack.removeLast() { slots[Int(slot)] = value }
            }
        }

        /// Lookarounds are atomic: once the body matched, its untried alternatives are gone, but its slot writes
        /// stay undoable for when the surrounding match backtracks past the lookaround.
        private mutating func dropBranches(above mark: Int) {
            var kept = mark
            for index in mark..<stack.count {
                if case .restore = stack[index] {
                    stack[kept] = stack[index]
                    kept += 1
                }
            }
            stack.removeLast(stack.count - kept)
        }

        /// Where matching the referenced group's text at `position` ends, or `nil` if it does not match. A group
        /// that did not participate matches the empty string.
        private mutating func matchBackreference(_ index: Int, backward: Bool, at position: Int) -> Int? {
            var captured: Range<Int>?
            for group in program.backreferenceGroups[index] {
                let start = slots[2 * group]
                let end = slots[2 * group + 1]
                if start >= 0 && end >= start {
                    captured = start..<end
                    break
                }
            }
            guard let captured else { return position }
            let length = captured.count
            steps += length / 8
            let target = backward ? (position - length)..<position : position..<(position + length)
            guard target.lowerBound >= 0, target.upperBound <= bytes.count else { return nil }
            for offset in 0..<length where bytes[captured.lowerBound + offset] != bytes[target.lowerBound + offset] {
                return nil
            }
            return backward ? target.lowerBound : target.upperBound
        }
    }
}
