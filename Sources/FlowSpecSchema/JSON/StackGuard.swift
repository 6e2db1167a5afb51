internal import FlowSpecYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells recursive code (the parser, the compiler, the evaluator) when the thread's stack is nearly
/// used up, so a hostile input gets an error instead of a crash, whatever thread it runs on and
/// however large the frames of the build are.
///
/// The bounds come from ``StackLimit`` (FlowSpecYAML), which reads them once per thread and keeps
/// them in thread-local storage, so a guard is cheap to make and callers check from the first
/// levels on: a debug build's frames under AddressSanitizer can use up a 512 KiB stack in fewer
/// than ten levels of evaluation.
struct StackGuard {
    /// Recursion shallower than this never needs a guard.
    static let deepThreshold = 1

    /// Below this address, stop recursing; 0 when the stack's bounds are unknown.
    let limit: UInt

    init() {
        limit = StackLimit.current.floor
    }

    /// Whether the current frame is too close to the end of the stack.
    @inline(__always)
    func isExhausted() -> Bool {
        guard limit != 0 else { return false }
        // Not a local's own address: under AddressSanitizer locals live in a heap "fake stack",
        // which read naively is below the limit, and every deep body failed.
        return StackLimit.currentFrameAddress < limit
    }
}
