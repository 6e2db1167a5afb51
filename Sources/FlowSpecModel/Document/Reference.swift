/// A `$ref`: a value in the model, resolved through the loader's table rather than inlined.
///
/// The loader resolves every reference into its ``ReferenceTable`` (ask it with
/// ``ReferenceTable/target(of:)``); an unresolved reference is also a load diagnostic at the `$ref`'s line.
public struct Reference: Hashable, Sendable {
    /// The reference exactly as written, such as `#/components/schemas/Flow` or `schemas/flow.yaml`.
    public var ref: String
    /// The Reference Object's `summary` (OpenAPI 3.1).
    public var summary: String?
    /// The Reference Object's `description` (OpenAPI 3.1).
    public var description: String?
    /// The `$ref` value's own node.
    public var node: NodeRef

    public init(ref: String, summary: String? = nil, description: String? = nil, node: NodeRef) {
        self.ref = ref
        self.summary = summary
        self.description = description
        self.node = node
    }
}

/// Either an object written in place or a ``Reference`` to one.
public enum Referenceable<Value: Sendable>: Sendable {
    case value(Value)
    case reference(Reference)

    /// The value when it is written in place.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// The reference when it is one.
    public var reference: Reference? {
        if case .reference(let reference) = self { return reference }
        return nil
    }
}
