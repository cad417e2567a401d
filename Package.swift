// swift-tools-version: 6.1
import PackageDescription

// A module sees the members of the modules it imports, not of their dependencies: without it
// GRDB's `[SQL].joined()` won the type inference of an HTML string in the CLI (the report
// printed `SQL(elements: …)`).
let onlyWhatItImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "Headway",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "headway", targets: ["headway"]),
        // Only for Fuzz/, the libFuzzer package built apart with -sanitize=fuzzer.
        .library(name: "HeadwayFuzzable", targets: ["HeadwayCLI", "HeadwayApp", "HeadwayCurricula", "HeadwayStore", "HeadwayCore"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0")
    ],
    targets: [
        // The model: score, skills graph, planner. No files, no clock, no database. Optimised in
        // debug builds too: the tests' property checks, the planner against exhaustive search and
        // the score band run it millions of times (docs/TESTING.md "Time").
        .target(name: "HeadwayCore", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // YAML curricula and assessment files -> core types, with file:line errors.
        .target(
            name: "HeadwayCurricula",
            dependencies: [
                "HeadwayCore",
                .product(name: "Yams", package: "Yams")
            ]),
        // Seeded synthetic curricula for property tests and benchmarks.
        .target(name: "HeadwaySynthetic", dependencies: ["HeadwayCore"]),
        // The SQLite database: profiles and their whole history, through GRDB.
        .target(
            name: "HeadwayStore",
            dependencies: [
                "HeadwayCore",
                .product(name: "GRDB", package: "GRDB.swift")
            ]),
        // The application layer: the operations a person does (log, plan, replan, assess …), each
        // one typed call in one store transaction; the CLI parses, calls one and renders.
        .target(name: "HeadwayApp", dependencies: ["HeadwayCore", "HeadwayStore"], swiftSettings: onlyWhatItImports),
        // libedit (BSD) for the shell's line editing, history and completion.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(
            name: "HeadwayCLI",
            dependencies: [
                "HeadwayCore",
                "HeadwayApp",
                "HeadwayCurricula",
                "HeadwayStore",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            swiftSettings: onlyWhatItImports),
        .executableTarget(name: "headway", dependencies: ["HeadwayCLI"]),
        // Test support: a child process for HeadwayStoreTests' crash and concurrency tests.
        .executableTarget(name: "headway-store-burst", dependencies: ["HeadwayCore", "HeadwayStore"]),
        .executableTarget(
            name: "headway-bench",
            dependencies: [
                "HeadwayCore", "HeadwayCurricula", "HeadwaySynthetic", "HeadwayCLI", "HeadwayStore"
            ]),
        .testTarget(name: "HeadwayCoreTests", dependencies: ["HeadwayCore", "HeadwaySynthetic"]),
        .testTarget(name: "HeadwayCurriculaTests", dependencies: ["HeadwayCurricula", "HeadwayCore", "HeadwaySynthetic"]),
        // The store alone: no curricula, no CLI (its child processes are `headway-store-burst`).
        .testTarget(name: "HeadwayStoreTests", dependencies: ["HeadwayStore", "HeadwayCore", "HeadwaySynthetic", "headway-store-burst"]),
        .testTarget(
            name: "HeadwayCLITests",
            dependencies: [
                "HeadwayCLI", "HeadwayCurricula", "HeadwayCore", "HeadwayStore", "HeadwaySynthetic",
                // OneTransactionTests injects faults with SQLite triggers.
                .product(name: "GRDB", package: "GRDB.swift")
            ])
    ]
)
