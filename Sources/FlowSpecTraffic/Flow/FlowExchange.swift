public import FlowSpecSchema

/// What the flow-order check needs to know about one exchange, computed by the validator.
public struct FlowExchange: Sendable {
    /// The exchange's 0-based index in the capture.
    public var index: Int
    /// The operation the request was routed to (operationId, or `METHOD path`), when it routed.
    public var operation: String?
    /// Request parameter values, by location and name, for the extension's `identifiedBy`.
    public var parameters: [String: String]
    /// Whether the request had a `Content-Type`.
    public var hasContentType: Bool
    /// The `Content-Type` essence (`type/subtype`, lower-cased), when there is one.
    public var mediaType: String?
    /// Whether that media type is a key of the operation's request body.
    public var mediaTypeDeclared: Bool
    /// The response status; `nil` when the request got no response.
    public var status: Int?
    /// The response body, when it was JSON and parsed.
    public var responseBody: JSONValue?
    /// The request's start time, in seconds since 1970, when the capture says.
    public var startedAt: Double?

    public init(
        index: Int, operation: String?, parameters: [String: String], hasContentType: Bool, mediaType: String?,
        mediaTypeDeclared: Bool, status: Int?, responseBody: JSONValue?, startedAt: Double?
    ) {
        self.index = index
        self.operation = operation
        self.parameters = parameters
        self.hasContentType = hasContentType
        self.mediaType = mediaType
        self.mediaTypeDeclared = mediaTypeDeclared
        self.status = status
        self.responseBody = responseBody
        self.startedAt = startedAt
    }

    /// The key under which ``parameters`` holds a parameter: `path flowID`, `header x-id` (lower-cased).
    public static func parameterKey(_ location: String, _ name: String) -> String {
        location == "header" ? "header \(name.lowercased())" : "\(location) \(name)"
    }
}

extension JSONValue {
    /// The value at `pointer`, or `nil`.
    func value(atTokens tokens: [String]) -> JSONValue? {
        var current = self
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
