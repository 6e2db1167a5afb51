// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that the library's users never build the benchmark
// harness. `swift package benchmark` runs the ordo-one suites (time, allocations, peak memory);
// `swift run -c release flowspec-bench` prints side-by-side figures against the libyaml floor, kin-openapi's
// openapi3filter loop and the JSON Schema floors (see README.md).
let package = Package(
    name: "FlowSpecBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "FlowSpec", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "LoadBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FlowSpecModel", package: "FlowSpec"),
                .product(name: "FlowSpecLint", package: "FlowSpec"),
            ],
            path: "Benchmarks/LoadBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ValidatorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FlowSpecModel", package: "FlowSpec"),
                .product(name: "FlowSpecSchema", package: "FlowSpec"),
                .product(name: "FlowSpecValidator", package: "FlowSpec"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Benchmarks/ValidatorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "flowspec-bench",
            dependencies: [
                .product(name: "FlowSpecModel", package: "FlowSpec"),
                .product(name: "FlowSpecLint", package: "FlowSpec"),
                .product(name: "FlowSpecSchema", package: "FlowSpec"),
                .product(name: "FlowSpecValidator", package: "FlowSpec"),
                .product(name: "FlowSpecTraffic", package: "FlowSpec"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
