import FlowSpecModel
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
                let state = State<Item, Result>(limit: readAhead(workers: workers), produce: produce)
                // Workers have a main thread's stack, so deep bodies fail with the validator's depth
                // errors at the same depth as serially.
                let threads = (0..<workers).map { _ in
                    HelperThread {
                        while let (sequence, batch) = state.read() {
                            state.store(batch.map(process), sequence: sequence)
                        }
                    }
                }
                while let batches = state.takeReady() {
                    for results in batches {
                        for result in results { deliver(result) }
                    }
                    state.delivered(batches.count)
                }
                for thread in threads { thread.wait() }
            }
        }
    }

    /// How many batches the delivering thread waits for before it is woken, unless the reader has
    /// finished or the workers wait for room: every wake-up is a cross-core interrupt, which in a
    /// virtual machine costs more than delivering a batch (one per batch of 32 entries was about a
    /// sixteenth of a run's CPU time, most of it in the kernel).
    static let deliveryGroup = 4

    /// The most batches read and not yet delivered.
    static func readAhead(workers: Int) -> Int { 2 * workers + 2 + deliveryGroup }

    /// The reader and the results between the workers and the delivering thread.
    ///
    /// Reading has a lock of its own, so that a worker reading a batch never holds up a delivery or
    /// another worker's store. Threads are woken only when what they wait for has happened.
    private final class State<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        /// Results not yet delivered, by batch sequence number.
        private var done: [Int: [Result]] = [:]
        /// The next batch to deliver.
        private var delivering = 0
        /// Batches being read or processed, or waiting to be delivered; no batch is read while this is
        /// at `limit`.
        private var inFlight = 0
        private let limit: Int
        /// The number of batches, once the reader has returned an empty one.
        private var total: Int?
        private var delivererWaits = false
        private var roomWaiters = 0

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
            while inFlight >= limit && total == nil {
                roomWaiters += 1
                if delivererWaits { condition.broadcast() }
                condition.wait()
                roomWaiters -= 1
            }
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
            if delivererWaits && readyCount() > 0 {
                // Without workers waiting for room, the delivering thread is the only one waiting.
                if roomWaiters > 0 { condition.broadcast() } else { condition.signal() }
            }
            condition.unlock()
        }

        /// How many batches from `delivering` on are ready to hand over now: none until a whole
        /// ``OrderedPipeline/deliveryGroup`` is, unless the reader has finished or workers wait for
        /// room (which they get only from a delivery).
        private func readyCount() -> Int {
            var run = 0
            while done[delivering + run] != nil { run += 1 }
            guard run > 0, run >= OrderedPipeline.deliveryGroup || total != nil || roomWaiters > 0 else { return 0 }
            return run
        }

        /// Makes room for `count` more batches, once the batches ``takeReady()`` returned are delivered
        /// (until then they still take memory).
        func delivered(_ count: Int) {
            condition.lock()
            inFlight -= count
            if roomWaiters > 0 { condition.broadcast() }
            condition.unlock()
        }

        /// Waits for the next batches' results, in order; `nil` once every batch has been delivered.
        func takeReady() -> [[Result]]? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let total, delivering >= total { return nil }
                let count = readyCount()
                if count > 0 {
                    var batches: [[Result]] = []
                    batches.reserveCapacity(count)
                    for sequence in delivering..<(delivering + count) {
                        batches.append(done.removeValue(forKey: sequence) ?? [])
                    }
                    delivering += count
                    return batches
                }
                delivererWaits = true
                condition.wait()
                delivererWaits = false
            }
        }
    }
}
