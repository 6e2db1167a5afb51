/// The member names one decoding step looks up together with ``EntryContext/members(_:of:)``: at
/// most ``MemberValues/capacity``, indexed by first byte for a quick comparison with a key.
struct MemberNames: Sendable {
    let names: [StaticString]
    let lengths: [Int]
    /// For each possible first byte of a key, the slots (bit `i` for name `i`) whose name starts
    /// with it, so that a key is compared only with the names it might be.
    let slotsByFirstByte: [UInt8]

    init(_ names: [StaticString]) {
        precondition(names.count <= MemberValues.capacity, "look up at most \(MemberValues.capacity) names at once")
        self.names = names
        lengths = names.map(\.utf8CodeUnitCount)
        var table = [UInt8](repeating: 0, count: 256)
        for (slot, name) in names.enumerated() where name.utf8CodeUnitCount > 0 {
            table[Int(name.utf8Start[0])] |= 1 << slot
        }
        slotsByFirstByte = table
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
