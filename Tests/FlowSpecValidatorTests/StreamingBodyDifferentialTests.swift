import Foundation
@testable import FlowSpecSchema
@testable import FlowSpecValidator
import Testing

/// Every body of the example captures (and of a generated capture, when one is at hand) against
/// every compiled schema of the specs, through `validate(json:)` and through the tape path alone:
/// the same verdict and messages, and the one-pass byte check vouches only for bodies the tape path
/// finds valid. Bodies meet schemas they were not written for too, which exercises the failures.
@Suite("One-pass body check, differential")
struct StreamingBodyDifferentialTests {
    /// Bodies from the `postData.text` and `content.text` of a HAR file's entries.
    static func bodies(ofHAR path: String) -> [[UInt8]] {
        guard let data = FileManager.default.contents(atPath: path),
            let har = try? JSONParser.parse(Array(data)),
            case .array(let entries)? = har["log"]?["entries"]
        else { return [] }
        var bodies: [[UInt8]] = []
        for entry in entries {
            for text in [entry["request"]?["postData"]?["text"], entry["response"]?["content"]?["text"]] {
                if case .string(let body)? = text, !body.isEmpty { bodies.append(Array(body.utf8)) }
            }
        }
        return bodies
    }

    /// Runs every body against every schema; returns (pairs checked, pairs the byte check vouched for).
    static func compare(_ validator: Validator, _ bodies: [[UInt8]], limitSchemas: Int = .max) -> (Int, Int) {
        let plan = validator.plan
        var checked = 0
        var streamed = 0
        for schema in plan.schemas.prefix(limitSchemas) {
            for options in [plan.requestOptions, plan.responseOptions] {
                for body in bodies {
                    let (accepted, tape) = body.withUnsafeBufferPointer {
                        (
                            schema.streamingAccepts(json: $0, options: options),
                            schema.validateOnTape(json: $0, options: options, parseOptions: .default)
                        )
                    }
                    let answer = schema.validate(json: body, options: options)
                    checked += 1
                    if accepted {
                        streamed += 1
                        #expect(tape.isValid && tape.errors.isEmpty, "\(String(decoding: body, as: UTF8.self))")
                    }
                    #expect(answer.isValid == tape.isValid)
                    #expect(answer.errors.map(\.description) == tape.errors.map(\.description))
                }
            }
        }
        return (checked, streamed)
    }

    @Test func exampleCapturesAgainstTheFlowsSpec() throws {
        let folder = repositoryRoot + "/examples/captures"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".har") }
        let bodies = files.sorted().flatMap { Self.bodies(ofHAR: folder + "/" + $0) }
        #expect(bodies.count > 20)
        let (checked, streamed) = Self.compare(Flows.validator, bodies)
        #expect(checked > 0)
        #expect(streamed > 0)
    }

    /// A capture made by `../shared/bench/gen_har.py` (with its invalid bodies), when present:
    /// `FLOWSPEC_DIFF_HAR`, else `/tmp/flowspec-bench/har/flows-mini-10000.har`; its first 4,000 bodies.
    @Test func generatedCaptureAgainstFlowsMini() throws {
        let path = ProcessInfo.processInfo.environment["FLOWSPEC_DIFF_HAR"] ?? "/tmp/flowspec-bench/har/flows-mini-10000.har"
        guard FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: Flows.miniPath)
        else { return }
        let validator = try Validator(contentsOf: Flows.miniPath)
        let bodies = Array(Self.bodies(ofHAR: path).prefix(4_000))
        let (checked, streamed) = Self.compare(validator, bodies)
        #expect(checked > 0)
        #expect(streamed > bodies.count / 4)
    }
}
