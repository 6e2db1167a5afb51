import Synchronization
import Testing

@testable import FlowSpecTraffic

/// The pipeline delivers every result once, in input order, whatever the number of workers, and does
/// not read far ahead of what it has delivered.
@Suite("Ordered pipeline")
struct OrderedPipelineTests {
    static func run(count: Int, batchSize: Int, workers: Int) -> [String] {
        var produced = 0
        var delivered: [String] = []
        OrderedPipeline.run(
            produce: { () -> [Int] in
                let batch = Array(produced..<min(produced + batchSize, count))
                produced += batch.count
                return batch
            }, workers: workers,
            process: { (item: Int) -> String in
                // Uneven work, so that later batches often finish first.
                var x = UInt64(item)
                for _ in 0..<((item * 7919) % 3000) { x = x &* 6_364_136_223_846_793_005 &+ 1 }
                return "\(item):\(x & 1)"
            },
            deliver: { (result: String) in delivered.append(result) })
        return delivered
    }

    @Test(arguments: [0, 1, 5, 64, 1_000])
    func sameAsSerial(count: Int) {
        let serial = Self.run(count: count, batchSize: 8, workers: 1)
        #expect(serial.count == count)
        #expect(serial.map { $0.split(separator: ":")[0] } == (0..<count).map { Substring(String($0)) })
        for workers in [2, 3, 16] {
            #expect(Self.run(count: count, batchSize: 8, workers: workers) == serial, "\(workers) workers")
        }
    }

    @Test func readsBoundedAhead() {
        let workers = 2
        let read = Mutex(0)
        var delivered = 0
        var mostAhead = 0
        OrderedPipeline.run(
            produce: { () -> [Int] in
                read.withLock { count -> [Int] in
                    guard count < 2_000 else { return [] }
                    count += 10
                    return Array((count - 10)..<count)
                }
            }, workers: workers, process: { (item: Int) -> Int in item },
            deliver: { (_: Int) in
                delivered += 1
                mostAhead = max(mostAhead, read.withLock { $0 } - delivered)
            })
        #expect(delivered == 2_000)
        // At most `readAhead` batches of 10 are read and not yet delivered, beside the one being
        // delivered.
        #expect(mostAhead <= (OrderedPipeline.readAhead(workers: workers) + 1) * 10)
    }

    /// Workers read for themselves, so the reader's contract is theirs to keep: one call at a time (the
    /// counters below are plain variables, which the thread sanitizer run checks) and none after the
    /// empty batch that ends the input.
    @Test(arguments: [2, 3, 8])
    func readerCalledOneAtATimeUntilEmpty(workers: Int) {
        var calls = 0
        var callsAfterEnd = 0
        var ended = false
        var delivered = 0
        OrderedPipeline.run(
            produce: { () -> [Int] in
                calls += 1
                if ended { callsAfterEnd += 1 }
                guard calls <= 50 else {
                    ended = true
                    return []
                }
                return Array(repeating: calls, count: 3)
            }, workers: workers, process: { (item: Int) -> Int in item },
            deliver: { (_: Int) in delivered += 1 })
        #expect(delivered == 150)
        #expect(calls == 51)
        #expect(callsAfterEnd == 0)
    }
}
