import Foundation
import Testing

@testable import FlowSpecModel

/// ``HelperThread/wait()`` returns once the work has run, however many callers wait for it: the
/// lint run's compiling ahead is waited for by whoever takes its compiler and again when it is
/// stopped.
@Suite struct HelperThreadTests {
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() {
            lock.lock()
            value = true
            lock.unlock()
        }
        var isSet: Bool {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    @Test func waitsAgainAndFromSeveralThreads() {
        let ran = Flag()
        let thread = HelperThread {
            Thread.sleep(forTimeInterval: 0.05)
            ran.set()
        }
        let waiters = (0..<3).map { _ in
            HelperThread {
                thread.wait()
                #expect(ran.isSet)
            }
        }
        thread.wait()
        #expect(ran.isSet)
        thread.wait()
        for waiter in waiters { waiter.wait() }
    }
}
