public import FlowSpecSchema

/// A parameter's definition and the value decoded from a request.
public struct DecodedParameter: Sendable, Hashable {
    public let definition: ParameterDefinition
    public let value: JSONValue

    public init(definition: ParameterDefinition, value: JSONValue) {
        self.definition = definition
        self.value = value
    }
}
