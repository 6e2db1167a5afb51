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
        /// The path template (a key of `paths`).
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

    /// The routes, as given.
    public let routes: [Route]
    /// The base paths requests may start with.
    public let basePaths: [PathTemplate]
    @usableFromInline let matcher: PathMatcher
    /// Per route, the declared methods and, at the same positions, their operation IDs.
    @usableFromInline let methods: [[HTTPRequest.Method]]
    @usableFromInline let operationIDs: [[OperationID]]

    /// Builds a router. `basePaths` come from ``ServerTemplate/basePaths`` (variables in them match but
    /// are not reported as path parameters); none means the empty base path, as OpenAPI's default
    /// server `/`.
    public init(basePaths: [PathTemplate] = [], routes: [Route]) {
        let bases = basePaths.isEmpty ? [PathTemplate.empty] : basePaths
        self.routes = routes
        self.basePaths = bases
        self.matcher = PathMatcher(basePaths: bases, templates: routes.map(\.template))
        self.methods = routes.map { $0.operations.map(\.method) }
        self.operationIDs = routes.map { $0.operations.map(\.operationID) }
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
    ///
    /// Inlinable, so that it is specialised for the caller's `OperationID` (the path work itself is
    /// not generic).
    @inlinable
    public func route(method: HTTPRequest.Method, path: String) -> RouteResult<OperationID> {
        route(method: method, path: path, from: 0)
    }

    /// Routes the path that starts at UTF-8 offset `offset` of `text`.
    @inlinable
    func route(method: HTTPRequest.Method, path text: String, from offset: Int) -> RouteResult<OperationID> {
        result(of: matcher.match(text, from: offset), method: method)
    }

    /// ``route(method:path:from:)``, with the path values of a plain match left in the text (see
    /// ``PathMatcher/matchInPlace(_:from:)``).
    func routeInPlace(method: HTTPRequest.Method, path text: String, from offset: Int) -> InPlaceRoute<OperationID> {
        switch matcher.matchInPlace(text, from: offset) {
        case .captured(let captures):
            let declared = methods[captures.routeIndex]
            guard let index = declared.firstIndex(of: method) else {
                return .other(Self.notAllowed(declared))
            }
            return .matched(operationIDs[captures.routeIndex][index], captures)
        case .general(let match):
            return .other(result(of: match, method: method))
        }
    }

    @inlinable
    func result(of match: PathMatcher.Match, method: HTTPRequest.Method) -> RouteResult<OperationID> {
        switch match {
        case .notFound:
            return .notFound
        case .invalid(let error):
            return .invalidPath(error)
        case .matched(let routeIndex, let parameters):
            let declared = methods[routeIndex]
            guard let index = declared.firstIndex(of: method) else { return Self.notAllowed(declared) }
            return .matched(operationIDs[routeIndex][index], pathParameters: parameters)
        }
    }

    /// The answer for a path whose template declares `declared` but not the request's method.
    @inlinable
    static func notAllowed(_ declared: [HTTPRequest.Method]) -> RouteResult<OperationID> {
        var allowed: [HTTPRequest.Method] = []
        for method in declared where !allowed.contains(method) { allowed.append(method) }
        return .methodNotAllowed(allowed: allowed)
    }

    /// Pairs of templates that match the same paths and that the concrete-before-templated rule does not
    /// order (see ``PathTemplate/conflicts(among:)``).
    public func conflicts() -> [PathTemplateConflict] {
        PathTemplate.conflicts(among: routes.map(\.template))
    }
}
