import Testing

@testable import FlowSpecSchema

/// Member names are compared a word at a time: every length, with a difference at every position.
@Suite("Member names compared in words")
struct MemberNameEqualityTests {
    @Test func equalExactlyWhenEveryByteIs() {
        var compared = 0
        for length in 0...24 {
            let name = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            // A longer buffer around the name, so that a read past its end would see other bytes.
            let padded = [UInt8(ascii: "{")] + name + Array("\":1}".utf8)
            padded.withUnsafeBufferPointer { buffer in
                let inPlace = UnsafeBufferPointer(rebasing: buffer[1..<(1 + length)])
                #expect(MemberApplicator.equal(inPlace, name), "length \(length)")
                #expect(!MemberApplicator.equal(inPlace, name + [UInt8(ascii: "z")]))
                if length > 0 { #expect(!MemberApplicator.equal(inPlace, Array(name.dropLast()))) }
                for position in 0..<length {
                    var other = name
                    other[position] ^= 0x01
                    #expect(!MemberApplicator.equal(inPlace, other), "length \(length), byte \(position)")
                    compared += 1
                }
            }
        }
        #expect(compared == 300)
    }
}
