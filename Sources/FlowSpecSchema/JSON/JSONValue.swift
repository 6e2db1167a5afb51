/// A JSON value, as parsed from a request or response body, a HAR capture or a spec's example.
///
/// Numbers keep the text they were written with (see ``JSONNumber``), so that large integers and
/// decimals compare exactly; objects keep their members in order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON Schema type name of this value (`integer` for numbers with an integral value).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// A JSON object's members, in the order they were written.
///
/// Lookups by name are linear for small objects (the common case for API bodies) and go through a
/// lazily built index for large ones.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String]
    public private(set) var values: [JSONValue]

    public init() {
        keys = []
        values = []
    }

    public init(keys: [String], values: [JSONValue]) {
        precondition(keys.count == values.count)
        self.keys = keys
        self.values = values
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        keys = elements.map(\.0)
        values = elements.map(\.1)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> (key: String, value: JSONValue) { (keys[position], values[position]) }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    /// Appends a member (the parser reports duplicates before they get here).
    public mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    /// Objects are equal when they have the same members, whatever their order (JSON Schema `const`,
    /// `enum` and `uniqueItems` compare this way).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.keys.count == rhs.keys.count else { return false }
        for (key, value) in zip(lhs.keys, lhs.values) {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes commutatively.
        var sum = 0
        for (key, value) in zip(keys, values) {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            sum = sum &+ member.finalize()
        }
        hasher.combine(keys.count)
        hasher.combine(sum)
    }
}
