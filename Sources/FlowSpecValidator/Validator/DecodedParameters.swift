public import FlowSpecModel
public import FlowSpecSchema

/// The parameters a request carried, decoded by their style into the JSON values their schemas
/// validated.
///
/// Stored as one list, in the operation's declaration order; the dictionaries are built when asked
/// for, so a validation that never reads them does not pay for them. A validator's verdict keeps
/// only what it decoded the parameters from (the request target and its header fields) when it could
/// check them in place, and decodes them again each time ``all`` or ``pathValues`` is read: the
/// strings and arrays are built only for a caller that reads them.
public struct DecodedParameters: Sendable, Hashable {
    enum Storage: Sendable {
        case decoded(all: [DecodedParameter], pathValues: [PathParameter])
        case deferred(DeferredParameters)
    }

    var storage: Storage

    /// Every decoded parameter, in declaration order.
    public var all: [DecodedParameter] {
        get {
            switch storage {
            case .decoded(let all, _): return all
            case .deferred(let deferred): return deferred.decodeAll()
            }
        }
        set { storage = .decoded(all: newValue, pathValues: pathValues) }
    }

    /// The path variables as the router found them (raw and percent-decoded).
    public var pathValues: [PathParameter] {
        get {
            switch storage {
            case .decoded(_, let pathValues): return pathValues
            case .deferred(let deferred): return deferred.pathValues()
            }
        }
        set { storage = .decoded(all: all, pathValues: newValue) }
    }

    public init(all: [DecodedParameter] = [], pathValues: [PathParameter] = []) {
        storage = .decoded(all: all, pathValues: pathValues)
    }

    init(deferred: DeferredParameters) {
        storage = .deferred(deferred)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.all == rhs.all && lhs.pathValues == rhs.pathValues
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(all)
        hasher.combine(pathValues)
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
