/// The whole of `flowspec validate`'s checking, for the CLI and for embedders: every entry of every
/// capture, read and checked on `workers` threads (one reading at a time) and delivered in input order
/// on the calling thread.
public enum TrafficRun {
    /// Checks `captures` (paths, `-` for standard input; `names` are what reports call them).
    ///
    /// Throws only when a capture cannot be opened; everything else about a capture is a finding.
    public static func check(
        captures: [(path: String, name: String)], checker: TrafficChecker, session: inout TrafficSession,
        workers: Int, batchSize: Int = 32, batchBytes: Int = 256 << 10, deliver: (TrafficEntryReport) -> Void
    ) throws(CaptureReadError) {
        for capture in captures {
            let reader = try CaptureReader(path: capture.path)
            // A worker reads a batch (parsing each entry where it lies, one reader at a time), then
            // decodes and checks it. Batches are small enough that the entries and tapes read are
            // still in the core's 512 KiB L2 cache when they are decoded (in a cache simulation of
            // 2,000 entries, batches of 32 made a fifth fewer L2 misses than 256), and capped in
            // bytes (entry bytes and tape) for the same reason, which also keeps what is read ahead
            // small when entries have large bodies.
            OrderedPipeline.run(
                produce: { reader.nextPending(maxCount: batchSize, maxBytes: batchBytes) }, workers: workers,
                process: { pending in checker.check(pending.decodeForChecking(), capture: capture.name) },
                deliver: { checked in deliver(session.finish(checked)) })
        }
    }

    /// Checks `captures` and returns the whole report (for tests and small captures; the CLI streams).
    public static func report(
        spec: String, captures: [(path: String, name: String)], checker: TrafficChecker, session: TrafficSession,
        workers: Int
    ) throws(CaptureReadError) -> TrafficReport {
        var session = session
        var entries: [TrafficEntryReport] = []
        try check(captures: captures, checker: checker, session: &session, workers: workers) { entries.append($0) }
        let captureFindings = session.captureFindings()
        return TrafficReport(
            spec: spec, captures: captures.map(\.name), entries: entries, captureFindings: captureFindings,
            coverage: session.coverage, baselinedCount: session.baselined)
    }
}
