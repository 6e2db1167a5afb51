/// A string-keyed map that keeps the order the keys were written in, and where each key was written.
///
/// OpenAPI's maps (paths, responses, properties, components) are read in document order for
/// deterministic output; lookups by key are linear, which is fastest for the small maps that
/// dominate, and large maps (paths, schemas) are iterated rather than searched.
public struct OrderedMap<Value: Sendable>: Sendable, RandomAccessCollection {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    /// Where each key was written.
    public private(set) var keyNodes: [NodeRef] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }

    public subscript(position: Int) -> (key: String, value: Value) { (keys[position], values[position]) }

    /// The value for `key`, or `nil`.
    public subscript(key: String) -> Value? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    /// Where `key` was written, or `nil`.
    public func keyNode(_ key: String) -> NodeRef? {
        keys.firstIndex(of: key).map { keyNodes[$0] }
    }

    /// Makes room for `count` entries at once: a map grown by appending doubles its three arrays'
    /// capacity, which leaves up to half of them unused for the life of the model.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        keyNodes.reserveCapacity(count)
    }

    public mutating func append(_ key: String, _ value: Value, keyNode: NodeRef) {
        keys.append(key)
        values.append(value)
        keyNodes.append(keyNode)
    }
}

/// Specification extensions (`x-` fields) of an object: names and the raw value nodes.
public typealias Extensions = OrderedMap<NodeRef>
