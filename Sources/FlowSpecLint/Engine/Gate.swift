import Foundation

/// A one-way gate between threads: closed until ``open()``, after which ``wait()`` returns at once.
///
/// The rules that check examples wait on one until the example checker has compiled their schemas.
/// The piece that opens it is always taken before the pieces that wait (``ParallelWork`` hands
/// pieces out in order), so a waiter never waits for a piece that no thread is running.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }
}
