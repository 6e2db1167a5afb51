import Foundation

/// A caller's work on the root file, run on a helper thread while the loader builds the model.
///
/// Building the model of a large spec is one thread's work; whatever else only reads the file's
/// tree (registering it with the schema engine, for the linter's example checks) can use the other
/// core meanwhile. The loader waits for it before it returns, so the work is done when the caller
/// gets the result.
final class BesideWork: @unchecked Sendable {
    /// The helper's stack: a main thread's, so that walks of deeply nested documents hit the same
    /// limits on either thread.
    private static let stackSize = 8 << 20
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` with `file` on a helper thread.
    init(_ file: SpecFile, _ work: @escaping @Sendable (SpecFile) -> Void) {
        let done = self.done
        let thread = Thread {
            work(file)
            done.signal()
        }
        thread.stackSize = Self.stackSize
        thread.start()
    }

    /// Waits until the work has returned.
    func wait() { done.wait() }
}
