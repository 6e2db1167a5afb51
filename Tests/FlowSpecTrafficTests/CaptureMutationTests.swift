import FlowSpecModel
import FlowSpecTestSupport
import Testing

@testable import FlowSpecTraffic

/// Damaged captures made by flipping, deleting and inserting bytes: whatever the damage, the reader
/// ends, numbers its entries without gaps, and every entry without an exchange says why.
@Suite("Mutated captures")
struct CaptureMutationTests {
    static let interesting: [UInt8] = Array(#"{}[]",:\0 "#.utf8) + [0x00, 0xFF, 0x0A, 0xC3, 0x5C]

    static func mutate(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var random = SplitMix64(state: seed)
        var result = bytes
        for _ in 0..<(1 + random.below(4)) {
            guard !result.isEmpty else { break }
            let at = random.below(result.count)
            switch random.below(3) {
            case 0: result[at] = interesting[random.below(interesting.count)]
            case 1: result.remove(at: at)
            default: result.insert(interesting[random.below(interesting.count)], at: at)
            }
        }
        return result
    }

    static func check(
        _ entries: [CaptureEntry], seed: UInt64, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(entries.map(\.index) == Array(0..<entries.count), "seed \(seed)", sourceLocation: sourceLocation)
        for entry in entries where entry.exchange == nil {
            #expect(
                entry.problems.contains { $0.severity == .error }, "seed \(seed): entry \(entry.index)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("mutated HAR files", arguments: 0..<8)
    func har(batch: Int) {
        let original = Array(
            harDocument([
                harEntry(extra: #","_bench":{"a":[1,{"b":"\"]"}]}"#),
                harEntry(method: "POST", postData: #"{"mimeType":"text/plain","text":"x\\y\"z","encoding":"base64"}"#),
                harEntry(response: harResponse(status: "0")),
            ]).utf8)
        for seed in UInt64(batch * 150)..<UInt64(batch * 150 + 150) {
            let damaged = Self.mutate(original, seed: seed)
            Self.check(readCapture(bytes: damaged, format: .har), seed: seed)
            Self.check(readCaptureInChunks(damaged, chunkSize: 7), seed: seed)
            Self.check(readCapture(bytes: damaged, format: nil), seed: seed)
        }
    }

    @Test("mutated NDJSON files", arguments: 0..<4)
    func ndjson(batch: Int) {
        let original = Array(
            (CaptureNDJSONTests.lines.joined(separator: "\n") + "\n" + harEntry() + "\n").utf8)
        for seed in UInt64(batch * 150)..<UInt64(batch * 150 + 150) {
            let damaged = Self.mutate(original, seed: seed)
            Self.check(readCapture(bytes: damaged, format: .ndjson), seed: seed)
            Self.check(readCaptureInChunks(damaged, chunkSize: 5, format: .ndjson), seed: seed)
        }
    }
}
