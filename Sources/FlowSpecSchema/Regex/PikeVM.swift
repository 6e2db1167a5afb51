/// A Pike VM: a breadth-first simulation of the pattern's NFA that keeps at most one thread per instruction,
/// so a search costs O(program size × input length) whatever the pattern (Russ Cox, "Regular Expression Matching:
/// the Virtual Machine Approach").
///
/// Threads are kept in priority order, which reproduces the match a backtracking ECMA-262 engine would report
/// (leftmost, then the first alternative and greedy/lazy preference): a thread reaching an instruction that a
/// higher-priority thread already reached at the same position is dropped, because it has the same future and
/// would lose anyway. That argument needs the epsilon graph to be acyclic within one position, which the
/// compiler guarantees by laying out optional iterations of nullable bodies so that they cannot end empty
/// (ECMA-262's own rule; see `RegexCompiler.emitNonEmptyIteration`).
///
/// Only the start of each thread's match is tracked: the public API reports the whole match, not groups.
struct PikeVM {
    let program: RegexProgram

    /// The leftmost-first match as a byte range, or `nil`. With `earliest`, returns as soon as any match is known;
    /// the range is then empty and only its existence is meaningful.
    func search(_ bytes: UnsafeBufferPointer<UInt8>, earliest: Bool) -> Range<Int>? {
        let size = program.instructions.count
        var state = State(size: size)
        var current = ThreadList(capacity: size)
        var upcoming = ThreadList(capacity: size)
        var matched: Range<Int>?
        var position = 0
        let count = bytes.count
        while true {
            if matched == nil && (position == 0 || !program.isAnchoredAtStart) {
                addThread(&current, pc: 0, start: position, at: position, bytes, &state)
            }
            if current.count == 0 {
                // Nothing alive: done, unless a later start position may still match.
                if matched != nil || program.isAnchoredAtStart || position >= count { break }
                position = UTF8Scalars.next(bytes, after: position)
                state.generation &+= 1
                continue
            }
            var codePoint: UInt32 = 0
            var length = 0
            if position < count { (codePoint, length) = UTF8Scalars.decode(bytes, at: position) }
            state.generation &+= 1
            upcoming.count = 0
            threads: for index in 0..<current.count {
                let pc = Int(current.pcs[index])
                switch program.instructions[pc] {
                case .match:
                    if earliest { return position..<position }
                    matched = current.starts[index]..<position
                    break threads  // lower-priority threads cannot win any more
                case .character(let expected):
                    if length > 0 && codePoint == expected {
                        addThread(&upcoming, pc: pc + 1, start: current.starts[index], at: position + length, bytes, &state)
                    }
                case .set(let set):
                    if length > 0 && program.sets[Int(set)].contains(codePoint) {
                        addThread(&upcoming, pc: pc + 1, start: current.starts[index], at: position + length, bytes, &state)
                    }
                default:
                    continue
                }
            }
            if position >= count { break }
            swap(&current, &upcoming)
            position += length
        }
        return matched
    }

    private struct ThreadList {
        var pcs: [Int32]
        var starts: [Int]
        var count = 0

        init(capacity: Int) {
            pcs = [Int32](repeating: 0, count: capacity)
            starts = [Int](repeating: 0, count: capacity)
        }
    }

    private struct State {
        /// `marks[pc] == generation` when `pc` is already on the list being built.
        var marks: [UInt32]
        var generation: UInt32 = 1
        var stack: [Int32] = []

        init(size: Int) {
            marks = [UInt32](repeating: 0, count: size)
            stack.reserveCapacity(16)
        }
    }

    /// Adds the thread at `pc` and everything it reaches without consuming input, in priority order.
    private func addThread(
        _ list: inout ThreadList, pc: Int, start: Int, at position: Int, _ bytes: UnsafeBufferPointer<UInt8>,
        _ state: inout State
    ) {
        state.stack.append(Int32(pc))
        while let top = state.stack.popLast() {
            let pc = Int(top)
            if state.marks[pc] == state.generation { continue }
            state.marks[pc] = state.generation
            switch program.instructions[pc] {
            case .jump(let target):
                state.stack.append(target)
            case .split(let preferred, let other):
                state.stack.append(other)
                state.stack.append(preferred)
            case .assertion(let assertion):
                if assertion.holds(in: bytes, at: position) { state.stack.append(Int32(pc + 1)) }
            case .save, .clearSlots, .markPosition, .requireProgress:
                state.stack.append(Int32(pc + 1))
            case .fail:
                continue
            default:
                list.pcs[list.count] = Int32(pc)
                list.starts[list.count] = start
                list.count += 1
            }
        }
    }
}
