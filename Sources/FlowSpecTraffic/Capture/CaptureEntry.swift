/// One entry of a capture, in input order: the exchange that was read, or why it could not be.
///
/// Every entry in the capture gives exactly one `CaptureEntry`, also when it is broken; a capture
/// that breaks off (a truncated file, JSON that goes wrong between entries) ends with one more entry
/// that has no exchange and a problem saying where. So `entry.index` numbers what a user sees, and a
/// report can say "entry 1041 at traffic.har:88213 is not valid JSON" instead of silently skipping it.
public struct CaptureEntry: Hashable, Sendable {
    /// 0-based position in the capture, in input order.
    public var index: Int
    /// Where the entry starts in the capture file.
    public var location: CaptureLocation
    /// The exchange, or `nil` when the entry could not be read (``problems`` says why).
    public var exchange: CapturedExchange?
    /// What is wrong with the entry; empty for a clean one.
    public var problems: [CaptureProblem]

    public init(index: Int, location: CaptureLocation, exchange: CapturedExchange?, problems: [CaptureProblem]) {
        self.index = index
        self.location = location
        self.exchange = exchange
        self.problems = problems
    }
}
