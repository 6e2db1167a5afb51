// swift-tools-version: 6.1
import PackageDescription

// A fake PingOne flows endpoint behind FlowSpecValidator, served by Hummingbird. Its own package, so
// that FlowSpec's users (and FlowSpec's own tests) never build Hummingbird.
let package = Package(
    name: "flows-service",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "flows-service", targets: ["flows-service"])
    ],
    dependencies: [
        // A path dependency's identity is its folder name; `name:` makes it "FlowSpec".
        .package(name: "FlowSpec", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .target(
            name: "FlowsService",
            dependencies: [
                .product(name: "FlowSpecValidator", package: "FlowSpec"),
                .product(name: "FlowSpecModel", package: "FlowSpec"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "flows-service",
            dependencies: ["FlowsService", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .testTarget(
            name: "FlowsServiceTests",
            dependencies: [
                "FlowsService",
                .product(name: "FlowSpecValidator", package: "FlowSpec"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
