#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Shared by the test targets that run entry points on small stacks (FlowSpecYAMLTests'
// SmallStackTests, FlowSpecTrafficTests' HostileSmallStackTests). It is a regular target rather
// than a file in one test target because SwiftPM does not let a test target depend on another.

/// The stack macOS gives a secondary thread: deep input must fail with our error within it, not crash.
package let smallStackBytes = 512 << 10

/// Runs `body` on a new thread with a `bytes`-sized stack and returns its result.
///
/// A stack overflow in `body` kills the test process, so a test that returns at all has shown the
/// entry point fits. POSIX threads are used directly so that the size is exact on Linux and Darwin.
package func onSmallStack<T>(bytes: Int = smallStackBytes, _ body: @escaping () -> T) -> T {
    let slot = SmallStackSlot<T>()
    runOnSmallStack(bytes: bytes) { slot.value = body() }
    guard let value = slot.value else { preconditionFailure("the small-stack thread returned no result") }
    return value
}

/// The result, written on the small-stack thread and read after it is joined.
private final class SmallStackSlot<T> {
    var value: T?
}

/// Holds the work across the C thread entry point, which cannot capture context.
private final class SmallStackJob {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

private func runOnSmallStack(bytes: Int, _ body: @escaping () -> Void) {
    // Allocated rather than `pthread_attr_t()`: the zero initializer of an imported C struct is
    // attributed to whichever module imported it first (CYAML in a test target that also imports
    // FlowSpecYAML), which MemberImportVisibility rejects.
    let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
    defer { attributes.deallocate() }
    pthread_attr_init(attributes)
    defer { pthread_attr_destroy(attributes) }
    pthread_attr_setstacksize(attributes, bytes)
    let context = Unmanaged.passRetained(SmallStackJob(body)).toOpaque()
    #if canImport(Darwin)
        var thread: pthread_t?
        let status = pthread_create(
            &thread, attributes,
            { raw in
                Unmanaged<SmallStackJob>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            }, context)
        precondition(status == 0, "pthread_create failed: \(status)")
        if let thread { pthread_join(thread, nil) }
    #else
        var thread: pthread_t = 0
        let status = pthread_create(
            &thread, attributes,
            { raw in
                guard let raw else { return nil }
                Unmanaged<SmallStackJob>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            }, context)
        precondition(status == 0, "pthread_create failed: \(status)")
        pthread_join(thread, nil)
    #endif
}
