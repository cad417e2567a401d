// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Headway",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "headway", targets: ["headway"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The model: score, skills graph, planner. No files, no clock, no database.
        .target(name: "HeadwayCore"),
        // YAML curricula and assessment files -> core types, with file:line errors.
        .target(name: "HeadwayCurricula", dependencies: [
            "HeadwayCore",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Seeded synthetic curricula for property tests and benchmarks.
        .target(name: "HeadwaySynthetic", dependencies: ["HeadwayCore"]),
        // libedit (BSD) for the shell's line editing, history and completion.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "HeadwayCLI", dependencies: [
            "HeadwayCore",
            "HeadwayCurricula",
            "CEditLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "headway", dependencies: ["HeadwayCLI"]),
        .executableTarget(name: "headway-bench", dependencies: [
            "HeadwayCore", "HeadwayCurricula", "HeadwaySynthetic", "HeadwayCLI",
        ]),
        .testTarget(name: "HeadwayCoreTests", dependencies: ["HeadwayCore", "HeadwaySynthetic"]),
        .testTarget(name: "HeadwayCurriculaTests", dependencies: ["HeadwayCurricula", "HeadwayCore"]),
        .testTarget(name: "HeadwayCLITests", dependencies: ["HeadwayCLI", "HeadwayCurricula", "HeadwayCore"]),
    ]
)
