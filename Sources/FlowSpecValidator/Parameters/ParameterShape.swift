/// The shape of a parameter's value, derived by the caller from its schema, which decides how a
/// serialised value is split (`blue,black` is one string for a primitive, two items for an array).
public enum ParameterShape: Sendable, Hashable {
    /// One value (`type: string`, `integer`, `number`, `boolean`, or no type).
    case primitive(PrimitiveType)
    /// A list (`type: array`), with its items' type.
    case array(items: PrimitiveType)
    /// A map (`type: object`): the declared properties' types, and the type of other properties, or
    /// `nil` when only declared properties are collected (`additionalProperties: false`).
    ///
    /// The property list matters for `form` with `explode: true` (query and cookie), where the
    /// properties are separate names (`?R=100&G=200`): a name belongs to the object when it is a declared
    /// property, or, when other properties are allowed, when no other parameter claims it.
    case object(properties: [String: PrimitiveType], additionalProperties: PrimitiveType?)

    /// An object with no declared properties whose other properties are strings.
    public static var anyObject: ParameterShape { .object(properties: [:], additionalProperties: .string) }

    var isPrimitive: Bool {
        if case .primitive = self { return true }
        return false
    }
}
