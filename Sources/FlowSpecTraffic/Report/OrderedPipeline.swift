import Foundation

/// Runs per-item work on every core while keeping input order, with reading, working and delivering
/// overlapped: one thread produces batches, `workers` threads process whole batches, and the calling
/// thread delivers the results batch by batch in input order.
///
/// ``OrderedBatches`` reads, processes and delivers one batch at a time, so the reading and the
/// delivering (both serial) leave the other cores idle. Here they run alongside the work. Memory
/// stays bounded: at most a few batches per worker are read ahead of the one being delivered.
/// Output is the same, byte for byte, whatever the number of workers.
public enum OrderedPipeline {
    /// Processes the batches `produce` returns until it returns an empty one.
    ///
    /// - Parameters:
    ///   - produce: returns the next batch (empty at the end). It is called on one thread of its own,
    ///     one call at a time, and never again after it returned an empty batch.
    ///   - workers: how many threads process batches; 1 or less runs everything on the calling thread.
    ///   - process: the per-item work, run concurrently.
    ///   - deliver: called with each result, in input order, on the calling thread.
    public static func run<Item: Sendable, Result: Sendable>(
        produce: () -> [Item], workers: Int, process: @Sendable (Item) -> Result, deliver: (Result) -> Void
    ) {
        guard workers > 1 else {
            while true {
                let batch = produce()
                if batch.isEmpty { return }
                for item in batch { deliver(process(item)) }
            }
        }
        withoutActuallyEscaping(produce) { produce in
            withoutActuallyEscaping(process) { process in
                let state = State<Item, Result>(limit: 2 * workers + 2)
                let threads = DispatchGroup()
                // The reader is used on its thread alone; the closure only crosses over once.
                nonisolated(unsafe) let reader = produce
                start(threads) {
                    var sequence = 0
                    while true {
                        state.waitForRoom()
                        let batch = reader()
                        if batch.isEmpty {
                            state.finishReading(batches: sequence)
                            return
                        }
                        state.enqueue(batch, sequence: sequence)
                        sequence += 1
                    }
                }
                for _ in 0..<workers {
                    start(threads) {
                        while let (sequence, batch) = state.dequeue() {
                            state.store(batch.map(process), sequence: sequence)
                        }
                    }
                }
                var sequence = 0
                while let results = state.results(sequence: sequence) {
                    for result in results { deliver(result) }
                    sequence += 1
                }
                threads.wait()
            }
        }
    }

    /// Starts `body` on a new thread with the stack size of a process's main thread on Linux (8 MiB),
    /// so that deep bodies fail with the validator's depth errors at the same depth as serially.
    private static func start(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        // The thread object may outlive the run, and its block with it; the work (which holds the
        // caller's non-escaping closures) is dropped before the run is told the thread is done.
        let job = Job(body)
        let thread = Thread {
            job.run()
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A thread's work, released as soon as it has run.
    private final class Job: @unchecked Sendable {
        private var body: (@Sendable () -> Void)?

        init(_ body: @escaping @Sendable () -> Void) { self.body = body }

        func run() {
            body?()
            body = nil
        }
    }

    /// The batches between the stages, behind one lock.
    private final class State<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        /// Batches read and not yet taken by a worker, oldest first.
        private var queued: [(sequence: Int, batch: [Item])] = []
        private var queueHead = 0
        /// Results not yet delivered, by batch sequence number.
        private var done: [Int: [Result]] = [:]
        /// Batches read and not yet delivered; the reader waits while this is at `limit`.
        private var inFlight = 0
        private let limit: Int
        /// The number of batches, once the reader has finished.
        private var total: Int?

        init(limit: Int) { self.limit = limit }

        func waitForRoom() {
            condition.lock()
            while inFlight >= limit { condition.wait() }
            condition.unlock()
        }

        func enqueue(_ batch: [Item], sequence: Int) {
            condition.lock()
            queued.append((sequence, batch))
            inFlight += 1
            condition.broadcast()
            condition.unlock()
        }

        func finishReading(batches: Int) {
            condition.lock()
            total = batches
            condition.broadcast()
            condition.unlock()
        }

        /// The next batch to process, or `nil` when the reader has finished and none is left.
        func dequeue() -> (Int, [Item])? {
            condition.lock()
            defer { condition.unlock() }
            while queueHead == queued.count {
                if total != nil { return nil }
                condition.wait()
            }
            let next = queued[queueHead]
            queued[queueHead].batch = []
            queueHead += 1
            if queueHead == queued.count {
                queued.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            return (next.sequence, next.batch)
        }

        func store(_ results: [Result], sequence: Int) {
            condition.lock()
            done[sequence] = results
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the results of batch `sequence`; `nil` once every batch has been delivered.
        func results(sequence: Int) -> [Result]? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let results = done.removeValue(forKey: sequence) {
                    inFlight -= 1
                    condition.broadcast()
                    return results
                }
                if let total, sequence >= total { return nil }
                condition.wait()
            }
        }
    }
}
