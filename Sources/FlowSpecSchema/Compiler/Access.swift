/// Read/write access of a property's schema (`readOnly`, `writeOnly`), for direction-aware checks.
struct Access: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let readOnly = Access(rawValue: 1)
    static let writeOnly = Access(rawValue: 2)
}
