// swift-tools-version: 5.4
// libFuzzer targets for Headway's untrusted inputs, built apart from the main package so its
// build stays untouched: `Fuzz/run.sh` builds them with -sanitize=fuzzer and runs each one.
//
// Tools version 5.4 on purpose: from 5.5 SwiftPM renames an executable's entry point to
// `<Target>_main` and links `main` to it, which leaves nothing to link when libFuzzer brings
// its own `main` (`undefined symbol 'FuzzX_main'`). Before 5.5 it does not.
import PackageDescription

let package = Package(
    name: "HeadwayFuzz",
    dependencies: [
        .package(name: "Headway", path: "..")
    ],
    targets: [
        // What every target shares: the repository's folders, failures that print one line.
        .target(name: "FuzzSupport", dependencies: [.product(name: "HeadwayFuzzable", package: "Headway")]),
        // A shell line: tokenize, then parse as a command (never run it).
        .executableTarget(name: "FuzzShellLine", dependencies: ["FuzzSupport", .product(name: "HeadwayFuzzable", package: "Headway")]),
        // An assessment file against the bundled curricula, then scored.
        .executableTarget(name: "FuzzAssessment", dependencies: ["FuzzSupport", .product(name: "HeadwayFuzzable", package: "Headway")]),
        // skills.yaml, a role file or signals.yaml replaced in a scratch copy of Curricula/.
        .executableTarget(name: "FuzzCurricula", dependencies: ["FuzzSupport", .product(name: "HeadwayFuzzable", package: "Headway")]),
        // A profile export document: decode, import into a scratch database, export again.
        .executableTarget(name: "FuzzProfileImport", dependencies: ["FuzzSupport", .product(name: "HeadwayFuzzable", package: "Headway")])
    ]
)
