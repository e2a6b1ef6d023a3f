// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "backorders",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "backorders", targets: ["backorders"]),
        .library(name: "BackorderCore", targets: ["BackorderCore"]),
        .library(name: "BackorderStore", targets: ["BackorderStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // The domain and its rules: pure Swift, no I/O.
        .target(name: "BackorderCore"),
        // Persistence: the only module that knows SQL.
        .target(
            name: "BackorderStore",
            dependencies: ["BackorderCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "backorders",
            dependencies: [
                "BackorderCore", "BackorderStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: run it as a release build, never as a unit test.
        .executableTarget(
            name: "backorders-bench",
            dependencies: ["BackorderCore", "BackorderStore"]
        ),
        .testTarget(name: "BackorderCoreTests", dependencies: ["BackorderCore"]),
        .testTarget(name: "BackorderStoreTests", dependencies: ["BackorderCore", "BackorderStore"]),
        .testTarget(name: "CLITests", dependencies: ["backorders", "BackorderCore", "BackorderStore"]),
    ]
)
