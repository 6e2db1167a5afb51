// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for FlowSpec's entry points. Build and run them with ../scripts/fuzz.sh
// (see ../CONTRIBUTING.md); each target's main.swift defines `LLVMFuzzerTestOneInput`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "FlowSpecFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "FlowSpec", path: ".."),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: strictSettings),
        .executableTarget(
            name: "FuzzYAML",
            dependencies: ["FuzzSupport", .product(name: "FlowSpecModel", package: "FlowSpec")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "FuzzLoader",
            dependencies: ["FuzzSupport", .product(name: "FlowSpecModel", package: "FlowSpec")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "FuzzJSON",
            dependencies: ["FuzzSupport", .product(name: "FlowSpecSchema", package: "FlowSpec")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "FuzzSchema",
            dependencies: ["FuzzSupport", .product(name: "FlowSpecSchema", package: "FlowSpec")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "FuzzCapture",
            dependencies: ["FuzzSupport", .product(name: "FlowSpecTraffic", package: "FlowSpec")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "FuzzRequest",
            dependencies: [
                "FuzzSupport", .product(name: "FlowSpecValidator", package: "FlowSpec"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings),
    ]
)
