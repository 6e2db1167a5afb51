import Benchmark
import FlowSpecLint
import FlowSpecModel
import Foundation

/// Where `../shared` is: beside the project's root, as in CI.
private let shared = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared").path
private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .path

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 20)

    let corpus = [
        "github/api.github.com.yaml", "github/api.github.com.json", "openai/openapi.yaml", "stripe/spec3.json",
        "twilio/twilio_api_v2010.json", "pingone/community-authenticationAPIs.yml",
    ]
    for name in corpus {
        let path = "\(shared)/corpus/\(name)"
        guard FileManager.default.fileExists(atPath: path) else { continue }
        Benchmark("load \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(SpecLoader().load(path: path))
            }
        }
    }
    Benchmark("load specs/pingone-flows.yaml") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SpecLoader().load(path: "\(root)/specs/pingone-flows.yaml"))
        }
    }
    Benchmark("lint specs/pingone-flows.yaml") { benchmark in
        let loaded = SpecLoader().load(path: "\(root)/specs/pingone-flows.yaml")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(Linter().lint(loaded))
        }
    }
}
