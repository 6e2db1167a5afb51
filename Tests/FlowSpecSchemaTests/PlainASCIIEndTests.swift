import Testing

@testable import FlowSpecSchema

/// `JSONScan.plainASCIIEnd` takes 16 bytes at a time (SSE2) and then 8: wherever the first special
/// byte sits, it must stop exactly where a byte-at-a-time scan in 8-byte steps stops.
@Suite("Plain string runs")
struct PlainASCIIEndTests {
    /// The first special byte from `start`, if it lies before the last whole 8-byte step; otherwise
    /// where the 8-byte steps end (the caller's byte loop finishes the rest).
    static func reference(_ bytes: [UInt8], from start: Int) -> Int {
        let stepsEnd = start + (bytes.count - start) / 8 * 8
        for i in start..<stepsEnd where bytes[i] == 0x22 || bytes[i] == 0x5C || bytes[i] < 0x20 || bytes[i] >= 0x80 {
            return i
        }
        return stepsEnd
    }

    @Test("every special byte at every position of runs up to 48 bytes", arguments: [0x22, 0x5C, 0x00, 0x1F, 0x80, 0xE9, 0xFF] as [UInt8])
    func specials(special: UInt8) {
        for count in 0...48 {
            for start in 0...min(count, 3) {
                for position in [nil] + Array(start..<count) as [Int?] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                    if let position { bytes[position] = special }
                    let found = bytes.withUnsafeBufferPointer { JSONScan.plainASCIIEnd($0, from: start) }
                    #expect(found == Self.reference(bytes, from: start), "count \(count), start \(start), at \(String(describing: position))")
                }
            }
        }
    }
}
