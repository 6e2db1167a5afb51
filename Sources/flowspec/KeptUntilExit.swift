import Foundation

/// Holds the last spec a command loaded (its files, trees, model and compiled schemas) until the
/// process exits, so that it is never freed.
///
/// A large spec is millions of small allocations: releasing them one by one when the command
/// returns cost about 36M instructions (2% of linting a 3.5 MB spec, all of it on one thread after
/// the report is written), for memory the exiting process hands back at once. Only the last value
/// is held: a run over many specs frees each earlier one as before, so its memory stays bounded.
final class KeptUntilExit: @unchecked Sendable {
    static let shared = KeptUntilExit()

    private let lock = NSLock()
    private var value: Any?

    private init() {}

    /// Holds `value` in place of the one held so far (which is released here, on the caller's thread).
    func keep(_ value: Any) {
        lock.lock()
        let previous = self.value
        self.value = value
        lock.unlock()
        withExtendedLifetime(previous) {}
    }
}
