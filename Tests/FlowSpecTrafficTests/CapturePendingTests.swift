import FlowSpecModel
import Testing

@testable import FlowSpecTraffic

/// Entries cut on one thread and decoded on another (`nextPending`) are exactly the entries `next()`
/// gives, for clean and damaged captures alike, whatever the chunking.
@Suite("Pending entries")
struct CapturePendingTests {
    static func pending(_ reader: CaptureReader) -> [CaptureEntry] {
        var entries: [CaptureEntry] = []
        while case let batch = reader.nextPending(maxCount: 3), !batch.isEmpty {
            entries += batch.map { $0.decode() }
        }
        return entries
    }

    static func reader(_ bytes: [UInt8], format: CaptureFormat, chunkSize: Int?) -> CaptureReader {
        guard let chunkSize else { return CaptureReader(bytes: bytes, name: "c", options: .init(format: format)) }
        var offset = 0
        return CaptureReader(name: "c", options: .init(format: format, chunkSize: chunkSize)) {
            guard offset < bytes.count else { return nil }
            let end = min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    static func expectSame(
        _ bytes: [UInt8], format: CaptureFormat, seed: UInt64? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for chunkSize in [nil, 7] as [Int?] {
            let direct = Array(reader(bytes, format: format, chunkSize: chunkSize))
            let deferred = pending(reader(bytes, format: format, chunkSize: chunkSize))
            #expect(deferred == direct, "seed \(seed.map(String.init) ?? "-"), chunk \(chunkSize ?? 0)", sourceLocation: sourceLocation)
        }
    }

    @Test("batches stop at their byte cap, and an entry larger than the cap comes alone")
    func batchesAreCappedInBytes() {
        let big = String(repeating: "x", count: 5_000)
        let capture = harDocument([
            harEntry(), harEntry(), harEntry(method: "POST", postData: #"{"mimeType":"text/plain","text":"\#(big)"}"#),
            harEntry(), harEntry(),
        ])
        let reader = Self.reader(Array(capture.utf8), format: .har, chunkSize: nil)
        var sizes: [Int] = []
        while case let batch = reader.nextPending(maxCount: 100, maxBytes: 2_000), !batch.isEmpty {
            #expect(batch.dropLast().reduce(0) { $0 + $1.byteCount } < 2_000)
            sizes.append(batch.count)
        }
        // A small entry is over 1,000 bytes of text and tape, so two fill a batch; the large one is
        // over the cap on its own and makes a batch by itself.
        #expect(sizes.reduce(0, +) == 5)
        #expect(sizes == [2, 1, 2])
    }

    @Test func cleanCaptureDecodesTheSame() {
        let capture = harDocument([
            harEntry(), harEntry(method: "POST", postData: #"{"mimeType":"text/plain","text":"a\"b"}"#),
            harEntry(response: harResponse(status: "0")),
        ])
        let entries = Self.pending(Self.reader(Array(capture.utf8), format: .har, chunkSize: nil))
        #expect(entries.count == 3)
        #expect(entries.allSatisfy { $0.exchange != nil })
        Self.expectSame(Array(capture.utf8), format: .har)
    }

    @Test("scalar and broken entries are reported as next() reports them")
    func scalarAndBrokenEntries() {
        for entries in [["12x"], ["12", "true"], [#"{"request":1}"#, "[1,2]"], [#"{"a":[}"#], [#"{"a":"\u00"}"#]] {
            Self.expectSame(Array(harDocument(entries).utf8), format: .har)
        }
    }

    @Test("mutated HAR files", arguments: 0..<4)
    func mutatedHAR(batch: Int) {
        let original = Array(
            harDocument([
                harEntry(extra: #","_bench":{"a":[1,{"b":"\"]"}]}"#),
                harEntry(method: "POST", postData: #"{"mimeType":"text/plain","text":"x\\y\"z","encoding":"base64"}"#),
                harEntry(response: harResponse(status: "0")),
            ]).utf8)
        for seed in UInt64(batch * 100)..<UInt64(batch * 100 + 100) {
            Self.expectSame(CaptureMutationTests.mutate(original, seed: seed), format: .har, seed: seed)
        }
    }

    @Test("an entry decoded for checking is the entry decoded in full, less its extensions")
    func decodedForChecking() {
        let capture = harDocument([
            harEntry(extra: #","_initiator":{"type":"script"},"_priority":"High""#),
            harEntry(method: "POST", postData: #"{"mimeType":"text/plain","text":"a\"b"}"#),
        ])
        var full: [CaptureEntry] = []
        var checking: [CaptureEntry] = []
        for chunkSize in [nil, 7] as [Int?] {
            let reader = Self.reader(Array(capture.utf8), format: .har, chunkSize: chunkSize)
            while case let batch = reader.nextPending(maxCount: 2), !batch.isEmpty {
                full += batch.map { $0.decode() }
                checking += batch.map { $0.decodeForChecking() }
            }
        }
        #expect(full.count == 4)
        #expect(full[0].exchange?.extensions == ["_initiator": #"{"type":"script"}"#, "_priority": #""High""#])
        #expect(checking.allSatisfy { $0.exchange?.extensions == [:] })
        for (whole, checked) in zip(full, checking) {
            var stripped = whole
            stripped.exchange?.extensions = [:]
            #expect(checked == stripped)
        }
    }

    @Test("a tape is handed over with an ordinary entry, not with one made of many tiny values")
    func tapeHandedOverOnlyWhenSmall() {
        let dense = "[" + Array(repeating: "1", count: 20_000).joined(separator: ",") + "]"
        let capture = harDocument([harEntry(), harEntry(extra: #","_numbers":"# + dense)])
        let reader = CaptureReader(bytes: Array(capture.utf8), name: "c", options: .init(format: .har))
        let pending = reader.nextPending(maxCount: 2)
        let tapes = pending.map { entry -> JSONTape? in
            guard case .raw(_, _, _, _, let tape) = entry.content else { return nil }
            return tape
        }
        #expect(tapes.count == 2)
        #expect(tapes[0] != nil)
        #expect(tapes[1] == nil)
        Self.expectSame(Array(capture.utf8), format: .har)
        #expect(pending[1].decode().exchange?.extensions["_numbers"] == dense)
    }

    @Test("mutated NDJSON files")
    func mutatedNDJSON() {
        let original = Array((CaptureNDJSONTests.lines.joined(separator: "\n") + "\n" + harEntry() + "\n").utf8)
        for seed in UInt64(0)..<200 {
            Self.expectSame(CaptureMutationTests.mutate(original, seed: seed), format: .ndjson, seed: seed)
        }
    }
}
