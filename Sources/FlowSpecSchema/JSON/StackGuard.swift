internal import FlowSpecYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells recursive code (the parser, the evaluator) when the thread's stack is nearly used up, so a
/// hostile input gets an error instead of a crash, whatever thread it runs on and however large the
/// frames of the build are.
///
/// Finding the stack's bounds costs a system call (and on the main thread a read of
/// `/proc/self/maps`), so callers make a guard only once they are deep (see ``deepThreshold``).
struct StackGuard {
    /// Recursion shallower than this never needs a guard.
    static let deepThreshold = 48

    /// Below this address, stop recursing; 0 when the stack's bounds are unknown.
    let limit: UInt

    /// Room kept free for the code that reports the error.
    static let margin: UInt = 96 * 1024

    init() {
        limit = Self.lowestUsableAddress()
    }

    /// Whether the current frame is too close to the end of the stack.
    @inline(__always)
    func isExhausted() -> Bool {
        guard limit != 0 else { return false }
        // Not a local's own address: under AddressSanitizer locals live in a heap "fake stack",
        // which read naively is below the limit, and every deep body failed.
        return StackLimit.currentFrameAddress < limit
    }

    private static func lowestUsableAddress() -> UInt {
        #if canImport(Darwin)
            let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
            let size = UInt(pthread_get_stacksize_np(pthread_self()))
            return top - size + margin
        #elseif canImport(Glibc)
            let here = StackLimit.currentFrameAddress
            // The thread's real bounds, through glibc's `pthread_getattr_np` (a GNU extension the
            // Glibc module does not export).
            let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
            defer { attributes.deallocate() }
            if flowspecGetThreadAttributes(pthread_self(), attributes) == 0 {
                defer { pthread_attr_destroy(attributes) }
                var base: UnsafeMutableRawPointer? = nil
                var size = 0
                if pthread_attr_getstack(attributes, &base, &size) == 0, let base {
                    return UInt(bitPattern: base) + margin
                }
            }
            // Unknown: assume RLIMIT_STACK (glibc's default thread stack) and that the caller has used
            // at most half of it.
            var limit = rlimit()
            var size: UInt = 8 << 20
            if getrlimit(Int32(RLIMIT_STACK.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
                size = UInt(limit.rlim_cur)
            }
            let budget = min(size, 64 << 20) / 2
            return here > budget + margin ? here - budget + margin : 0
        #else
            return 0
        #endif
    }
}

#if canImport(Glibc)
    @_silgen_name("pthread_getattr_np")
    private func flowspecGetThreadAttributes(
        _ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>
    ) -> Int32
#endif
