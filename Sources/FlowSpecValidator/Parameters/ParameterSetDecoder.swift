/// Decodes all parameters of an operation; built once per operation.
///
/// It tells each exploded `form` object which query (or cookie) names belong to the other parameters,
/// and keeps the definitions it cannot use in ``definitionErrors`` (so one bad parameter does not stop
/// the others from being checked).
public struct ParameterSetDecoder: Sendable {
    /// A decoder per usable definition, in the order given.
    public let decoders: [ParameterDecoder]
    /// The definitions the decoder cannot use (unknown style, style not allowed, bad header name).
    public let definitionErrors: [ParameterError]

    /// Prepares a decoder per definition, setting aside the ones it cannot use.
    public init(_ definitions: [ParameterDefinition]) {
        var decoders: [ParameterDecoder] = []
        var errors: [ParameterError] = []
        for definition in definitions {
            let others = Set(
                definitions.lazy.filter { $0.location == definition.location && $0.name != definition.name }.map(\.name)
            )
            do {
                decoders.append(try ParameterDecoder(definition, otherNames: others))
            } catch {
                errors.append(error)
            }
        }
        self.decoders = decoders
        self.definitionErrors = errors
    }

    /// Decodes every parameter: the values present, and an error for each parameter that failed.
    public func decode(from sources: ParameterSources) -> (parameters: [DecodedParameter], errors: [ParameterError]) {
        var parameters: [DecodedParameter] = []
        var errors: [ParameterError] = []
        for decoder in decoders {
            do {
                if let value = try decoder.decode(from: sources) {
                    parameters.append(DecodedParameter(definition: decoder.definition, value: value))
                }
            } catch {
                errors.append(error)
            }
        }
        return (parameters, errors)
    }
}
