/// The collecting evaluator's instance location: a stack of steps, pushed and popped once per
/// member and item visited.
///
/// On a buffer of its own rather than an array: an array checks that it is uniquely referenced (a
/// runtime call) on every push and every pop, two calls per member of every body validated. The
/// buffer is shared by copies, so an ``Evaluator`` is used in place (it is: evaluations pass it
/// `inout`) and never evaluates from two copies.
struct InstancePath {
    final class Storage {
        // Never shared across threads: the evaluator that owns it runs on one.
        @exclusivity(unchecked) var base: UnsafeMutablePointer<Evaluator.PathStep>
        @exclusivity(unchecked) var capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage? = nil
    private(set) var count = 0

    @inline(__always) mutating func append(_ step: Evaluator.PathStep) {
        let target = count < (storage?.capacity ?? 0) ? storage : grown()
        target?.base[count] = step
        count += 1
    }

    @inline(__always) mutating func removeLast() {
        precondition(count > 0, "popping an empty instance path")
        count -= 1
    }

    /// Room for twice the steps (16 at first), keeping those pushed.
    mutating func grown() -> Storage {
        let bigger = Storage(capacity: max(16, count * 2))
        if let storage { bigger.base.update(from: storage.base, count: count) }
        storage = bigger
        return bigger
    }

    /// The steps, outermost first, transformed.
    func map<T>(_ transform: (Evaluator.PathStep) -> T) -> [T] {
        guard let storage else { return [] }
        return (0..<count).map { transform(storage.base[$0]) }
    }
}
