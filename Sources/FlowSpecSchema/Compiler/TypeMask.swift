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
