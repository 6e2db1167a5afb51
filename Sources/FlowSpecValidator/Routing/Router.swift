public import HTTPTypes

/// Finds the operation a request addresses, from its method and path; built once from a spec's servers
/// and paths, then shared (it is an immutable `Sendable` value).
///
/// ```swift
/// let router = Router<Int>(
///     servers: [try ServerTemplate(url: "https://auth.pingone.{tld}", variables: [tld])],
///     routes: [.init(template: try PathTemplate(parsing: "/{envID}/flows/{flowID}"), operations: [(.get, 0), (.post, 1)])])
/// router.route(method: .post, path: "/abc/flows/def?x=1")
/// // .matched(1, pathParameters: [envID = abc, flowID = def])
/// ```
///
/// Matching rules:
/// - The query string is removed; the path must start with `/`.
/// - The path is split on raw `/` first and each segment is percent-decoded afterwards, so `%2F` never
///   splits a segment. A malformed escape or a segment that does not decode to UTF-8 is
///   ``RouteResult/invalidPath(_:)``. Literal segments compare with the decoded text, exactly
///   (case-sensitively).
/// - Nothing is normalised: `/a/` does not match `/a`, `//a` does not match `/a`, and a variable never
///   matches an empty segment.
/// - A request path is a server base path followed by a template; every base path of every server is
///   tried (``ServerTemplate``).
/// - When several templates match, the one with the most literal segments wins, then the one with the
///   most mixed segments (`{id}.json` beats `{id}`), then the first declared. So concrete paths win over
///   templated ones, as OpenAPI requires (`/pets/mine` before `/pets/{id}`), and ambiguous ones
///   (`/{a}/x` and `/y/{b}` for `/y/x`) resolve the same way every time; ``conflicts()`` lists them.
/// - The path is chosen first, the method second, as in OpenAPI: when the best template does not
///   declare the method, the answer is ``RouteResult/methodNotAllowed(allowed:)`` with its methods, even
///   if a less specific template declares it. Methods compare case-sensitively (RFC 9110 §9.1), and
///   `HEAD` is not implied by `GET`.
///
/// Matching works on the path's UTF-8 bytes in place; it allocates only for the returned parameters
/// (and a decoded copy when the path has percent-escapes).
public struct Router<OperationID: Sendable & Hashable>: Sendable {
    /// One path template and the operations it declares.
    public struct Route: Sendable {
        public var template: PathTemplate
        /// The declared methods, in order, each with its operation.
        public var operations: [(method: HTTPRequest.Method, operationID: OperationID)]

        public init(template: PathTemplate, operations: [(method: HTTPRequest.Method, operationID: OperationID)]) {
            self.template = template
            self.operations = operations
        }

        /// A route whose methods all lead to the same operation ID (the path item's, say).
        public init(template: PathTemplate, methods: [HTTPRequest.Method], operationID: OperationID) {
            self.init(template: template, operations: methods.map { ($0, operationID) })
        }
    }

    struct CompiledPattern: Sendable {
        let routeIndex: Int
        let segments: [SegmentPattern]
        /// Per segment, the names of the variables to report; empty for literal and server segments.
        let names: [[String]]
    }

    /// The routes, as given.
    public let routes: [Route]
    /// The base paths requests may start with.
    public let basePaths: [PathTemplate]
    let patterns: [CompiledPattern]
    let table: RouteTable

