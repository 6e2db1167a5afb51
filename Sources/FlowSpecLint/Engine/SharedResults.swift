import FlowSpecModel
import Foundation

/// Results that several pieces of a lint run need, made by the first piece that asks and kept for
/// the others (copies of a ``LintContext`` share one).
///
/// The example check runs in parts on both threads, and each part, like the example checker
/// before it, needs every example of the document: listing them cost as much as checking an eighth
/// of them. Four rules read every parameter of the document, resolved and each once.
final class SharedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var mediaExamples: [ExampleRules.ExampleSite]?
    /// A lock of its own: listing the examples (under `lock`) lists the parameters.
    private let parametersLock = NSLock()
    private var parameters: [Parameter]?

    /// Every parameter of the document, made by `make` on first use.
    func parameters(_ make: () -> [Parameter]) -> [Parameter] {
        parametersLock.lock()
        defer { parametersLock.unlock() }
        if let parameters { return parameters }
        let made = make()
        parameters = made
        return made
    }

    /// The media, parameter and header examples, made by `make` on first use.
    func mediaExamples(_ make: () -> [ExampleRules.ExampleSite]) -> [ExampleRules.ExampleSite] {
        lock.lock()
        defer { lock.unlock() }
        if let mediaExamples { return mediaExamples }
        let made = make()
        mediaExamples = made
        return made
    }
}
