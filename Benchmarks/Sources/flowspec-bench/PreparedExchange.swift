import FlowSpecTraffic

/// One capture entry reduced to the strings and bytes a validation takes, so that the timed loop
/// does nothing but validate (kin-openapi's `kinhar` likewise decodes the whole HAR before its loop).
///
/// A class whose fields are constants, so that handing an entry to the loop body is one reference
/// (as a struct, each step copied it, retaining and releasing its strings and arrays).
final class PreparedExchange {
    let method: String
    let url: String
    let headers: [(String, String)]
    let body: [UInt8]?
    /// The request body's `postData.mimeType` (what the body-only peers pick the schema by).
    let bodyMimeType: String?
    /// `nil` when the entry has no response.
    let status: Int?
    let responseHeaders: [(String, String)]
    let responseBody: [UInt8]?
    let responseMimeType: String?
    /// The generator's verdict (`_bench.expect`): `true` for "invalid"; `nil` when the entry has no tag.
    let expectsInvalid: Bool?

    init(_ exchange: CapturedExchange) {
        let request = exchange.request
        method = request.method
        url = request.url
        var headers = request.headers.map { ($0.name, $0.value) }
        if !request.cookies.isEmpty && !headers.contains(where: { $0.0.lowercased() == "cookie" }) {
            // As `flowspec validate` does (TrafficChecker): HAR exporters keep cookies apart.
            headers.append(("Cookie", request.cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")))
        }
        self.headers = headers
        body = request.body?.bytes
        bodyMimeType = request.body?.mimeType
        status = exchange.response?.status
        responseHeaders = exchange.response?.headers.map { ($0.name, $0.value) } ?? []
        responseBody = exchange.response?.body?.bytes
        responseMimeType = exchange.response?.body?.mimeType
        var expectsInvalid: Bool?
        if let tag = exchange.extensions["_bench"] {
            // gen_har.py writes `"_bench":{"expect":"valid"|"invalid","defect":...}`.
            if tag.contains(#""expect":"invalid""#) {
                expectsInvalid = true
            } else if tag.contains(#""expect":"valid""#) {
                expectsInvalid = false
            }
        }
        self.expectsInvalid = expectsInvalid
    }

    /// Reads every entry of the capture at `path`; an entry that cannot be read stops the benchmark,
    /// since the peers would not have run on it either.
    static func readAll(path: String) -> [PreparedExchange] {
        let reader: CaptureReader
        do {
            reader = try CaptureReader(path: path)
        } catch {
            fail("cannot open \(path): \(error)")
        }
        var all: [PreparedExchange] = []
        for entry in reader {
            guard let exchange = entry.exchange else {
                fail("entry \(entry.index) of \(path) cannot be read: \(entry.problems.map(\.message))")
            }
            all.append(PreparedExchange(exchange))
        }
        return all
    }
}

/// How a benchmark's verdicts compare with the generator's `_bench.expect` tags.
struct Agreement {
    var agree = 0
    var falsePositives = 0
    var falseNegatives = 0

    mutating func record(invalid: Bool, expected: Bool?) {
        guard let expected else { return }
        if expected == invalid {
            agree += 1
        } else if invalid {
            falsePositives += 1
        } else {
            falseNegatives += 1
        }
    }

    var json: String { "\"agree_expected\":\(agree),\"false_pos\":\(falsePositives),\"false_neg\":\(falseNegatives)" }
}
