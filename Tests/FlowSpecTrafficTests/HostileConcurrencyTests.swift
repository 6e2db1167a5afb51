import Dispatch
import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import Foundation
import Testing

@testable import FlowSpecTraffic

/// What runs on several threads at once: shared loaded specs (their lazily built parent index),
/// shared compiled validators, parallel loads and the ordered batch runner. These are the tests
/// scripts/sanitizers.sh runs under ThreadSanitizer.
@Suite("Concurrency: shared values across threads")
struct HostileConcurrencyTests {
    static let flowsSpec = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs/pingone-flows.yaml").path

    /// Results written by index from concurrent iterations, read after they all finish.
    final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [T?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        subscript(index: Int) -> T? {
            get { lock.withLock { values[index] } }
            set { lock.withLock { values[index] = newValue } }
        }

        var all: [T?] { lock.withLock { values } }
    }

    @Test("one loaded spec answers pointer look-ups from many threads at once")
    func sharedLoadResult() throws {
        let result = SpecLoader().load(path: Self.flowsSpec)
        let root = try #require(result.files.root)
        let nodes = Array(root.tree.nodeIDs.prefix(2_000))
        let serial = nodes.map { root.pointer(of: $0).description }
        // A fresh load, so that the parent index is built while the threads race for it.
        let fresh = try #require(SpecLoader().load(path: Self.flowsSpec).files.root)
        let slots = Slots<[String]>(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            slots[worker] = nodes.map { fresh.pointer(of: $0).description }
        }
        for pointers in slots.all { #expect(pointers == serial) }
    }

    @Test("parallel loads of one spec agree")
    func parallelLoads() {
        let slots = Slots<[String]>(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let result = SpecLoader().load(path: Self.flowsSpec)
            slots[worker] = result.diagnostics.map(\.description) + ["\(result.files.files.count) files"]
        }
        let all = slots.all
        #expect(all.allSatisfy { $0 == all.first ?? nil })
        #expect(all.first??.last == "1 files")
    }

    @Test("one compiled validator validates from many threads with the same verdicts")
    func sharedValidator() throws {
        var registry = SchemaRegistry()
        let schema = """
            type: object
            required: [id, tags]
            properties:
              id: {type: string, format: uuid}
              tags: {type: array, items: {type: string, pattern: '^[a-z]+$'}, uniqueItems: true}
              child: {$ref: '#'}
            """
        let tree = try YAMLParser.parse(Array(schema.utf8), options: YAMLParseOptions(requireMappingRoot: false))
        _ = registry.register(SchemaSource(tree: tree, file: "s.yaml", baseURI: "file:///s.yaml"))
        let validator = try SchemaValidator(registry: registry, uri: "file:///s.yaml")
        let bodies = (0..<64).map { k in
            Array(
                #"{"id":"\#(k % 3 == 0 ? "not-a-uuid" : "6f1c1e32-6a8d-4b43-9d2c-0d3c1f0b8a1e")","tags":["a","\#(k % 5 == 0 ? "B" : "b")"],"child":{"id":"x","tags":[]}}"#
                    .utf8)
        }
        let serial = bodies.map { validator.validate(json: $0).errors.map(\.description) }
        let slots = Slots<[[String]]>(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            slots[worker] = bodies.map { validator.validate(json: $0).errors.map(\.description) }
        }
        for verdicts in slots.all { #expect(verdicts == serial) }
    }

    @Test("ordered batches deliver in input order with many workers, the same as serially")
    func orderedBatches() {
        let entries = (0..<1_000).map { k in
            #"{"method":"GET","url":"/v1/items/\#(k)","status":200}"#
        }
        let capture = entries.joined(separator: "\n") + "\n"
        func run(workers: Int) -> [String] {
            let reader = CaptureReader(bytes: Array(capture.utf8), name: "c.ndjson", options: .init(format: .ndjson))
            var delivered: [String] = []
            OrderedBatches.run(
                next: { reader.next(maxCount: 37) }, workers: workers,
                process: { entry in "\(entry.index) \(entry.exchange?.request.path ?? "-")" },
                deliver: { delivered.append($0) })
            return delivered
        }
        let serial = run(workers: 1)
        #expect(serial.count == 1_000)
        #expect(serial.last == "999 /v1/items/999")
        #expect(run(workers: 4) == serial)
        #expect(run(workers: 16) == serial)
    }
}
