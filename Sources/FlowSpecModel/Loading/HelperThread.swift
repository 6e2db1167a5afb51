import Foundation

/// Work on a helper thread with a main thread's stack, which its starter waits for: a caller's work
/// beside the model build, the lint run's second thread, the traffic checker's workers.
///
/// The stack is a main thread's (8 MiB on Linux and macOS), so that walks of deeply nested documents,
/// schemas and bodies stop at the same depth limits on any thread. The work (which may hold the
/// caller's non-escaping closures, made escaping for the thread) is dropped as soon as it has run,
/// before ``wait()`` returns: the thread object, and its block, may outlive it.
package final class HelperThread: @unchecked Sendable {
    package static let stackSize = 8 << 20
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    package init(_ work: @escaping @Sendable () -> Void) {
        let job = Job(work)
        let done = self.done
        let thread = Thread {
            job.run()
            done.signal()
        }
        thread.stackSize = Self.stackSize
        thread.start()
    }

    /// Waits until the work has returned. Any number of callers may wait, one after the other or at
    /// once: each passes the signal on.
    package func wait() {
        done.wait()
        done.signal()
    }

    /// The work, released as soon as it has run.
    private final class Job: @unchecked Sendable {
        private var work: (@Sendable () -> Void)?

        init(_ work: @escaping @Sendable () -> Void) { self.work = work }

        func run() {
            work?()
            work = nil
        }
    }
}
