/// A JSON value, as parsed from a request or response body, a HAR capture or a spec's example.
///
/// Numbers keep the text they were written with (see ``JSONNumber``), so that large integers and
/// decimals compare exactly; objects keep their members in order. Equality is JSON Schema's: numbers
/// by value (`1 == 1.0`), objects whatever their member order.
public enum JSONValue: Sendable {
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

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number, if this is one.
    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The value at `pointer`, or `nil` when a token names nothing.
    public func value(at pointer: some Sequence<String>) -> JSONValue? {
        var current = self
        for token in pointer {
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let index = Int(token), index >= 0, index < a.count,
                    token == "0" || !token.hasPrefix("0")
                else { return nil }
                current = a[index]
            default: return nil
            }
        }
        return current
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(keys: elements.map(\.0), values: elements.map(\.1)))
    }
}

/// A JSON object's members, in the order they were written.
///
/// Lookups by name are linear, which is fastest for the small objects of API bodies; the compiled
/// validator never looks members up by name in a loop over a schema's properties.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String]
    public private(set) var values: [JSONValue]

    public init() {
        keys = []
        values = []
    }

    /// Members from parallel arrays; extra elements of the longer array are dropped.
    public init(keys: [String], values: [JSONValue]) {
        if keys.count == values.count {
            self.keys = keys
            self.values = values
        } else {
            let n = Swift.min(keys.count, values.count)
            self.keys = Array(keys.prefix(n))
            self.values = Array(values.prefix(n))
        }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        keys = elements.map(\.0)
        values = elements.map(\.1)
    }

    /// The first member's position (always 0).
    public var startIndex: Int { 0 }
    /// One past the last member's position.
    public var endIndex: Int { keys.count }
    /// The member at `position`, in written order.
    public subscript(position: Int) -> (key: String, value: JSONValue) { (keys[position], values[position]) }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        guard let index = index(forKey: key) else { return nil }
        return values[index]
    }

    /// The index of the first member named `key` (names compare by code points, not by Unicode
    /// canonical equivalence: `"é"` and `"e\u{301}"` are different names, as JSON says).
    public func index(forKey key: String) -> Int? {
        for k in 0..<keys.count where exactlyEqual(keys[k], key) { return k }
        return nil
    }

    /// Appends a member (the parser reports duplicates before they get here).
    public mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
    }

    /// Objects are equal when they have the same members, whatever their order (JSON Schema `const`,
    /// `enum` and `uniqueItems` compare this way).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.keys.count == rhs.keys.count else { return false }
        if zip(lhs.keys, rhs.keys).allSatisfy(exactlyEqual) { return lhs.values == rhs.values }
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
            hashExactly(key, into: &member)
            member.combine(value)
            sum = sum &+ member.finalize()
        }
        hasher.combine(keys.count)
        hasher.combine(sum)
    }
}
