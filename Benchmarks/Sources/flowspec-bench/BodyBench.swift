import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes

/// `--bodies --har FILE --spec SPEC`: the counterpart of `../shared/bench/py/schema_floor.py` and
/// `../shared/bench/js/ajv_floor.js`, the JSON Schema floor.
///
/// Same work as they do: read the capture (timed as `parse_s`), compile the body schemas
/// (`compile_s`), then in the timed loop route each entry by method and path, parse its request
/// body (schema by `postData.mimeType`) and its response body (schema by status, else `default`,
/// and `content.mimeType`) and validate them. No parameters or headers are checked, so the
/// generator's path and query defects are missed by design (false negatives, as for the peers).
/// `total_s` runs from the start to the end of the loop, as the peers' `total_s` does.
struct BodyBench {
    var spec: String
    var har: String
    var loops: Int

    func run() {
        let start = now()
        let exchanges = PreparedExchange.readAll(path: har)
        let parsed = now()
        let routes = BodyRoutes(spec: spec)
        let compiled = now()

        var tally = Tally()
        let requestOptions = ValidationOptions(direction: .request)
        let responseOptions = ValidationOptions(direction: .response)
        let (times, cpuTimes) = timedLoops(loops) {
            tally = Tally()
            for exchange in exchanges {
                var bad = false
                var bodies = 0
                if let method = HTTPRequest.Method(exchange.method),
                    case .matched(let index, _) = routes.router.route(method: method, path: Self.path(exchange.url))
                {
                    let operation = routes.operations[index]
                    if let body = exchange.body {
                        bodies += 1
                        let schema = exchange.bodyMimeType.flatMap { operation.request[$0] }
                        bad = !(schema?.isValid(json: body, options: requestOptions) ?? false)
                    }
                    if let status = exchange.status {
                        bodies += 1
                        let schema = operation.response(status).flatMap { media in
                            exchange.responseMimeType.flatMap { media[$0] }
                        }
                        if !(schema?.isValid(json: exchange.responseBody ?? [], options: responseOptions) ?? false) {
                            bad = true
                        }
                    }
                } else {
                    tally.noRoute += 1
                    bad = true
                }
                tally.bodies += bodies
                if bad { tally.invalid += 1 }
                tally.agreement.record(invalid: bad, expected: exchange.expectsInvalid)
            }
        }
        let validateSeconds = median(times)
        let parseSeconds = parsed - start
        let compileSeconds = compiled - parsed
        var line =
            "{\"tool\":\"flowspec-schema\",\"mode\":\"bodies\",\"spec\":\(jsonString(spec)),\"har\":\(jsonString(har))"
        line += ",\"entries\":\(exchanges.count),\"bodies\":\(tally.bodies),\"loops\":\(times.count)"
        line += ",\"parse_s\":\(seconds(parseSeconds)),\"compile_s\":\(seconds(compileSeconds))"
        line += ",\"validate_s\":\(seconds(validateSeconds))"
        line += ",\"validate_s_all\":[\(times.map(seconds).joined(separator: ","))]"
        line += ",\"validate_cpu_s\":\(seconds(median(cpuTimes)))"
        line += ",\"bodies_per_s\":\(Int((Double(tally.bodies) / validateSeconds).rounded()))"
        line += ",\"entries_per_s_validate\":\(Int((Double(exchanges.count) / validateSeconds).rounded()))"
        line += ",\"invalid\":\(tally.invalid),\"no_route\":\(tally.noRoute),\(tally.agreement.json)"
        line += ",\"total_s\":\(seconds(parseSeconds + compileSeconds + validateSeconds))"
        line += ",\"peak_rss_bytes\":\(peakRSS())}"
        print(line)
    }

    struct Tally {
        var bodies = 0
        var invalid = 0
        var noRoute = 0
        var agreement = Agreement()
    }

    /// The path and query of a URL (`https://host/a?b` → `/a?b`); the router drops the query. The
    /// peers split the URL in their loop too (`urlsplit`, `new URL`).
    static func path(_ url: String) -> String {
        let utf8 = url.utf8
        guard utf8.first != UInt8(ascii: "/") else { return url }
        var index = utf8.startIndex
        var slashes = 0
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                slashes += 1
                if slashes == 3 { return String(url[index...]) }
            }
            index = utf8.index(after: index)
        }
        return "/"
    }
}
