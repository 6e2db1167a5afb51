internal import FlowSpecYAML

/// The schema engine's name for ``StackLimit``: one mechanism guards every stage that recurses.
///
/// The JSON parser, the compiler and the evaluator check the stack through the same per-thread
/// bounds, reserve and AddressSanitizer-aware frame address as the model builder (FlowSpecYAML sits
/// below FlowSpecSchema, so the schema engine uses it directly; DESIGN.md, "Layers"). The alias and
/// the small extension below keep the call sites' vocabulary: a guard is made lazily, once the
/// recursion is deeper than ``deepThreshold``, and asked ``isExhausted()`` at every level after.
typealias StackGuard = StackLimit

extension StackLimit {
    /// Recursion shallower than this never needs a guard.
    static let deepThreshold = 1

    /// The current thread's guard (``StackLimit/current``).
    init() { self = .current }

    /// Below this address, stop recursing; 0 when the stack's bounds are unknown.
    var limit: UInt { floor }

    /// Whether the current frame is too close to the end of the stack.
    @inline(__always)
    func isExhausted() -> Bool { isNearlyExhausted }
}
