import FlowSpecTestSupport
import Foundation
import Testing

@testable import FlowSpecTraffic

/// Entry numbers (`time`, `content.size`, `status`) are read from their bytes when short; the value
/// must be exactly what `Double(String)` and `Int(String)` give.
@Suite("Capture numbers")
struct CaptureNumberTests {
    static func short(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { EntryContext.shortDecimal($0) }
    }

    @Test func shortDecimalsMatchDoubleParsing() {
        var samples = [
            "0", "-0", "12.5", "1411", "0.1", "0.3", "-0.25", "123456789012345", "99999999999999.9", "0.00000000000001",
            "3.14159265358979", "1.79769313486231",
        ]
        var generator = SplitMix64(state: 7)  // seeded, so that a failure comes back on every run
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...15, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            while text.count > 1 && text.hasPrefix("0") { text.removeFirst() }
            let point = Int.random(in: 0...text.count, using: &generator)
            if point > 0 && point < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            samples.append(Bool.random(using: &generator) ? "-" + text : text)
        }
        for sample in samples {
            let fast = Self.short(sample)
            #expect(fast != nil, "\(sample)")
            #expect(fast?.bitPattern == Double(sample)?.bitPattern, "\(sample)")
        }
    }

    @Test("longer numbers and exponents are left to Double(String)")
    func otherNumbers() {
        for text in ["1234567890123456", "1e3", "2E-2", "-", "", "1.2.3", "0.000000000000001", "3.141592653589793"] {
            #expect(Self.short(text) == nil, "\(text)")
        }
    }

    @Test("time, size and status read from a capture")
    func numbersInAnEntry() {
        let entry = readCapture(
            harDocument([
                harEntry(response: harResponse(status: "201", content: #"{"size":4,"mimeType":"text/plain","text":"abcd"}"#))
                    .replacingOccurrences(of: #""time":12.5"#, with: #""time":0.3"#)
            ]))[0]
        #expect(entry.problems.isEmpty)
        #expect(entry.exchange?.timeMs == 0.3)
        #expect(entry.exchange?.response?.status == 201)
        #expect(entry.exchange?.response?.body?.declaredSize == 4)
        let scientific = readCapture(harDocument([harEntry(response: harResponse(status: "2.01e2"))]))[0]
        #expect(scientific.exchange?.response?.status == 201)
    }
}
