import FlowSpecLint
import FlowSpecModel
import FlowSpecTraffic
import FlowSpecValidator
import Foundation
import Testing

/// The example captures of examples/captures give exactly the findings examples/README.md describes,
/// and `flowspec validate`'s JSON report for each is pinned by a golden file.
@Suite struct ExampleCaptureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let spec = root.appendingPathComponent("specs/pingone-flows.yaml").path

    static func report(_ capture: String, workers: Int = 1) throws -> TrafficReport {
        // Loaded with a relative display path, so reports (and the golden files) do not depend on
        // where the repository is checked out.
        let bytes = try #require(FileManager.default.contents(atPath: spec))
        let loaded = SpecLoader().load(bytes: Array(bytes), path: spec, displayPath: "specs/pingone-flows.yaml")
        let document = try #require(loaded.document)
        let checker = TrafficChecker(validator: try Validator(loaded))
        let session = TrafficSession(
            flow: FlowOrderChecker(extensions: HALActionsExtension.all(in: document, loaded: loaded).extensions),
            coverage: checker.emptyCoverage, specFile: "specs/pingone-flows.yaml")
        let path = root.appendingPathComponent("examples/captures/\(capture)").path
        return try TrafficRun.report(
            spec: "specs/pingone-flows.yaml", captures: [(path, "examples/captures/\(capture)")], checker: checker,
            session: session, workers: workers)
    }

    @Test(arguments: ["signon-username-password.har", "password-reset.har", "registration-email-verification.har"])
    func validCapturesHaveNoFindings(_ capture: String) throws {
        let report = try Self.report(capture)
        #expect(!report.entries.isEmpty)
        #expect(report.entries.allSatisfy { $0.findings.isEmpty }, "\(report.entries.flatMap(\.findings))")
        #expect(report.captureFindings.isEmpty)
        #expect(report.entries.allSatisfy { $0.operation != nil })
    }

    @Test func mistakesGiveTheFourDescribedFindings() throws {
        let report = try Self.report("mistakes.har")
        let found = report.entries.filter { !$0.findings.isEmpty }.map { entry in
            (entry.index, entry.findings.map(\.code.rawValue))
        }
        #expect(found.map(\.0) == [1, 2, 4, 6])
        #expect(found.map(\.1) == [
            ["unsupported_media_type"], ["schema.required"], ["hal-action-not-offered"], ["response_status_undeclared"],
        ])
        let entries = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.index, $0) })
        #expect(entries[1]?.findings.first?.message.contains("application/json") == true)
        #expect(entries[2]?.findings.first?.message.contains("`password` is required") == true)
        let offered = try #require(entries[4]?.findings.first)
        for fragment in ["otp.check", "entry 3", "DEVICE_SELECTION_REQUIRED", "device.select"] {
            #expect(offered.message.contains(fragment), "\(offered.message)")
        }
        #expect(offered.severity == .error)
        #expect(entries[6]?.findings.first?.message.contains("418") == true)
        // Every finding about the spec points at its line in the spec.
        #expect(entries[6]?.findings.first?.location?.file == "specs/pingone-flows.yaml")
    }

    /// The JSON report of each capture, byte for byte. Set FLOWSPEC_UPDATE_GOLDEN=1 to rewrite them.
    @Test(arguments: [
        "signon-username-password.har", "password-reset.har", "registration-email-verification.har", "mistakes.har",
    ])
    func jsonReportIsPinned(_ capture: String) throws {
        let json = TrafficJSONReporter().render(try Self.report(capture))
        let golden = Self.root.appendingPathComponent("Tests/FlowSpecTrafficTests/Golden/\(capture).json")
        if ProcessInfo.processInfo.environment["FLOWSPEC_UPDATE_GOLDEN"] != nil {
            try Data(json.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(json == expected)
    }

    @Test func parallelAndSerialRunsGiveIdenticalOutput() throws {
        let serial = TrafficJSONReporter().render(try Self.report("mistakes.har", workers: 1))
        let parallel = TrafficJSONReporter().render(try Self.report("mistakes.har", workers: 8))
        #expect(serial == parallel)
    }
}
