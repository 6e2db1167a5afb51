import Testing

@testable import FlowSpecSchema

/// The word-at-a-time `date-time` check for the common shape answers exactly as the general
/// `fullDate`/`fullTime` pair, and leaves every other shape to it.
@Suite("Formats: date-time in the common shape")
struct DateTimeFormatTests {
    static func general(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count > 11 && Formats.fullDate(b, 0) && b[10] | 0x20 == UInt8(ascii: "t") && Formats.fullTime(b, 11)
    }

    static func compare(_ bytes: [UInt8]) -> (fast: Bool?, general: Bool) {
        bytes.withUnsafeBufferPointer { (Formats.commonDateTime($0), general($0)) }
    }

    @Test(arguments: [
        "2025-07-24T19:32:29.000Z", "2025-07-24T19:32:29Z", "2024-02-29T00:00:00Z", "2016-12-31T23:59:60Z",
        "2025-07-24t19:32:29.123456789Z",
    ])
    func commonShapesAreAnsweredAndAgree(_ text: String) {
        let (fast, general) = Self.compare(Array(text.utf8))
        #expect(fast == true)
        #expect(general)
    }

    @Test(arguments: [
        ("2023-02-29T00:00:00Z", false), ("1900-02-29T00:00:00Z", false), ("2000-02-29T00:00:00Z", true),
        ("2025-04-31T00:00:00Z", false), ("2025-00-10T00:00:00Z", false), ("2025-13-10T00:00:00Z", false),
        ("2025-01-00T00:00:00Z", false), ("2025-01-10T24:00:00Z", false), ("2025-01-10T23:60:00Z", false),
        ("2025-01-10T23:59:61Z", false), ("2025-01-10T22:59:60Z", false), ("2025-01-10T23:59:60.5Z", true),
    ])
    func rangesAgree(_ text: String, _ valid: Bool) {
        let (fast, general) = Self.compare(Array(text.utf8))
        #expect(fast == valid)
        #expect(general == valid)
    }

    @Test(arguments: [
        "2025-07-24T19:32:29+02:00", "2025-07-24T19:32:29z", "2025-07-24T19:32:29.Z", "2025-07-24T19:32:29",
        "2025-07-24 19:32:29Z", "2025-07-24T19:32:29.000ZZ", "25-07-24T19:32:29Z", "",
    ])
    func otherShapesAreLeftToTheGeneralCheck(_ text: String) {
        #expect(Self.compare(Array(text.utf8)).fast == nil)
    }

    @Test func everyByteAtEveryPositionAgrees() {
        var answered = 0
        for base in ["2024-02-29T23:59:60.250Z", "2025-07-24T19:32:29Z"] {
            let bytes = Array(base.utf8)
            for position in 0..<bytes.count {
                for byte in 0...255 {
                    var mutated = bytes
                    mutated[position] = UInt8(byte)
                    let (fast, general) = Self.compare(mutated)
                    if let fast {
                        answered += 1
                        #expect(fast == general, "byte \(byte) at \(position) of \(base)")
                    }
                    let both = mutated.withUnsafeBufferPointer { Formats.checkBytes(.dateTime, $0) }
                    #expect(both == general, "byte \(byte) at \(position) of \(base)")
                }
            }
        }
        // Only mutations that keep the common shape are answered here: ten values at each digit
        // position (17 and 14), one at each separator but `T`/`t` (6 + 2 and 5 + 2).
        #expect(answered == 17 * 10 + 8 + 14 * 10 + 7)
    }
}
