internal import FlowSpecYAML

/// One compiled schema: its keywords as operations, in a fixed order (cheap checks first, then
/// applicators, then `unevaluated*`, which read the annotations of the others).
struct CompiledNode: Sendable {
    var ops: [Op] = []
    /// The schema resource the node belongs to (for `$dynamicRef`'s dynamic scope).
    var resource: Int32 = 0
    /// The node has `unevaluatedProperties` or `unevaluatedItems`, so its evaluation collects
    /// annotations.
    var tracksUnevaluated = false
    /// The node is the `false` schema (or `not: {}`): nothing is valid.
    var isFalse = false
    /// Where the schema is, for messages about the schema as a whole.
    var site: Int32 = 0
}

/// A compiled resource: its URI and its dynamic anchors, for `$dynamicRef`.
struct CompiledResource: Sendable {
    var uri: String
    var dynamicAnchors: [(name: Int32, node: Int32)] = []

    func dynamicAnchor(_ name: Int32) -> Int32? {
        for anchor in dynamicAnchors where anchor.name == name { return anchor.node }
        return nil
    }
}

/// Where a keyword is in its spec file, for error locations.
struct KeywordSite: Sendable {
    var source: Int32
    /// The keyword's key node (its line and column), or the schema node for a boolean schema.
    var node: NodeID
    /// The keyword's JSON pointer in its file.
    var pointer: [String]
    var keyword: String
}

/// JSON types as bits, so `type: [string, null]` is one mask test.
struct TypeMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let null = TypeMask(rawValue: 1)
    static let boolean = TypeMask(rawValue: 2)
    static let object = TypeMask(rawValue: 4)
    static let array = TypeMask(rawValue: 8)
    static let number = TypeMask(rawValue: 16)
    static let string = TypeMask(rawValue: 32)
    static let integer = TypeMask(rawValue: 64)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "number": self = .number
        case "string": self = .string
        case "integer": self = .integer
        default: return nil
        }
    }

    /// The names, in JSON Schema's usual order.
    var names: [String] {
        var result: [String] = []
        if contains(.object) { result.append("object") }
        if contains(.array) { result.append("array") }
        if contains(.string) { result.append("string") }
        if contains(.number) { result.append("number") }
        if contains(.integer) && !contains(.number) { result.append("integer") }
        if contains(.boolean) { result.append("boolean") }
        if contains(.null) { result.append("null") }
        return result
    }
}

/// Read/write access of a property's schema (`readOnly`, `writeOnly`), for direction-aware checks.
struct Access: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let readOnly = Access(rawValue: 1)
    static let writeOnly = Access(rawValue: 2)
}

/// `properties`, `patternProperties` and `additionalProperties` together: one pass over the
/// instance's members.
///
/// A class so that the evaluator reaches it through one reference (no per-field reference
/// counting); filled while compiling and never changed afterwards.
final class MemberApplicator: @unchecked Sendable {
    var names: [String] = []
    var nodes: [Int32] = []
    var access: [Access] = []
    /// For many properties, an index by name; small tables are scanned (faster for API objects).
    var index: [String: Int]? = nil
    var patterns: [(pattern: Int32, node: Int32)] = []
    var additional: Int32 = -1
    var propertiesSite: Int32 = 0
    var patternSite: Int32 = 0
    var additionalSite: Int32 = 0
    var hasAccessFlags = false
    /// The names' UTF-8 bytes, compared with the instance's keys on the tape.
    var utf8Names: [[UInt8]] = []
    /// For many properties: name hash to index (collisions fall back to a scan).
    var hashIndex: [UInt64: Int]? = nil

    /// Prepares the byte forms once the names are known.
    func seal() {
        utf8Names = names.map { Array($0.utf8) }
        if names.count > 8 {
            var table: [UInt64: Int] = [:]
            for (k, name) in utf8Names.enumerated() where table[fnv1a(name[...])] == nil { table[fnv1a(name[...])] = k }
            hashIndex = table
        }
    }

    /// The index of the property named by the tape string at `r`.
    @inline(__always) func lookup(_ tape: JSONTape, _ r: Int) -> Int? {
        if let hashIndex {
            let hash = tape.withString(r) { fnv1a($0[...]) }
            if let k = hashIndex[hash], tape.stringEquals(r, utf8Names[k]) { return k }
        }
        for k in 0..<utf8Names.count where tape.stringEquals(r, utf8Names[k]) { return k }
        return nil
    }
}

/// FNV-1a, a small deterministic hash for property names.
@inline(__always)
func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}

/// `prefixItems` and `items` (or draft 4's array `items` and `additionalItems`); immutable once compiled.
final class ItemsApplicator: @unchecked Sendable {
    var prefix: [Int32] = []
    var rest: Int32 = -1
    var prefixSite: Int32 = 0
    var restSite: Int32 = 0
}

