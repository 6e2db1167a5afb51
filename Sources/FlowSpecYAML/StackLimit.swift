#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells code that recurses on its input when the current thread's stack is nearly used up, so that
/// it can stop with its own depth error instead of overflowing the stack.
///
/// Nesting budgets (``YAMLParseOptions/maxDepth``, the JSON parser's and the schema evaluator's) bound
/// how deep input may go, but not what each level costs on the stack: that depends on the build (a
/// debug build's frames are ten times larger than a release build's), on sanitizers, and on the
/// thread (macOS gives secondary threads 512 KiB, Linux 8 MiB). The stages that recurse (building the
/// model, compiling schemas, evaluating them, parsing JSON bodies) therefore also check this limit at
/// each level: deep input on a small stack is an error with a location, never a crash.
///
/// ```swift
/// let stack = StackLimit.current
/// func walk(_ node: NodeID) throws {
///     if stack.isNearlyExhausted { throw tooDeep(node) }
///     ...
/// }
/// ```
package struct StackLimit: Sendable {
    /// Stack addresses below this one are the reserve (stacks grow down on every platform we run on).
    package let floor: UInt
    /// ASan's fake-stack functions when the process runs under it. Kept here rather than read from
    /// ``AddressSanitizerRuntime/shared`` at each check: a lazy global costs a `swift_once` call per
    /// read, and the evaluator checks once per schema node (about 2.6k instructions on a deep
    /// invalid response body).
    private let asan: AddressSanitizerRuntime?

    /// A limit that is never reached, for threads whose stack bounds are unknown.
    package static let unlimited = StackLimit(floor: 0)

    init(floor: UInt) {
        self.floor = floor
        asan = floor == 0 ? nil : AddressSanitizerRuntime.shared
    }

    /// The current thread's limit: its stack's low end plus a reserve of a quarter of the stack,
    /// at least 64 KiB and at most 256 KiB (enough for one more level of a debug build with
    /// AddressSanitizer, and for building the error).
    package static var current: StackLimit {
        guard let (low, size) = cachedBounds() else { return .unlimited }
        let reserve = min(max(size / 4, 64 << 10), 256 << 10)
        return StackLimit(floor: low + UInt(reserve))
    }

    /// Whether less than the reserve is left below the caller's frame.
    @inline(__always)
    package var isNearlyExhausted: Bool {
        // An unknown stack (floor 0) is never exhausted; skip the address lookup for it.
        guard floor != 0 else { return false }
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { stackAddress(of: UnsafeMutableRawPointer($0)) } < floor
    }

    /// The address on the thread's stack of a local variable's frame.
    ///
    /// Under AddressSanitizer a local whose address is taken lives in a "fake stack" on the heap, so
    /// its address says nothing about the real stack; ASan's runtime maps it back to the real frame.
    /// Without ASan the runtime functions are absent and the address is the real one.
    @inline(__always)
    func stackAddress(of local: UnsafeMutableRawPointer) -> UInt {
        if let asan, let real = asan.realFrame(asan.currentFakeStack(), local, nil, nil) {
            return UInt(bitPattern: real)
        }
        return UInt(bitPattern: local)
    }

    /// The thread's stack bounds, computed once per thread (on Linux, glibc reads /proc/self/maps
    /// for the main thread's) and kept in thread-local storage.
    private static func cachedBounds() -> (low: UInt, size: Int)? {
        let key = boundsKey
        if let stored = pthread_getspecific(key) {
            let bounds = stored.assumingMemoryBound(to: UInt.self)
            return (bounds[0], Int(bounds[1]))
        }
        guard let (low, size) = threadStackBounds() else { return nil }
        let bounds = UnsafeMutablePointer<UInt>.allocate(capacity: 2)
        bounds[0] = low
        bounds[1] = UInt(size)
        pthread_setspecific(key, bounds)
        return (low, size)
    }

    /// The key of the per-thread bounds; the destructor frees them when the thread ends.
    private static let boundsKey: pthread_key_t = {
        #if canImport(Darwin)
            var key = pthread_key_t()
        #else
            var key: pthread_key_t = 0
        #endif
        pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
                pointer.deallocate()
            #else
                pointer?.deallocate()
            #endif
        }
        return key
    }()

    #if canImport(Glibc)
        /// glibc's `pthread_getattr_np`, which Swift's Glibc module does not export (it is a GNU
        /// extension, declared only under `_GNU_SOURCE`): looked up once, called through C's convention.
        private static let threadAttributes:
            (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32)? = {
                guard let symbol = dlsym(nil, "pthread_getattr_np") else { return nil }  // nil: RTLD_DEFAULT
                return unsafeBitCast(
                    symbol, to: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32).self)
            }()
    #endif

    /// The low end and size of the current thread's stack, from the threading library.
    private static func threadStackBounds() -> (low: UInt, size: Int)? {
        #if canImport(Darwin)
            let thread = pthread_self()
            let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
            let size = pthread_get_stacksize_np(thread)
            guard top > UInt(size) else { return nil }
            return (top - UInt(size), size)
        #elseif canImport(Glibc)
            guard let getAttributes = threadAttributes else { return nil }
            let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
            defer { attributes.deallocate() }
            guard getAttributes(pthread_self(), attributes) == 0 else { return nil }
            defer { pthread_attr_destroy(attributes) }
            var address: UnsafeMutableRawPointer?
            var size = 0
            guard pthread_attr_getstack(attributes, &address, &size) == 0, let address, size > 0 else { return nil }
            return (UInt(bitPattern: address), size)
        #else
            return nil
        #endif
    }
}

/// AddressSanitizer's runtime interface for fake stacks, when the process runs under ASan.
private struct AddressSanitizerRuntime: Sendable {
    typealias CurrentFakeStack = @convention(c) () -> UnsafeMutableRawPointer?
    typealias RealFrame =
        @convention(c) (
            UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
            UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        ) -> UnsafeMutableRawPointer?

    /// `__asan_get_current_fake_stack`.
    let currentFakeStack: CurrentFakeStack
    /// `__asan_addr_is_in_fake_stack`: the real frame of an address in a fake frame, else `nil`.
    let realFrame: RealFrame

    /// The functions, looked up once; `nil` when ASan is not in the process.
    static let shared: AddressSanitizerRuntime? = {
        #if canImport(Darwin)
            let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
            let everywhere: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #endif
        guard let current = dlsym(everywhere, "__asan_get_current_fake_stack"),
            let real = dlsym(everywhere, "__asan_addr_is_in_fake_stack")
        else { return nil }
        return AddressSanitizerRuntime(
            currentFakeStack: unsafeBitCast(current, to: CurrentFakeStack.self),
            realFrame: unsafeBitCast(real, to: RealFrame.self))
    }()
}
