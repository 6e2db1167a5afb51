import FlowSpecLint
import FlowSpecModel
import FlowSpecTraffic
import FlowSpecValidator
import Foundation
import Testing

/// `flowspec validate --write-baseline` then `--baseline`: a baseline hides exactly the findings it
/// was written from, flow-order findings (which have no spec location) among them.
@Suite struct TrafficBaselineTests {
    /// Runs mistakes.har through a session with `baseline`, collecting findings for a new one.
    static func run(baseline: Baseline?) throws -> (findings: [Diagnostic], session: TrafficSession) {
        let spec = ExampleCaptureTests.spec
        let bytes = try #require(FileManager.default.contents(atPath: spec))
        let loaded = SpecLoader().load(bytes: Array(bytes), path: spec, displayPath: "specs/pingone-flows.yaml")
        let document = try #require(loaded.document)
        let checker = TrafficChecker(validator: try Validator(loaded))
        var session = TrafficSession(
            flow: FlowOrderChecker(extensions: HALActionsExtension.all(in: document, loaded: loaded).extensions),
            coverage: checker.emptyCoverage, specFile: "specs/pingone-flows.yaml", baseline: baseline,
            collectsFindings: true)
        let path = ExampleCaptureTests.root.appendingPathComponent("examples/captures/mistakes.har").path
        var findings: [Diagnostic] = []
        try TrafficRun.check(
            captures: [(path, "examples/captures/mistakes.har")], checker: checker, session: &session, workers: 2
        ) { findings += $0.findings }
        findings += session.captureFindings()
        return (findings, session)
    }

    @Test func aWrittenBaselineHidesEveryFindingItWasWrittenFrom() throws {
        let first = try Self.run(baseline: nil)
        #expect(first.findings.map(\.code.rawValue).sorted() == [
            "hal-action-not-offered", "response_status_undeclared", "schema.required", "unsupported_media_type",
        ])
        let written = Baseline(entries: first.session.collected)
        #expect(written.count == 4)
        // Through the file format, as the CLI does.
        let baseline = try Baseline(decoding: written.encoded())
        let second = try Self.run(baseline: baseline)
        #expect(second.findings.isEmpty, "\(second.findings)")
        #expect(second.session.baselined == 4)
        #expect(second.session.worst == nil)
    }
}