/// `contains` with `minContains` and `maxContains`.
struct ContainsApplicator: Sendable {
    var node: Int32
    var min: Int
    var max: Int
    var site: Int32
    var minSite: Int32
    var maxSite: Int32
}

/// A `discriminator` with the `oneOf`/`anyOf` it picks from; immutable once compiled.
final class DiscriminatorApplicator: @unchecked Sendable {
    var propertyName: String
    var values: [String] = []
    var targets: [Int32] = []
    var site: Int32
    /// The `oneOf`/`anyOf` op used when the instance is not an object.
    var fallback: [Int32]
    var isOneOf: Bool
    var utf8PropertyName: [UInt8] = []
    var utf8Values: [[UInt8]] = []

    init(propertyName: String, site: Int32, fallback: [Int32], isOneOf: Bool) {
        self.propertyName = propertyName
        self.site = site
        self.fallback = fallback
        self.isOneOf = isOneOf
    }
}

/// `required`, with each name's access so `readOnly` members may be left out of requests.
final class RequiredList: Sendable {
    let names: [String]
    let access: [Access]
    let utf8Names: [[UInt8]]

    init(names: [String], access: [Access]) {
        self.names = names
        self.access = access
        self.utf8Names = names.map { Array($0.utf8) }
    }
}

/// `dependentRequired` (or draft 4 `dependencies` with lists).
struct DependentRequired: Sendable {
    var name: String
    var required: [String]
    var utf8Name: [UInt8]
    var utf8Required: [[UInt8]]

    init(name: String, required: [String]) {
        self.name = name
        self.required = required
        self.utf8Name = Array(name.utf8)
        self.utf8Required = required.map { Array($0.utf8) }
    }
}

/// The values of `enum`, with a hash set for long lists.
final class EnumTable: Sendable {
    let values: [JSONValue]
    let set: Set<JSONValue>?

    init(values: [JSONValue], set: Set<JSONValue>?) {
        self.values = values
        self.set = set
    }
}

/// One compiled keyword.
///
/// Every payload is a number or an index into one of the program's tables, so an `Op` is trivially
/// copyable: the evaluator reads ops without touching reference counts.
enum Op: Sendable {
    case alwaysFail(site: Int32)
    case type(TypeMask, nullable: Bool, site: Int32)
    /// Index into ``SchemaProgram/values``.
    case const(Int32, site: Int32)
    /// Index into ``SchemaProgram/enums``.
    case enumeration(Int32, nullable: Bool, site: Int32)
    /// Indexes into ``SchemaProgram/numbers``.
    case minimum(Int32, exclusive: Bool, site: Int32)
    case maximum(Int32, exclusive: Bool, site: Int32)
    case multipleOf(Int32, site: Int32)
    case minLength(Int, site: Int32)
    case maxLength(Int, site: Int32)
    case pattern(Int32, site: Int32)
    case format(FormatKind, forced: Bool, site: Int32)
    case minItems(Int, site: Int32)
    case maxItems(Int, site: Int32)
    case uniqueItems(site: Int32)
    case minProperties(Int, site: Int32)
    case maxProperties(Int, site: Int32)
    /// Index into ``SchemaProgram/requireds``.
    case required(Int32, site: Int32)
    /// Index into ``SchemaProgram/dependentRequireds``.
    case dependentRequired(Int32, site: Int32)
    /// Index into ``SchemaProgram/members``.
    case members(Int32)
    case propertyNames(Int32, site: Int32)
    /// Index into ``SchemaProgram/dependentSchemas``.
    case dependentSchemas(Int32, site: Int32)
    /// Index into ``SchemaProgram/items``.
    case items(Int32)
    case contains(ContainsApplicator)
    case ref(Int32, site: Int32)
    case dynamicRef(Int32, anchor: Int32, site: Int32)
    /// Indexes into ``SchemaProgram/lists``.
    case allOf(Int32, site: Int32)
    case anyOf(Int32, site: Int32)
    case oneOf(Int32, site: Int32)
    case not(Int32, site: Int32)
    case conditional(if: Int32, then: Int32, else: Int32, site: Int32)
    /// Index into ``SchemaProgram/discriminators``.
    case discriminator(Int32)
    case unevaluatedProperties(Int32, site: Int32)
    case unevaluatedItems(Int32, site: Int32)
    /// A keyword that could not be compiled (an unresolvable `$ref`): every instance fails with the
    /// message at this index of ``SchemaProgram/messages``, so a broken schema never passes silently.
    case broken(Int32, site: Int32)
}

/// What the evaluator needs of a node: plain numbers, so reading it costs no reference counting.
struct NodeInfo: Sendable {
    var opStart: Int32
    var opCount: Int32
    var resource: Int32
    var site: Int32
    var tracksUnevaluated: Bool
    var isFalse: Bool
}
