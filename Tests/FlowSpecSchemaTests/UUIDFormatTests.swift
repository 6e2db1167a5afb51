import Testing

@testable import FlowSpecSchema

/// The word-at-a-time `uuid` check answers exactly as the byte-by-byte one.
@Suite("Formats: uuid eight bytes at a time")
struct UUIDFormatTests {
    static let valid = "3f1c5b7e-2a94-4d6b-8e0f-6C2D9A1B4E73"

    @Test func acceptsAndRejectsWhatTheByteLoopDoes() {
        #expect(Self.check(Self.valid))
        #expect(!Self.check("3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e7"))
        #expect(!Self.check("3f1c5b7e2a94-4d6b-8e0f-6c2d9a1b4e73-"))
        var rejected = 0
        // Every byte of every position replaced by every value: the two checks must agree.
        let base = Array(Self.valid.utf8)
        for position in 0..<base.count {
            for byte in 0...255 {
                var bytes = base
                bytes[position] = UInt8(byte)
                let fast = bytes.withUnsafeBufferPointer { Formats.uuid($0) }
                let slow = bytes.withUnsafeBufferPointer { Formats.uuidByBytes($0) }
                #expect(fast == slow, "byte \(byte) at \(position)")
                if !fast { rejected += 1 }
            }
        }
        // 32 hex positions accept 22 values each, the 4 dashes one.
        #expect(rejected == 32 * (256 - 22) + 4 * 255)
    }

    static func check(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { Formats.uuid($0) }
    }
}
