public import HTTPTypes

/// What ``Router/route(method:path:)`` found for a request.
public enum RouteResult<OperationID: Sendable & Hashable>: Sendable, Hashable {
    /// A template matches the path and declares the method.
    case matched(OperationID, pathParameters: [PathParameter])
    /// A template matches the path but does not declare the method (HTTP 405); `allowed` lists the
    /// methods it declares, for the `Allow` header and the message.
    case methodNotAllowed(allowed: [HTTPRequest.Method])
    /// No template matches the path (HTTP 404).
    case notFound
    /// The path cannot be decoded (HTTP 400).
    case invalidPath(RoutingError)
}
