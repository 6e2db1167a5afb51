/// Where the path variables of a matched request lie in its request target: UTF-8 offsets of each
/// captured segment, in the template's order, for a path without percent-escapes (so each value's
/// raw and decoded text are the same bytes). Lets a validation check path values where they are and
/// build their strings only if a caller asks for them.
struct PathCaptures: Sendable {
    static let capacity = 4
    /// The matched pattern's rank in ``PathMatcher`` (for ``PathMatcher/captureIndex(rank:name:)``).
    let rank: Int
    let routeIndex: Int
    let count: Int
    /// Where the path ends in the request target: the offset of the `?` that starts the query (the
    /// first of the target), or the target's length.
    let pathEnd: Int
    /// Start and end of capture `k` at `2k` and `2k + 1`.
    var bounds = SIMD8<Int>()

    init(rank: Int, routeIndex: Int, count: Int, pathEnd: Int) {
        self.rank = rank
        self.routeIndex = routeIndex
        self.count = count
        self.pathEnd = pathEnd
    }

    /// The UTF-8 offsets of capture `k` in the request target.
    @inline(__always) func range(_ k: Int) -> Range<Int> { bounds[2 &* k]..<bounds[2 &* k &+ 1] }
}

/// What ``PathMatcher/matchInPlace(_:from:)`` found.
enum InPlaceMatch: Sendable {
    /// A match whose captures are read in place.
    case captured(PathCaptures)
    /// Anything else, as ``PathMatcher/match(_:from:)`` answers it.
    case general(PathMatcher.Match)
}

/// What ``Router/routeInPlace(method:path:from:)`` found.
enum InPlaceRoute<OperationID: Sendable & Hashable>: Sendable {
    /// The operation, its path values in place.
    case matched(OperationID, PathCaptures)
    /// Anything else, as ``Router/route(method:path:)`` answers it.
    case other(RouteResult<OperationID>)
}
