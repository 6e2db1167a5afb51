public import FlowSpecModel
public import FlowSpecSchema

/// The parameters a request carried, decoded by their style into the JSON values their schemas
/// validated.
///
/// Stored as one list, in the operation's declaration order; the dictionaries are built when asked
/// for, so a validation that never reads them does not pay for them.
public struct DecodedParameters: Sendable, Hashable {
    /// Every decoded parameter, in declaration order.
    public var all: [DecodedParameter]
    /// The path variables as the router found them (raw and percent-decoded).
    public var pathValues: [PathParameter]

    public init(all: [DecodedParameter] = [], pathValues: [PathParameter] = []) {
        self.all = all
        self.pathValues = pathValues
    }

    /// The path parameters by name.
    public var path: [String: JSONValue] { values(in: .path) }
    /// The query parameters by name.
    public var query: [String: JSONValue] { values(in: .query) }
    /// The header parameters by their declared name.
    public var header: [String: JSONValue] { values(in: .header) }
    /// The cookie parameters by name.
    public var cookie: [String: JSONValue] { values(in: .cookie) }

    /// The raw (not percent-decoded) path values by variable name, `["flowID": "4b8e…"]`.
    public var rawPath: [String: String] {
        var result: [String: String] = [:]
        for value in pathValues { result[value.name] = value.rawValue }
        return result
    }

    /// The value of the parameter `name` in `location`, if the request carried it.
    public func value(_ name: String, in location: ParameterLocation) -> JSONValue? {
        all.first { $0.definition.location == location && $0.definition.name == name }?.value
    }

    func values(in location: ParameterLocation) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for parameter in all where parameter.definition.location == location {
            result[parameter.definition.name] = parameter.value
        }
        return result
    }
}
