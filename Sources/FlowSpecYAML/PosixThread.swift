#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A helper thread of the YAML reader (the event pipe's parser, a split file's tail), started with
/// POSIX threads: this module does not link Foundation.
enum PosixThread {
    /// Starts `body` on a new thread with the default attributes; `nil` when no thread could be
    /// started, and off Linux, where the callers then do the work on their own thread.
    static func start(_ body: @escaping () -> Void) -> pthread_t? {
        #if os(Linux)
            let context = Unmanaged.passRetained(Body(body)).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
                    return nil
                }, context)
            guard started == 0 else {
                Unmanaged<Body>.fromOpaque(context).release()
                return nil
            }
            return thread
        #else
            return nil
        #endif
    }

    /// The closure, in a box a thread's context pointer can carry.
    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
