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
/// Only the start of each thread's match is tracked: the public API reports the whole match, not groups. All
/// working memory is one temporary allocation (on the stack when it fits), sized by the program.
struct PikeVM {
    let program: RegexProgram

    /// The leftmost-first match as a byte range, or `nil`. With `earliest`, returns as soon as any match is known;
    /// the range is then empty and only its existence is meaningful.
    func search(_ bytes: UnsafeBufferPointer<UInt8>, earliest: Bool) -> Range<Int>? {
        let size = program.instructions.count
        // current pcs, current starts, upcoming pcs, upcoming starts, marks, closure stack (a split pushes two).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 7 * size + 2) { memory in
            guard let base = memory.baseAddress else { return nil }
            var vm = Run(
                program: program,
                bytes: bytes,
                current: ThreadList(pcs: base, starts: base + size),
                upcoming: ThreadList(pcs: base + 2 * size, starts: base + 3 * size),
                marks: base + 4 * size,
                stack: base + 5 * size
            )
            vm.marks.update(repeating: 0, count: size)
            return vm.search(earliest: earliest)
        }
    }

    private struct ThreadList {
        let pcs: UnsafeMutablePointer<Int>
        let starts: UnsafeMutablePointer<Int>
        var count = 0
    }

    private struct Run {
        let program: RegexProgram
        let bytes: UnsafeBufferPointer<UInt8>
        var current: ThreadList
        var upcoming: ThreadList
        /// `marks[pc] == generation` when `pc` is already on the list being built.
        let marks: UnsafeMutablePointer<Int>
        let stack: UnsafeMutablePointer<Int>
        var generation = 1

        mutating func search(earliest: Bool) -> Range<Int>? {
            var matched: Range<Int>?
            var position = 0
            let count = bytes.count
            while true {
                if matched == nil && (position == 0 || !program.isAnchoredAtStart) {
                    addThread(toUpcoming: false, pc: 0, start: position, at: position)
                }
                if current.count == 0 {
                    // Nothing alive: done, unless a later start position may still match.
                    if matched != nil || program.isAnchoredAtStart || position >= count { break }
                    position = UTF8Scalars.next(bytes, after: position)
                    if let firstBytes = program.firstBytes {
                        while position < count && !firstBytes.contains(bytes[position]) { position += 1 }
                        if position >= count { break }
                    }
                    generation += 1
                    continue
                }
                var codePoint: UInt32 = 0
                var length = 0
                if position < count { (codePoint, length) = UTF8Scalars.decode(bytes, at: position) }
                generation += 1
                upcoming.count = 0
                threads: for index in 0..<current.count {
                    let pc = current.pcs[index]
                    let accepted: Bool
                    switch program.instructions[pc] {
                    case .match:
                        if earliest { return position..<position }
                        matched = current.starts[index]..<position
                        break threads  // lower-priority threads cannot win any more
                    case .character(let expected):
                        accepted = length > 0 && codePoint == expected
                    case .set(let set):
                        accepted = length > 0 && program.sets[Int(set)].contains(codePoint)
                    default:
                        accepted = false
                    }
                    if accepted {
                        addThread(toUpcoming: true, pc: pc + 1, start: current.starts[index], at: position + length)
                    }
                }
                if position >= count { break }
                swap(&current, &upcoming)
                position += length
            }
            return matched
        }

        /// Adds the thread at `pc` and everything it reaches without consuming input, in priority order.
        private mutating func addThread(toUpcoming: Bool, pc: Int, start: Int, at position: Int) {
            var depth = 1
            stack[0] = pc
            while depth > 0 {
                depth -= 1
                let pc = stack[depth]
                if marks[pc] == generation { continue }
                marks[pc] = generation
                switch program.instructions[pc] {
                case .jump(let target):
                    stack[depth] = Int(target)
                    depth += 1
                case .split(let preferred, let other):
                    stack[depth] = Int(other)
                    stack[depth + 1] = Int(preferred)
                    depth += 2
                case .assertion(let assertion):
                    if assertion.holds(in: bytes, at: position) {
                        stack[depth] = pc + 1
                        depth += 1
                    }
                case .save, .clearSlots, .markPosition, .requireProgress:
                    stack[depth] = pc + 1
                    depth += 1
                case .fail:
                    continue
                default:
                    if toUpcoming {
                        upcoming.pcs[upcoming.count] = pc
                        upcoming.starts[upcoming.count] = start
                        upcoming.count += 1
                    } else {
                        current.pcs[current.count] = pc
                        current.starts[current.count] = start
                        current.count += 1
                    }
                }
            }
        }
    }
}
