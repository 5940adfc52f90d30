// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for Stichwort's parsers; built and run by `Scripts/fuzz` with
/// `-sanitize=fuzzer,address` (not part of the main package: these targets have no `main`).
let package = Package(
    name: "StichwortFuzz",
    dependencies: [.package(name: "Stichwort", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzExtraction",
            dependencies: ["FuzzDriver", .product(name: "StichwortLibraries", package: "Stichwort")]),
        .executableTarget(
            name: "FuzzTokenizer",
            dependencies: ["FuzzDriver", .product(name: "StichwortLibraries", package: "Stichwort")]),
        .executableTarget(
            name: "FuzzQuery",
            dependencies: ["FuzzDriver", .product(name: "StichwortLibraries", package: "Stichwort")]),
    ]
)
