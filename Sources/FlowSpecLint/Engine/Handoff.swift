import Foundation

/// A value that one piece of parallel work makes and others read: a reader waits until it is set.
///
/// The lint context is made by the first piece of a run while the example checker scans the files
/// beside it; the pieces that need the context wait here. As with ``Gate``, the piece that sets the
/// value is always taken before the pieces that wait for it, so a reader never waits for a piece
/// that no thread is running.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func set(_ value: Value) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    func get() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
