/// The whole of `flowspec validate`'s checking, for the CLI and for embedders: every entry of every
/// capture, read and checked on `workers` threads (one reading at a time) and delivered in input order
/// on the calling thread.
public enum TrafficRun {
    /// Checks `captures` (paths, `-` for standard input; `names` are what reports call them).
    ///
    /// Throws only when a capture cannot be opened; everything else about a capture is a finding.
    public static func check(
        captures: [(path: String, name: String)], checker: TrafficChecker, session: inout TrafficSession,
        workers: Int, batchSize: Int = 256, batchBytes: Int = 2 << 20, deliver: (TrafficEntryReport) -> Void
    ) throws(CaptureReadError) {
        for capture in captures {
            let reader = try CaptureReader(path: capture.path)
            // A worker reads a batch (parsing each entry where it lies, one reader at a time), then
            // decodes and checks it. Every batch wakes the delivering thread, so batches are large,
            // and capped in bytes, so that entries with large bodies keep what is read ahead small.
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
