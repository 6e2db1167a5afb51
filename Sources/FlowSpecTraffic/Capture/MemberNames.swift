/// The member names one decoding step looks up together with ``EntryContext/members(_:of:)``: at
/// most ``MemberValues/capacity``, each with its length and first byte ready for a quick
/// comparison with a key.
struct MemberNames: Sendable {
    let names: [StaticString]
    let lengths: [Int]
    let firsts: [UInt8]

    init(_ names: [StaticString]) {
        precondition(names.count <= MemberValues.capacity, "look up at most \(MemberValues.capacity) names at once")
        self.names = names
        lengths = names.map(\.utf8CodeUnitCount)
        firsts = names.map { $0.utf8CodeUnitCount > 0 ? $0.utf8Start[0] : 0 }
    }

    var count: Int { names.count }

    /// Name `slot` as a buffer, for keys that must be unescaped before they are compared.
    func name(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: names[slot].utf8Start, count: lengths[slot])
    }
}

/// What ``EntryContext/members(_:of:)`` found: the value node of each name, by the name's position.
struct MemberValues {
    static let capacity = 8
    var slots = InlineArray<8, Int32>(repeating: -1)

    /// The value node of the name at `slot`, or `nil` when the object has no such member.
    subscript(slot: Int) -> Int? { slots[slot] < 0 ? nil : Int(slots[slot]) }
}
