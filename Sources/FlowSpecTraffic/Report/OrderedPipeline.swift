import Foundation

/// Runs per-item work on every core while keeping input order: each of `workers` threads reads the
/// next batch (one reader at a time) and processes it, and the calling thread delivers the results
/// batch by batch in input order.
///
/// ``OrderedBatches`` reads, processes and delivers one batch at a time, so the reading and the
/// delivering (both serial) leave the other cores idle. Here they run alongside the work. A batch is
/// processed by the thread that read it: what reading made (each entry's bytes, its parsed tape) is
/// still in that core's cache, and is freed by the thread that allocated it. With a reading thread of
/// its own handing batches over, the same run took about half as much CPU again as a serial one.
/// Memory stays bounded: at most a few batches per worker are read ahead of the one being delivered.
/// Output is the same, byte for byte, whatever the number of workers.
public enum OrderedPipeline {
    /// Processes the batches `produce` returns until it returns an empty one.
    ///
    /// - Parameters:
    ///   - produce: returns the next batch (empty at the end). It is called from the worker threads,
    ///     one call at a time, and never again after it returned an empty batch.
    ///   - workers: how many threads read and process batches; 1 or less runs everything on the
    ///     calling thread.
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
                let state = State<Item, Result>(limit: 2 * workers + 2, produce: produce)
                let threads = DispatchGroup()
                for _ in 0..<workers {
                    start(threads) {
                        while let (sequence, batch) = state.read() {
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

    /// The reader and the results between the workers and the delivering thread.
    ///
    /// Reading has a lock of its own, so that a worker reading a batch never holds up a delivery or
    /// another worker's store.
    private final class State<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        /// Results not yet delivered, by batch sequence number.
        private var done: [Int: [Result]] = [:]
        /// Batches being read or processed, or waiting to be delivered; no batch is read while this is
        /// at `limit`.
        private var inFlight = 0
        private let limit: Int
        /// The number of batches, once the reader has returned an empty one.
        private var total: Int?

        private let readLock = NSLock()
        /// Called only under `readLock`.
        private let produce: () -> [Item]
        private var nextSequence = 0
        private var readerFinished = false

        init(limit: Int, produce: @escaping () -> [Item]) {
            self.limit = limit
            self.produce = produce
        }

        /// Reads the next batch and its sequence number, once there is room for it; `nil` when the
        /// reader has finished.
        func read() -> (Int, [Item])? {
            condition.lock()
            while inFlight >= limit && total == nil { condition.wait() }
            if total != nil {
                condition.unlock()
                return nil
            }
            inFlight += 1
            condition.unlock()

            readLock.lock()
            let batch = readerFinished ? [] : produce()
            let sequence = nextSequence
            if batch.isEmpty {
                readerFinished = true
            } else {
                nextSequence += 1
            }
            readLock.unlock()
            if !batch.isEmpty { return (sequence, batch) }

            condition.lock()
            inFlight -= 1
            if total == nil { total = sequence }
            condition.broadcast()
            condition.unlock()
            return nil
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
