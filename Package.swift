// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "NewsKB",
    // Linux only (Debian): file I/O, threads and locks are written against Glibc.
    products: [
        .executable(name: "newskb", targets: ["newskb"]),
        .library(name: "NewsKBCore", targets: ["NewsKBCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // System ICU behind an opaque C header: no ICU type is visible to Swift,
        // so Foundation's bundled ICU and the system's never meet in one module.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // SQLite's process-wide options (sqlite3_config is variadic, so Swift cannot call it).
        .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Extraction: documents, stages, recognisers, resolution, JSONL records. No store.
        .target(name: "NewsKBCore", dependencies: ["CICU", "CLibXML2", "CZlib"]),
        // The SQLite knowledge base (GRDB; its SQLite module for binding bulk rows directly).
        .target(name: "NewsKBStore", dependencies: [
            "NewsKBCore", "CSQLiteConfig", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Commands; the executable only calls into this.
        .target(name: "NewsKBCLI", dependencies: [
            "NewsKBCore", "NewsKBStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "newskb", dependencies: ["NewsKBCLI"]),
        // libFuzzer target over decoders, readers, recognisers, the store and the export (`make fuzz`).
        .executableTarget(name: "NewsKBFuzz", dependencies: ["NewsKBCore", "NewsKBStore"], swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        // What every test target shares: the repository's layout, its pipeline, temporary folders.
        .target(name: "NewsKBTestSupport", dependencies: ["NewsKBCore"], path: "Tests/NewsKBTestSupport"),
        .testTarget(name: "NewsKBCoreTests", dependencies: ["NewsKBCore", "NewsKBTestSupport"]),
        .testTarget(name: "NewsKBStoreTests", dependencies: ["NewsKBStore", "NewsKBCore", "NewsKBTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "NewsKBCLITests", dependencies: ["NewsKBCLI", "NewsKBCore", "NewsKBTestSupport"]),
    ]
)
