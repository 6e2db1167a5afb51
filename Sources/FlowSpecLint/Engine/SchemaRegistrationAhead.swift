public import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import Foundation

/// A spec's root file registered with the schema engine while the spec is still loading, for the
/// example checks.
///
/// Registering scans the whole file for `$id`s and anchors; the lint run did it first thing, on the
/// thread that then compiles the examples' schemas (the longest piece of the run). Given to
/// ``FlowSpecModel/SpecLoader/load(path:beside:)`` as its `beside` work, it runs on the other core
/// while the model is built, and ``SchemaExampleChecker/init(_:registeredAhead:)`` starts from it.
///
/// ```swift
/// let ahead = SchemaRegistrationAhead()
/// let loaded = SpecLoader().load(path: path, beside: ahead.register)
/// let examples = SchemaExampleChecker(loaded, registeredAhead: ahead)
/// ```
public final class SchemaRegistrationAhead: @unchecked Sendable {
    private let lock = NSLock()
    private var registered: (uri: String, displayPath: String, nodes: Int, registry: SchemaRegistry)?

    public init() {}

    /// Registers `file` in a registry of its own, then computes its parent table (the checker asks
    /// for the pointer of every schema it compiles).
    public func register(_ file: SpecFile) {
        var registry = SchemaRegistry()
        registry.register(SchemaSource.openAPIDocument(tree: file.tree, file: file.displayPath, baseURI: file.uri))
        lock.lock()
        registered = (file.uri, file.displayPath, file.tree.count, registry)
        lock.unlock()
        file.preparePointers()
    }

    /// The registry holding `file` alone, when it is the file registered.
    func registry(for file: SpecFile) -> SchemaRegistry? {
        lock.lock()
        defer { lock.unlock() }
        guard let registered, registered.uri == file.uri, registered.displayPath == file.displayPath,
            registered.nodes == file.tree.count
        else { return nil }
        return registered.registry
    }
}
