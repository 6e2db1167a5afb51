import FlowSpecModel

/// An operation's parameters when each is one a request usually carries plainly: a `simple` string
/// path variable, or a `form` query primitive. A request's values are then found and checked on the
/// bytes of its target (``RequestChecker/fastAccepts(_:_:target:)``), without the query items,
/// decoded strings and JSON values the decoders build.
///
/// Like ``ScalarCheck`` it only accepts: when anything is unusual (a repeated or empty value, a
/// missing required one, an escape it cannot take, a value the checks do not accept), the request
/// goes through the decoders and the compiled schemas, which word every violation.
final class FastParameterPlan: Sendable {
    /// A path variable, by its position among the route's in-place captures.
    struct PathValue: Sendable {
        /// Its position in ``ParameterPlanSet/entries``.
        let entry: Int
        let capture: Int
        let check: ParameterCheck
    }

    /// A query primitive, by its name's bytes.
    struct QueryValue: Sendable {
        /// Its position in ``ParameterPlanSet/entries``.
        let entry: Int
        let name: [UInt8]
        let required: Bool
        let type: PrimitiveType
        let check: ParameterCheck
    }

    let pathValues: [PathValue]
    let queryValues: [QueryValue]
    /// The query names' bytes one after the other, and where each starts and ends (at `2j` and
    /// `2j + 1`): plain values, which a request's items are compared with without retaining anything.
    let queryNameBytes: [UInt8]
    let queryNameBounds: [Int]
    /// The most query parameters a plan takes (their positions fit one fixed-size vector).
    static let queryCapacity = 8

    /// The plan for `entries`, or `nil` when some parameter needs its decoder. `pathCaptures` are
    /// the template's variables in capture order (``ParameterPlanSet``).
    init?(entries: [ParameterEntry], pathCaptures: [String]) {
        var paths: [PathValue] = []
        var queries: [QueryValue] = []
        for (index, entry) in entries.enumerated() {
            let definition = entry.decoder.definition
            switch definition.location {
            case .path:
                guard entry.check.pathPrimitive == .string, let k = pathCaptures.firstIndex(of: definition.name),
                    k < PathCaptures.capacity
                else { return nil }
                paths.append(PathValue(entry: index, capture: k, check: entry.check))
            case .query:
                // A name that needs no decoding and cannot be split: its bytes are what a request sends.
                guard definition.contentMediaType == nil, entry.decoder.style == .form,
                    case .primitive(let type) = definition.shape, !definition.name.isEmpty,
                    definition.name.utf8.allSatisfy({
                        $0 < 0x80 && $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "=")
                            && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
                    })
                else { return nil }
                queries.append(
                    QueryValue(
                        entry: index, name: Array(definition.name.utf8), required: definition.required, type: type,
                        check: entry.check))
            case .header, .cookie:
                return nil
            }
        }
        guard queries.count <= Self.queryCapacity else { return nil }
        pathValues = paths
        queryValues = queries
        var bytes: [UInt8] = []
        var bounds: [Int] = []
        for query in queries {
            bounds.append(bytes.count)
            bytes += query.name
            bounds.append(bytes.count)
        }
        queryNameBytes = bytes
        queryNameBounds = bounds
    }
}
