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
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // The PostgreSQL driver, for BackorderStorePostgres only (it brings swift-nio, swift-nio-ssl and swift-crypto).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // NIOPosix (the bridge refuses to block an event-loop thread) and NIOSSL (TLS to a server on the network) come
        // with postgres-nio; named here because BackorderStorePostgres imports them.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
    ],
    targets: [
        // The domain and its rules: pure Swift, no I/O.
        .target(name: "BackorderCore"),
        // Facts about this host's processes (its name, whether a pid still runs): the session registries of both stores.
        .target(name: "HostProcess"),
        // What both stores' SQL shares (the columns the lists' selects name): a store-side module, not the core.
        .target(name: "BackorderStoreSQL", dependencies: ["BackorderCore"]),
        // Persistence: the only module that knows SQL.
        .target(
            name: "BackorderStore",
            // GRDBSQLite: the C API for the WAL hook that moves checkpoints off the clerk's commit.
            dependencies: ["BackorderCore", "BackorderStoreSQL", "HostProcess", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Persistence on a PostgreSQL server: the only module that imports the driver; the async driver meets the
        // synchronous service in its bridge.
        .target(
            name: "BackorderStorePostgres",
            dependencies: ["BackorderCore", "BackorderStoreSQL", "HostProcess", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl")]
        ),
        // CSV files in: a file becomes validated import records, every problem named by FILE:LINE. No SQL, no writes.
        .target(
            name: "BackorderExchange",
            dependencies: ["BackorderCore", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        // The terminal toolkit: screen buffer, widgets, keys. Pure Swift; views render here, never into a terminal.
        .target(name: "TerminalKit"),
        // Snapshot assertions on a screen buffer, for tests.
        .target(name: "TerminalKitTesting", dependencies: ["TerminalKit"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The only target that imports the C module: buffer to screen, keys to events.
        .target(name: "NcursesBackend", dependencies: ["TerminalKit", "CNcursesw"]),
        // App state, actions, the reducer, views and the keymap; knows the core, not the store.
        .target(name: "BackorderTUI", dependencies: ["BackorderCore", "TerminalKit"]),
        .executableTarget(
            name: "backorders",
            dependencies: [
                "BackorderCore", "BackorderStore", "BackorderStorePostgres", "BackorderExchange", "BackorderTUI",
                "NcursesBackend", "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: run it as a release build, never as a unit test.
        .executableTarget(
            name: "backorders-bench",
            dependencies: ["BackorderCore", "BackorderStore", "BackorderStorePostgres", "BackorderExchange"]
        ),
        // What several test targets share: the real binary run as a person runs it, sample files made by it, clerks'
        // processes writing at once. A plain target (XCTest imports on Linux); no PostgreSQL driver, to build cheaply.
        .target(name: "TestSupport", dependencies: ["BackorderCore"], path: "Tests/TestSupport"),
        .testTarget(name: "BackorderCoreTests", dependencies: ["BackorderCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "TerminalKitTesting"], exclude: ["__Snapshots__"]),
        .testTarget(
            name: "BackorderTUITests",
            dependencies: ["BackorderTUI", "BackorderCore", "BackorderStore", "TerminalKit", "TerminalKitTesting"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "BackorderStoreTests", dependencies: ["BackorderCore", "BackorderStore", "HostProcess"]),
        // Runs against a throwaway server (scripts/pg-test-cluster); skips with the reason when there is none.
        // BackorderStore and GRDB: the schema is held to the SQLite file's, column by column.
        .testTarget(name: "BackorderStorePostgresTests", dependencies: ["BackorderStorePostgres", "BackorderCore", "BackorderStore", "backorders", "HostProcess",
                                                                  "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                                                                  .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "BackorderExchangeTests", dependencies: ["BackorderExchange", "BackorderCore", "BackorderStore"]),
        // GRDB: the crash test reads the file with its own SQL, not through the store under test.
        .testTarget(name: "CLITests", dependencies: ["backorders", "BackorderCore", "BackorderStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Golden"]),
    ]
)
