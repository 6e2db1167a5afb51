public import FlowSpecSchema

/// A parameter's definition and the value decoded from a request.
public struct DecodedParameter: Sendable, Hashable {
    /// The parameter's definition.
    public let definition: ParameterDefinition
    /// The decoded value, for the parameter's schema to validate.
    public let value: JSONValue

    public init(definition: ParameterDefinition, value: JSONValue) {
        self.definition = definition
        self.value = value
    }
}
