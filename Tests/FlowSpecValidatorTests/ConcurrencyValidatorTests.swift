import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

/// One validator shared by many tasks gives each exchange the verdict it gives it alone.
@Suite("Validator: concurrency")
struct ConcurrencyValidatorTests {
    struct Exchange: Sendable {
        let request: HTTPRequest
        let body: [UInt8]?
        let response: HTTPResponse
        let responseBody: [UInt8]?
    }

    struct Verdict: Hashable, Sendable {
        let operation: String?
        let mediaTypeKey: String?
        let requestCodes: [String]
        let statusKey: String?
        let responseCodes: [String]
    }

    static func exchanges() -> [Exchange] {
        var result: [Exchange] = []
        let flowOK = HTTPResponse(status: .ok, headerFields: [.contentType: "application/hal+json"])
        for key in FlowsExamples.actionKeys {
            let body = FlowsExamples.actionBodies[key] ?? "{}"
            let (valid, validBody) = Flows.post(key, body)
            result.append(Exchange(request: valid, body: validBody, response: flowOK, responseBody: bytes(Flows.flowBody)))
            let (wrong, wrongBody) = Flows.post(key + "; charset=utf-8", #"{"unexpected": ["#)
            result.append(
                Exchange(
                    request: wrong, body: wrongBody, response: HTTPResponse(status: .init(code: 418)),
                    responseBody: bytes("{}")))
        }
        let (plain, plainBody) = Flows.post("application/json", #"{"username": "x"}"#)
        result.append(
            Exchange(
                request: plain, body: plainBody,
                response: HTTPResponse(status: .unsupportedMediaType, headerFields: [.contentType: "application/json"]),
                responseBody: bytes(#"{"id": "\#(Flows.flowID)", "code": "INVALID_REQUEST", "message": "no"}"#)))
        result.append(
            Exchange(
                request: Flows.get("/\(Flows.envID)/flows/nope"), body: nil, response: flowOK,
                responseBody: bytes(#"{"id": 1}"#)))
        result.append(Exchange(request: Flows.get("/x"), body: nil, response: flowOK, responseBody: nil))
        return result
    }

    static func verdict(_ validator: Validator, _ exchange: Exchange) -> Verdict {
        let request = validator.validate(request: exchange.request, body: exchange.body)
        let response = validator.validate(response: exchange.response, body: exchange.responseBody, for: request)
        return Verdict(
            operation: request.operation?.id, mediaTypeKey: request.mediaTypeKey, requestCodes: codes(request.violations),
            statusKey: response.statusKey, responseCodes: codes(response.violations))
    }

    @Test func sharedValidatorGivesTheSameVerdictsFromManyTasks() async {
        let validator = Flows.makeValidator()
        let exchanges = Self.exchanges()
        let expected = exchanges.map { Self.verdict(validator, $0) }
        #expect(Set(expected).count > 10)
        let rounds = 8
        let results = await withTaskGroup(of: (Int, [Verdict]).self) { group in
            for task in 0..<16 {
                group.addTask {
                    var seen: [Verdict] = []
                    for round in 0..<rounds {
                        // Each task walks the exchanges in its own order, so different ones overlap.
                        for offset in 0..<exchanges.count {
                            let index = (offset * (task + 1) + round) % exchanges.count
                            seen.append(Self.verdict(validator, exchanges[index]))
                        }
                    }
                    return (task, seen)
                }
            }
            var collected: [(Int, [Verdict])] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 16)
        for (task, seen) in results {
            for round in 0..<rounds {
                for offset in 0..<exchanges.count {
                    let index = (offset * (task + 1) + round) % exchanges.count
                    let got = seen[round * exchanges.count + offset]
                    if got != expected[index] {
                        Issue.record("task \(task) exchange \(index): \(got) != \(expected[index])")
                        return
                    }
                }
            }
        }
    }
}
