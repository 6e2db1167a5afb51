import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML

/// A parameter schema simple enough to be checked on a value's bytes without the schema engine:
/// `{type: string, format: uuid}`, a string `enum`, string lengths, integer bounds.
///
/// It only ever *accepts*: a value it accepts is one the compiled schema accepts too, and anything
/// else (a value it does not accept, a schema with any other keyword) goes to the compiled schema,
/// which words the violations. So it changes how fast a valid value is checked, never a verdict.
/// A value it refuses is only *most likely* invalid: the compiled schema is then asked for its
/// errors straight away (no errors: the value is valid after all, a slower way to the same verdict).
/// It is built only when every keyword of the schema is one it understands (annotations aside).
struct ScalarCheck: Sendable, Hashable {
    /// Whether `type` lets a string, an integer through (both when the schema has no `type`).
    var allowsString = true
    var allowsInteger = true
    /// `format: uuid`.
    var uuid = false
    /// The string members of `enum`; `nil` when there is no `enum`.
    var stringEnum: [[UInt8]]?
    var minLength: Int?
    var maxLength: Int?
    var minimum: Int64?
    var maximum: Int64?

    /// Keywords that assert nothing about a parameter value (`nullable` only widens).
    static let annotations: Set<String> = [
        "description", "title", "example", "examples", "default", "deprecated", "nullable", "$comment",
        "externalDocs",
    ]

    /// The check for `schema`, following pure `$ref`s; `nil` when it has a keyword the check does
    /// not model (so the compiled schema decides everything).
    init?(_ schema: Schema, references: ReferenceTable, files: SpecFileSet) {
        var current = schema
        var hops = 0
        while case .object(let object) = current, let ref = object.ref {
            // Only a bare `$ref`: its siblings apply in 3.1 and would be missed.
            guard hops < 16, files[object.node.file].tree.entries(object.node.node).count == 1,
                let next = references.schema(ref)
            else { return nil }
            current = next
            hops += 1
        }
        guard case .object(let object) = current else { return nil }
        let tree = files[object.node.file].tree
        let node = object.node.node
        guard tree.isMapping(node) else { return nil }
        for entry in tree.entries(node) {
            guard let key = tree.scalar(entry.key) else { return nil }
            let value = entry.value
            switch key {
            case "type":
                var types: [String] = []
                if let name = Self.string(tree, value) {
                    types = [name]
                } else if tree.isSequence(value) {
                    for item in tree.items(value) {
                        guard let name = Self.string(tree, item) else { return nil }
                        types.append(name)
                    }
                } else {
                    return nil
                }
                allowsString = types.contains("string")
                allowsInteger = types.contains("integer") || types.contains("number")
            case "format":
                guard Self.string(tree, value) == "uuid" else { return nil }
                uuid = true
            case "enum":
                guard tree.isSequence(value) else { return nil }
                var members: [[UInt8]] = []
                for item in tree.items(value) where tree.isScalar(item) && tree.scalarType(item) == .string {
                    guard let text = tree.scalar(item) else { return nil }
                    members.append(Array(text.utf8))
                }
                stringEnum = members
            case "minLength", "maxLength":
                guard let limit = Self.integer(tree, value), let bound = Int(exactly: limit), bound >= 0 else {
                    return nil
                }
                if key == "minLength" { minLength = bound } else { maxLength = bound }
            case "minimum", "maximum":
                guard let limit = Self.integer(tree, value) else { return nil }
                if key == "minimum" { minimum = limit } else { maximum = limit }
            default:
                guard Self.annotations.contains(key) || key.hasPrefix("x-") else { return nil }
            }
        }
    }

    /// A scalar typed as a string, as the schema engine reads it.
    private static func string(_ tree: YAMLTree, _ node: NodeID) -> String? {
        guard tree.isScalar(node), tree.scalarType(node) == .string else { return nil }
        return tree.scalar(node)
    }

    /// A scalar typed as an integer written in plain decimal digits.
    private static func integer(_ tree: YAMLTree, _ node: NodeID) -> Int64? {
        guard tree.isScalar(node), tree.scalarType(node) == .int, let text = tree.scalar(node) else { return nil }
        return Int64(text)
    }

    /// Whether the string with UTF-8 bytes `bytes` certainly matches (`false`: ask the schema; a
    /// keyword the check models refuses it, so the schema almost surely does too).
    func accepts(string bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard allowsString else { return false }
        if uuid && !Formats.uuid(bytes) { return false }
        if let stringEnum, !stringEnum.contains(where: { Self.equal($0, bytes) }) { return false }
        if minLength != nil || maxLength != nil {
            // Lengths count Unicode scalars: the bytes that do not continue a sequence.
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
            if let minLength, count < minLength { return false }
            if let maxLength, count > maxLength { return false }
        }
        return true
    }

    /// Whether the integer `value` certainly matches (`false`: ask the schema).
    func accepts(integer value: Int64) -> Bool { judge(integer: value) == true }

    /// `true` when the integer `value` certainly matches, `false` when a keyword the check models
    /// refuses it (so the schema almost surely does too), `nil` when the check cannot tell (an `enum`
    /// may list integers).
    func judge(integer value: Int64) -> Bool? {
        guard allowsInteger else { return false }
        if stringEnum != nil { return nil }
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }

    private static func equal(_ member: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard member.count == bytes.count else { return false }
        var k = 0
        while k < bytes.count {
            if member[k] != bytes[k] { return false }
            k &+= 1
        }
        return true
    }
}