    /// Builds a router. `basePaths` come from ``ServerTemplate/basePaths`` (variables in them match but
    /// are not reported as path parameters); none means the empty base path, as OpenAPI's default
    /// server `/`.
    public init(basePaths: [PathTemplate] = [], routes: [Route]) {
        let bases = basePaths.isEmpty ? [PathTemplate.empty] : basePaths
        self.routes = routes
        self.basePaths = bases
        var compiled: [(pattern: CompiledPattern, key: (Int, Int, Int, Int))] = []
        for (routeIndex, route) in routes.enumerated() {
            for (baseIndex, base) in bases.enumerated() {
                let all = base.segments + route.template.segments
                let segments = all.map(SegmentPattern.init)
                let names: [[String]] =
                    base.segments.map { _ in [] }
                    + route.template.segments.map { segment in
                        segment.isLiteral ? [] : segment.parts.compactMap { part -> String? in
                            if case .variable(let name) = part { return name }
                            return nil
                        }
                    }
                let literals = segments.count { $0.isLiteral }
                let mixed = segments.count { $0.isMixed }
                compiled.append(
                    (
                        CompiledPattern(routeIndex: routeIndex, segments: segments, names: names),
                        (-literals, -mixed, routeIndex, baseIndex)
                    ))
            }
        }
        compiled.sort { $0.key < $1.key }
        self.patterns = compiled.map(\.pattern)
        self.table = RouteTable(patterns: patterns.map(\.segments))
    }

    /// Builds a router from servers: the base paths of all of them.
    public init(servers: [ServerTemplate], routes: [Route]) {
        var bases: [PathTemplate] = []
        for server in servers {
            for base in server.basePaths where !bases.contains(base) { bases.append(base) }
        }
        self.init(basePaths: bases, routes: routes)
    }

    /// Routes a request: `path` is the request target's path, with or without its query string.
    public func route(method: HTTPRequest.Method, path: String) -> RouteResult<OperationID> {
        if let result = path.utf8.withContiguousStorageIfAvailable({ route(method: method, raw: $0, path: path) }) {
            return result
        }
        var copy = path
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { route(method: method, raw: $0, path: copy) } ?? .notFound
    }

    /// Pairs of templates that match the same paths and that the concrete-before-templated rule does not
    /// order (see ``PathTemplate/conflicts(among:)``).
    public func conflicts() -> [PathTemplateConflict] {
        PathTemplate.conflicts(among: routes.map(\.template))
    }

