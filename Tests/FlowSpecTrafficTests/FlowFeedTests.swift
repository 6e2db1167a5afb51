import FlowSpecLint
import FlowSpecModel
import FlowSpecTraffic
import FlowSpecValidator
import Foundation
import Testing

/// A checker that does not feed the flow-order check gives the same report when there is no flow
/// order to check, and makes no flow exchanges.
@Suite struct FlowFeedTests {
    static func report(_ capture: String, feedsFlowOrder: Bool, workers: Int) throws -> String {
        let spec = ExampleCaptureTests.spec
        let bytes = try #require(FileManager.default.contents(atPath: spec))
        let loaded = SpecLoader().load(bytes: Array(bytes), path: spec, displayPath: "specs/pingone-flows.yaml")
        let checker = TrafficChecker(validator: try Validator(loaded), feedsFlowOrder: feedsFlowOrder)
        let session = TrafficSession(
            flow: FlowOrderChecker(extensions: []), coverage: checker.emptyCoverage,
            specFile: "specs/pingone-flows.yaml")
        let path = ExampleCaptureTests.root.appendingPathComponent("examples/captures/\(capture)").path
        let report = try TrafficRun.report(
            spec: "specs/pingone-flows.yaml", captures: [(path, capture)], checker: checker, session: session,
            workers: workers)
        return TrafficJSONReporter().render(report)
    }

    @Test(arguments: ["mistakes.har", "password-reset.har"])
    func sameReportWithoutFlowExtensions(_ capture: String) throws {
        let fed = try Self.report(capture, feedsFlowOrder: true, workers: 1)
        #expect(fed.contains("\"entries\": [\n    {"))
        #expect(try Self.report(capture, feedsFlowOrder: false, workers: 1) == fed)
        #expect(try Self.report(capture, feedsFlowOrder: false, workers: 3) == fed)
    }

    @Test func noFlowExchangeWhenNotFed() throws {
        let spec = ExampleCaptureTests.spec
        let bytes = try #require(FileManager.default.contents(atPath: spec))
        let loaded = SpecLoader().load(bytes: Array(bytes), path: spec)
        let path = ExampleCaptureTests.root.appendingPathComponent("examples/captures/mistakes.har").path
        let entry = try #require(try CaptureReader(path: path).next())
        let validator = try Validator(loaded)
        #expect(TrafficChecker(validator: validator).check(entry, capture: "c").flow != nil)
        #expect(TrafficChecker(validator: validator, feedsFlowOrder: false).check(entry, capture: "c").flow == nil)
    }
}
