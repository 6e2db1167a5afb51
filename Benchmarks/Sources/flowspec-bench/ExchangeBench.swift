import FlowSpecModel
import FlowSpecValidator

/// `--har FILE --spec SPEC`: the like-for-like counterpart of `../shared/bench/go/kinhar`.
///
/// Loads the spec and reads the whole capture first (untimed, as kinhar decodes the HAR and loads
/// the spec before its loop), then times only the loop that validates each request and its response
/// on this thread, through the validator's public string-and-bytes entry points (the ones
/// `flowspec validate` uses). An entry is invalid when its request or its response has an error.
struct ExchangeBench {
    var spec: String
    var har: String
    /// Timed loops over the same entries; the median is reported (1 = one loop, like kinhar).
    var loops: Int

    func run() {
        let start = now()
        let exchanges = PreparedExchange.readAll(path: har)
        let parsed = now()
        let validator: Validator
        do {
            validator = try Validator(contentsOf: spec)
        } catch {
            fail("cannot build a validator for \(spec): \(error)")
        }
        let loaded = now()

        var tally = Tally()
        let (times, cpuTimes) = timedLoops(loops) {
            tally = Tally()
            for exchange in exchanges {
                tally.add(validate(exchange, with: validator), expected: exchange.expectsInvalid)
            }
        }
        let validateSeconds = median(times)
        var line =
            "{\"tool\":\"flowspec-validator\",\"mode\":\"exchanges\",\"spec\":\(jsonString(spec)),\"har\":\(jsonString(har))"
        line += ",\"entries\":\(exchanges.count),\"loops\":\(times.count)"
        line += ",\"parse_s\":\(seconds(parsed - start)),\"load_spec_s\":\(seconds(loaded - parsed))"
        line += ",\"validate_s\":\(seconds(validateSeconds))"
        line += ",\"validate_s_all\":[\(times.map(seconds).joined(separator: ","))]"
        line += ",\"validate_cpu_s\":\(seconds(median(cpuTimes)))"
        line += ",\"exchanges_per_s\":\(Int((Double(exchanges.count) / validateSeconds).rounded()))"
        line += ",\"invalid\":\(tally.invalid),\"no_route\":\(tally.noRoute)"
        line += ",\"req_invalid\":\(tally.requestInvalid),\"resp_invalid\":\(tally.responseInvalid)"
        line += ",\(tally.agreement.json)"
        line += ",\"sample_errors\":[\(tally.samples.map(jsonString).joined(separator: ","))]"
        line += ",\"peak_rss_bytes\":\(peakRSS()),\"total_s\":\(seconds(now() - start))}"
        print(line)
    }

    /// One entry's verdicts.
    struct Verdict {
        var routed: Bool
        var requestInvalid: Bool
        var responseInvalid: Bool
        var sample: String?
    }

    func validate(_ exchange: PreparedExchange, with validator: Validator) -> Verdict {
        let request = validator.validate(
            method: exchange.method, path: exchange.url, headers: exchange.headers, body: exchange.body)
        var verdict = Verdict(
            routed: request.operation != nil, requestInvalid: !request.isValid, responseInvalid: false)
        if !request.isValid { verdict.sample = request.violations.first?.message }
        if let status = exchange.status {
            let response = validator.validate(
                status: status, headers: exchange.responseHeaders, body: exchange.responseBody, for: request)
            verdict.responseInvalid = !response.isValid
            if !response.isValid, verdict.sample == nil { verdict.sample = response.violations.first?.message }
        }
        return verdict
    }

    /// Counts over one loop.
    struct Tally {
        var invalid = 0
        var noRoute = 0
        var requestInvalid = 0
        var responseInvalid = 0
        var agreement = Agreement()
        var samples: [String] = []

        mutating func add(_ verdict: Verdict, expected: Bool?) {
            let bad = verdict.requestInvalid || verdict.responseInvalid
            if bad { invalid += 1 }
            if !verdict.routed { noRoute += 1 }
            if verdict.requestInvalid { requestInvalid += 1 }
            if verdict.responseInvalid { responseInvalid += 1 }
            agreement.record(invalid: bad, expected: expected)
            if bad, samples.count < 3, let sample = verdict.sample { samples.append(sample) }
        }
    }
}
