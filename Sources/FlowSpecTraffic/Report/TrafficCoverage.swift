/// Which operations, request media types (so which flow actions) and response statuses a capture
/// exercised, against all that the spec declares.
public struct TrafficCoverage: Sendable, Hashable {
    /// One declared operation and how often each of its parts was seen.
    public struct Operation: Sendable, Hashable {
        public var id: String
        public var method: String
        public var path: String
        public var calls: Int
        /// Declared request media type keys with their counts, in declaration order.
        public var requestMediaTypes: [(key: String, count: Int)]
        /// Declared response status keys with their counts, in declaration order.
        public var responseStatuses: [(key: String, count: Int)]

        public init(id: String, method: String, path: String, requestMediaTypes: [String], responseStatuses: [String]) {
            self.id = id
            self.method = method
            self.path = path
            self.calls = 0
            self.requestMediaTypes = requestMediaTypes.map { ($0, 0) }
            self.responseStatuses = responseStatuses.map { ($0, 0) }
        }

        public static func == (lhs: Operation, rhs: Operation) -> Bool {
            lhs.id == rhs.id && lhs.calls == rhs.calls
                && lhs.requestMediaTypes.map(\.key) == rhs.requestMediaTypes.map(\.key)
                && lhs.requestMediaTypes.map(\.count) == rhs.requestMediaTypes.map(\.count)
                && lhs.responseStatuses.map(\.key) == rhs.responseStatuses.map(\.key)
                && lhs.responseStatuses.map(\.count) == rhs.responseStatuses.map(\.count)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(calls)
        }
    }

    public var operations: [Operation]

    public init(operations: [Operation]) { self.operations = operations }

    /// Counts one exchange.
    public mutating func record(operation: String?, requestMediaType: String?, responseStatus: String?) {
        guard let operation, let index = operations.firstIndex(where: { $0.id == operation }) else { return }
        operations[index].calls += 1
        if let key = requestMediaType, let i = operations[index].requestMediaTypes.firstIndex(where: { $0.key == key }) {
            operations[index].requestMediaTypes[i].count += 1
        }
        if let key = responseStatus, let i = operations[index].responseStatuses.firstIndex(where: { $0.key == key }) {
            operations[index].responseStatuses[i].count += 1
        }
    }

    /// Covered and declared counts of operations, request media types and response statuses.
    public var totals: (operations: (Int, Int), mediaTypes: (Int, Int), statuses: (Int, Int)) {
        let ops = (operations.filter { $0.calls > 0 }.count, operations.count)
        let media = operations.flatMap(\.requestMediaTypes)
        let statuses = operations.flatMap(\.responseStatuses)
        return (
            ops, (media.filter { $0.count > 0 }.count, media.count),
            (statuses.filter { $0.count > 0 }.count, statuses.count)
        )
    }
}
