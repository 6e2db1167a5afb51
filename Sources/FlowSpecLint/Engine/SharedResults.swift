import FlowSpecModel
import Foundation

/// Results that several pieces of a lint run need, made by the first piece that asks and kept for
/// the others (copies of a ``LintContext`` share one).
///
/// The example check runs in parts on both threads, and each part, like the example checker
/// before it, needs every example of the document: listing them cost as much as checking an eighth
/// of them. Four rules read every parameter of the document, resolved and each once.
final class SharedResults: Sendable {
    /// Each result has a lock of its own: listing the examples lists the parameters.
    private let parameterList = Once<[Parameter]>()
    private let exampleList = Once<[ExampleRules.ExampleSite]>()

    /// Every parameter of the document, made by `make` on first use.
    func parameters(_ make: () -> [Parameter]) -> [Parameter] { parameterList.value(make) }

    /// The media, parameter and header examples, made by `make` on first use.
    func mediaExamples(_ make: () -> [ExampleRules.ExampleSite]) -> [ExampleRules.ExampleSite] {
        exampleList.value(make)
    }

    /// A value made by the first caller, behind a lock of its own.
    private final class Once<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var made: Value?

        func value(_ make: () -> Value) -> Value {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
