// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features every target opts into: import hygiene the compiler enforces (DESIGN.md, practice 6).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Links the `flowspec` executable (only it: the libraries stay as they are for the apps that embed
/// them) against static copies of the Swift runtime and Foundation on Linux. The tool is mostly
/// short runs: with the shared libraries, loading and binding twenty of them and calling the
/// runtime's reference counting through the PLT cost about 8% of linting a 3.5 MB spec.
/// Foundation's static archives do not name their own dependencies, so they are listed here.
/// FoundationInternationalization installs ICU time zones through a dynamic replacement that no
/// code refers to, so its archive member would be left out and `TimeZone(identifier: "UTC")` would
/// be nil: the public `TimeZone.knownTimeZoneIdentifiers`, defined beside it, pulls it in.
let staticToolLinking: [LinkerSetting] = [
    .unsafeFlags(
        ["-static-stdlib"]
            + [
                "--undefined=$s20FoundationEssentials8TimeZoneV0A20InternationalizationE05knowncD11IdentifiersSaySSGvgZ",
                "--start-group", "-lFoundation", "-lCoreFoundation", "-lFoundationInternationalization",
                "-lFoundationEssentials", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
                "-lswiftSynchronization", "--end-group", "-lstdc++", "-lm",
            ].flatMap { ["-Xlinker", $0] },
        .when(platforms: [.linux])
    )
]

let package = Package(
    name: "FlowSpec",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FlowSpecModel", targets: ["FlowSpecModel"]),
        .library(name: "FlowSpecSchema", targets: ["FlowSpecSchema"]),
        .library(name: "FlowSpecValidator", targets: ["FlowSpecValidator"]),
        .library(name: "FlowSpecLint", targets: ["FlowSpecLint"]),
        .library(name: "FlowSpecTraffic", targets: ["FlowSpecTraffic"]),
        .library(name: "FlowSpecMiddleware", targets: ["FlowSpecMiddleware"]),
        .executable(name: "flowspec", targets: ["flowspec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "FlowSpecYAML", dependencies: ["CYAML"], swiftSettings: strictSettings),
        .target(name: "FlowSpecModel", dependencies: ["FlowSpecYAML"], swiftSettings: strictSettings),
        .target(name: "FlowSpecSchema", dependencies: ["FlowSpecModel"], swiftSettings: strictSettings),
        .target(
            name: "FlowSpecValidator",
            dependencies: ["FlowSpecModel", "FlowSpecSchema", .product(name: "HTTPTypes", package: "swift-http-types")],
            swiftSettings: strictSettings
        ),
        .target(name: "FlowSpecLint", dependencies: ["FlowSpecSchema"], swiftSettings: strictSettings),
        .target(
            name: "FlowSpecTraffic",
            dependencies: ["FlowSpecValidator", "FlowSpecLint"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "FlowSpecMiddleware",
            dependencies: [
                "FlowSpecValidator",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "flowspec",
            dependencies: [
                "FlowSpecModel", "FlowSpecSchema", "FlowSpecValidator", "FlowSpecLint", "FlowSpecTraffic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings,
            linkerSettings: staticToolLinking
        ),
        // Helpers more than one test target needs (a test target cannot depend on another).
        .target(name: "FlowSpecTestSupport", path: "Tests/FlowSpecTestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "FlowSpecYAMLTests", dependencies: ["FlowSpecYAML", "FlowSpecTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(name: "FlowSpecModelTests", dependencies: ["FlowSpecModel"], swiftSettings: strictSettings),
        .testTarget(name: "FlowSpecSchemaTests", dependencies: ["FlowSpecSchema"], swiftSettings: strictSettings),
        .testTarget(
            name: "FlowSpecValidatorTests",
            dependencies: [
                "FlowSpecValidator", "FlowSpecModel", "FlowSpecTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "FlowSpecLintTests", dependencies: ["FlowSpecLint"], swiftSettings: strictSettings),
        .testTarget(
            name: "FlowSpecTrafficTests", dependencies: ["FlowSpecTraffic", "FlowSpecTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "FlowSpecMiddlewareTests",
            dependencies: [
                "FlowSpecMiddleware", "FlowSpecValidator", "FlowSpecSchema", "FlowSpecModel",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
