/// The collecting evaluator's instance location: a stack of steps, pushed and popped once per
/// member and item visited.
///
/// On a buffer of its own rather than an array: an array checks that it is uniquely referenced (a
/// runtime call) on every push and every pop, two calls per member of every body validated. The
/// buffer's address and size are kept here, so a push reads no reference (reading the owner would
/// retain it); the owner only frees the buffer. The buffer is shared by copies, so an
/// ``Evaluator`` is used in place (evaluations pass it `inout`) and never evaluates from two copies.
struct InstancePath {
    /// Owns the buffer. A step is two words of plain data, so the buffer is written, copied and
    /// freed without initialising or deinitialising its elements.
    final class Storage {
        let base: UnsafeMutablePointer<Evaluator.PathStep>

        init(capacity: Int) {
            assert(_isPOD(Evaluator.PathStep.self), "a step that holds a reference needs (de)initialising")
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage? = nil
    private var base: UnsafeMutablePointer<Evaluator.PathStep>? = nil
    private var capacity = 0
    private(set) var count = 0

    @inline(__always) mutating func append(_ step: Evaluator.PathStep) {
        if count == capacity { grow() }
        base?[count] = step
        count += 1
    }

    @inline(__always) mutating func removeLast() {
        precondition(count > 0, "popping an empty instance path")
        count -= 1
    }

    /// Room for twice the steps (16 at first), keeping those pushed.
    mutating func grow() {
        let bigger = Storage(capacity: max(16, count * 2))
        if let base { bigger.base.update(from: base, count: count) }
        storage = bigger
        base = bigger.base
        capacity = max(16, count * 2)
    }

    /// Runs `body` on each step, outermost first.
    @inline(__always) func forEach(_ body: (Evaluator.PathStep) -> Void) {
        guard let base else { return }
        for k in 0..<count { body(base[k]) }
    }

    /// The steps, outermost first, transformed.
    func map<T>(_ transform: (Evaluator.PathStep) -> T) -> [T] {
        guard let base else { return [] }
        return (0..<count).map { transform(base[$0]) }
    }
}