    private func route(method: HTTPRequest.Method, raw: UnsafeBufferPointer<UInt8>, path: String)
        -> RouteResult<OperationID>
    {
        let end = raw.firstIndex(of: UInt8(ascii: "?")) ?? raw.count
        guard end > 0, raw[0] == UInt8(ascii: "/") else { return .notFound }
        var count = 0
        var hasEscapes = false
        for index in 0..<end {
            if raw[index] == UInt8(ascii: "/") { count += 1 } else if raw[index] == UInt8(ascii: "%") { hasEscapes = true }
        }
        guard count <= table.maximumDepth else { return .notFound }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * count) { bounds in
            // bounds[0..<2n]: raw segment ranges; bounds[2n..<4n]: decoded ranges when there are escapes.
            var segment = 0
            var start = 1
            for index in 1...end where index == end || raw[index] == UInt8(ascii: "/") {
                bounds[2 * segment] = start
                bounds[2 * segment + 1] = index
                segment += 1
                start = index + 1
            }
            guard hasEscapes else {
                guard let rank = table.bestMatch(raw, bounds: bounds, count: count) else { return .notFound }
                return finish(rank: rank, method: method, raw: raw, decoded: raw, bounds: bounds, count: count)
            }
            let pathText = String(decoding: raw[0..<end], as: UTF8.self)
            var decoded: [UInt8] = []
            decoded.reserveCapacity(end)
            for index in 0..<count {
                let rawStart = bounds[2 * index]
                let rawEnd = bounds[2 * index + 1]
                let decodedStart = decoded.count
                var position = rawStart
                var escaped = false
                while position < rawEnd {
                    let byte = raw[position]
                    if byte == UInt8(ascii: "%") {
                        guard position + 2 < rawEnd,
                            let high = PercentDecoding.hexValue(raw[position + 1]),
                            let low = PercentDecoding.hexValue(raw[position + 2])
                        else {
                            return .invalidPath(RoutingError(path: pathText, offset: position, kind: .malformedEscape))
                        }
                        decoded.append(high << 4 | low)
                        position += 3
                        escaped = true
                    } else {
                        decoded.append(byte)
                        position += 1
                    }
                }
                if escaped, !PercentDecoding.isUTF8(decoded[decodedStart...]) {
                    let text = String(decoding: raw[rawStart..<rawEnd], as: UTF8.self)
                    return .invalidPath(RoutingError(path: pathText, offset: rawStart, kind: .notUTF8(segment: text)))
                }
                bounds[2 * (count + index)] = decodedStart
                bounds[2 * (count + index) + 1] = decoded.count
            }
            return decoded.withUnsafeBufferPointer { decodedBytes in
                let decodedBounds = UnsafeMutableBufferPointer(rebasing: bounds[(2 * count)...])
                guard let rank = table.bestMatch(decodedBytes, bounds: decodedBounds, count: count) else {
                    return .notFound
                }
                return finish(rank: rank, method: method, raw: raw, decoded: decodedBytes, bounds: bounds, count: count)
            }
        }
    }

    /// Checks the method of the winning pattern and extracts its path parameters.
    private func finish(
        rank: Int, method: HTTPRequest.Method, raw: UnsafeBufferPointer<UInt8>, decoded: UnsafeBufferPointer<UInt8>,
        bounds: UnsafeMutableBufferPointer<Int>, count: Int
    ) -> RouteResult<OperationID> {
        let pattern = patterns[rank]
        let route = routes[pattern.routeIndex]
        guard let operation = route.operations.first(where: { $0.method == method }) else {
            var allowed: [HTTPRequest.Method] = []
            for operation in route.operations where !allowed.contains(operation.method) {
                allowed.append(operation.method)
            }
            return .methodNotAllowed(allowed: allowed)
        }
        let separate = raw.baseAddress != decoded.baseAddress
        var parameters: [PathParameter] = []
        for index in 0..<count where !pattern.names[index].isEmpty {
            let rawRange = bounds[2 * index]..<bounds[2 * index + 1]
            let decodedRange = separate ? bounds[2 * (count + index)]..<bounds[2 * (count + index) + 1] : rawRange
            let names = pattern.names[index]
            switch pattern.segments[index] {
            case .mixed(let pieces):
                let ranges = SegmentPattern.matchMixed(pieces, decoded, decodedRange, capturing: true) ?? []
                for (name, range) in zip(names, ranges) {
                    let rawPart =
                        separate
                        ? Self.rawOffset(of: range.lowerBound, raw, rawRange.lowerBound, decodedRange.lowerBound)..<Self
                            .rawOffset(of: range.upperBound, raw, rawRange.lowerBound, decodedRange.lowerBound)
                        : range
                    parameters.append(Self.parameter(name, raw, rawPart, decoded, range))
                }
            default:
                if let name = names.first {
                    parameters.append(Self.parameter(name, raw, rawRange, decoded, decodedRange))
                }
            }
        }
        return .matched(operation.operationID, pathParameters: parameters)
    }

    private static func parameter(
        _ name: String, _ raw: UnsafeBufferPointer<UInt8>, _ rawRange: Range<Int>, _ decoded: UnsafeBufferPointer<UInt8>,
        _ decodedRange: Range<Int>
    ) -> PathParameter {
        let rawValue = String(decoding: UnsafeBufferPointer(rebasing: raw[rawRange]), as: UTF8.self)
        // Each escape shortens the text, so equal lengths mean there was none.
        let decodedValue =
            rawRange.count == decodedRange.count ? rawValue : String(decoding: UnsafeBufferPointer(rebasing: decoded[decodedRange]), as: UTF8.self)
        return PathParameter(name: name, rawValue: rawValue, decodedValue: decodedValue)
    }

    /// The raw offset of a decoded offset inside one segment (each `%XX` is one decoded byte).
    private static func rawOffset(of target: Int, _ raw: UnsafeBufferPointer<UInt8>, _ rawStart: Int, _ decodedStart: Int)
        -> Int
    {
        var rawPosition = rawStart
        var decodedPosition = decodedStart
        while decodedPosition < target {
            rawPosition += raw[rawPosition] == UInt8(ascii: "%") ? 3 : 1
            decodedPosition += 1
        }
        return rawPosition
    }
}
