// swift-tools-version:6.0
import PackageDescription

/// Stichwort: a search engine for German news archives.
///
/// The targets follow the pipeline: HTML is parsed (`HTMLTree`, libxml2), the article is extracted
/// (`ArticleExtraction`), German text is analysed (`GermanAnalysis`), stored in SQLite FTS5
/// (`IndexStore`), kept up to date (`Ingestion`) and queried (`Query`); `stichwort` is the CLI.
let package = Package(
    name: "Stichwort",
    products: [
        .executable(name: "stichwort", targets: ["stichwort"]),
        // For the fuzz targets in Fuzz/ (a package of their own).
        .library(
            name: "StichwortLibraries",
            targets: ["ArticleExtraction", "GermanAnalysis", "IndexStore", "Query", "ArticleModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "ArticleModel"),
        .target(name: "HTMLTree", dependencies: ["CLibXML2"]),
        .target(name: "ArticleExtraction", dependencies: ["HTMLTree", "ArticleModel"]),
        .target(name: "GermanAnalysis"),
        .target(name: "IndexStore", dependencies: ["CSQLite", "GermanAnalysis", "ArticleModel"]),
        .target(name: "Ingestion", dependencies: ["ArticleExtraction", "GermanAnalysis", "IndexStore", "ArticleModel"]),
        .target(name: "Query", dependencies: ["IndexStore", "GermanAnalysis"]),
        .executableTarget(
            name: "stichwort",
            dependencies: [
                "ArticleExtraction", "GermanAnalysis", "IndexStore", "Ingestion", "Query",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "stichwort-bench",
            dependencies: ["ArticleExtraction", "GermanAnalysis", "IndexStore", "ArticleModel"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HTMLTreeTests", dependencies: ["HTMLTree"]),
        .testTarget(name: "GermanAnalysisTests", dependencies: ["GermanAnalysis", "TestSupport"]),
        .testTarget(
            name: "ArticleExtractionTests", dependencies: ["ArticleExtraction", "HTMLTree", "TestSupport"]),
        .testTarget(name: "IndexStoreTests", dependencies: ["IndexStore", "GermanAnalysis", "ArticleModel", "TestSupport"]),
        .testTarget(name: "QueryTests", dependencies: ["Query", "IndexStore", "GermanAnalysis", "ArticleModel", "TestSupport"]),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "IndexStore", "Query", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["stichwort", "Ingestion", "TestSupport"]),
    ]
)
