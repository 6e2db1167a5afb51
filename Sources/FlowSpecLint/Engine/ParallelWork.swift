import FlowSpecModel
import Foundation

/// Runs independent pieces of work on the calling thread and on helper threads, each piece taken
/// by whichever thread is free next, and returns the results in the pieces' order.
///
/// A lint run is a few dozen rules that only read the loaded spec: on a machine with two cores, two
/// threads finish them in about half the time. The pieces come out in their own order whatever
/// thread ran them, so the findings never depend on scheduling.
enum ParallelWork {
    /// Calls `body` with each index of `0..<count`, on up to `threads` threads (the caller's
    /// included), and returns the results by index. Pieces are taken in index order: put the longest
    /// first.
    static func map<T: Sendable>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let helpers = min(threads, count) - 1
        guard helpers > 0 else { return (0..<count).map(body) }
        let state = State<T>(count: count)
        // Helper threads have a main thread's stack, so nested schemas and examples stop at the same
        // depth limits on any thread.
        let threads = (0..<helpers).map { _ in HelperThread { state.drain(body) } }
        state.drain(body)
        for thread in threads { thread.wait() }
        return state.results()
    }

    /// The next piece to take and the results so far, behind a lock (pieces are coarse: a rule each).
    private final class State<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func drain(_ body: (Int) -> T) {
            while let index = take() {
                let result = body(index)
                lock.lock()
                slots[index] = result
                lock.unlock()
            }
        }

        private func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }

        func results() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
