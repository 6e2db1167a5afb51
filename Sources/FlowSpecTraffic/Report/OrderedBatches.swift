import Dispatch

/// Runs per-entry work on every core while keeping input order: entries are read in batches, each
/// batch is processed in parallel, and results are delivered in the order the entries came in.
///
/// Memory stays bounded by one batch of entries and results, whatever the capture's size; output is
/// the same, byte for byte, whatever the parallelism.
public enum OrderedBatches {
    /// Processes `entries` batch by batch.
    ///
    /// - Parameters:
    ///   - next: returns the next batch (empty at the end).
    ///   - workers: how many threads to use; 1 runs serially on the calling thread.
    ///   - process: the per-entry work, run concurrently.
    ///   - deliver: called with each result, in input order, on the calling thread.
    public static func run<Entry: Sendable, Result: Sendable>(
        next: () -> [Entry], workers: Int, process: @Sendable (Entry) -> Result, deliver: (Result) -> Void
    ) {
        while true {
            let batch = next()
            if batch.isEmpty { return }
            if workers <= 1 || batch.count == 1 {
                for entry in batch { deliver(process(entry)) }
                continue
            }
            let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: batch.count)
            results.initialize(repeating: nil)
            defer {
                results.deinitialize()
                results.deallocate()
            }
            nonisolated(unsafe) let output = results
            let chunks = min(workers, batch.count)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var i = chunk
                while i < batch.count {
                    output[i] = process(batch[i])
                    i += chunks
                }
            }
            for result in results {
                if let result { deliver(result) }
            }
        }
    }
}
