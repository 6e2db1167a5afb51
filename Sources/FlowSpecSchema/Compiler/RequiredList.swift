/// `required`, with each name's access so `readOnly` members may be left out of requests.
///
/// Never changed once made, and its buffer is only read: `@unchecked Sendable` for the pointer.
final class RequiredList: @unchecked Sendable {
    let names: [String]
    let access: [Access]
    let utf8Names: [[UInt8]]
    /// The names' UTF-8 bytes end to end (name `k` is `nameStarts[k]..<nameStarts[k + 1]`), for the
    /// evaluator: passing `utf8Names[k]` on retained and released an array per name checked.
    let nameBytes: UnsafeMutablePointer<UInt8>
    /// `names.count + 1` offsets into ``nameBytes``, behind a pointer too (reading an array held by
    /// a class retains it).
    let nameStarts: UnsafeMutablePointer<Int>

    init(names: [String], access: [Access]) {
        self.names = names
        self.access = access
        self.utf8Names = names.map { Array($0.utf8) }
        var starts = [0]
        for name in utf8Names { starts.append((starts.last ?? 0) + name.count) }
        nameStarts = .allocate(capacity: starts.count)
        nameStarts.initialize(from: starts, count: starts.count)
        nameBytes = .allocate(capacity: max(1, starts.last ?? 0))
        for (k, name) in utf8Names.enumerated() { (nameBytes + starts[k]).initialize(from: name, count: name.count) }
    }

    deinit {
        nameBytes.deallocate()
        nameStarts.deallocate()
    }

    /// The UTF-8 bytes of name `k`.
    @inline(__always) func name(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: nameBytes + nameStarts[k], count: nameStarts[k + 1] - nameStarts[k])
    }
}
