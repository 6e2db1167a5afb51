/// Everything a spec declares that traffic can exercise: each operation, its request media types
/// and its response statuses (with their media types), in document order.
///
/// A traffic checker counts what it saw against ``entries`` to report coverage.
public struct CoverageCatalog: Sendable, Hashable {
    /// One declared response of an operation.
    public struct Response: Sendable, Hashable {
        /// The status key as written: `200`, `4XX`, `default`.
        public var statusKey: String
        /// The response's media-type keys; empty when it declares no content.
        public var mediaTypeKeys: [String]
    }

    /// One operation and what it declares.
    public struct Operation: Sendable, Hashable {
        /// The operation's ID (see ``MatchedOperation/id``).
        public var id: String
        public var method: String
        public var pathTemplate: String
        /// The request body's media-type keys; empty when it declares no body.
        public var requestMediaTypeKeys: [String]
        /// Whether the request body may be left out (no body, or `required: false`).
        public var requestBodyOptional: Bool
        public var responses: [Response]
    }

    /// One combination to cover: an operation, a request media type (`nil` for a request without a
    /// body, listed when the body is optional) and a response status key.
    public struct Entry: Sendable, Hashable {
        public var operationID: String
        public var requestMediaTypeKey: String?
        public var responseStatusKey: String
    }

    /// The operations, in document order.
    public var operations: [Operation]

    public init(operations: [Operation]) { self.operations = operations }

    /// Every (operation, request media type, response status) combination.
    public var entries: [Entry] {
        var result: [Entry] = []
        for operation in operations {
            var keys: [String?] = operation.requestMediaTypeKeys
            if operation.requestBodyOptional { keys.insert(nil, at: 0) }
            for key in keys {
                for response in operation.responses {
                    result.append(
                        Entry(
                            operationID: operation.id, requestMediaTypeKey: key, responseStatusKey: response.statusKey))
                }
            }
        }
        return result
    }
}
