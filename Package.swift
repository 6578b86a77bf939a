// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lector",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lector", targets: ["lector"]),
        .library(name: "Lector", targets: ["LectorCore", "LectorCompression", "LectorMarkup", "LectorStages", "LectorReport", "LectorCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // SHA-256 for cache keys (BoringSSL's, with the CPU's SHA instructions where it has them).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "LectorCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "LectorCompression", dependencies: ["CZlib"]),
        .target(name: "LectorMarkup", dependencies: ["CLibXML2", "LectorCore", "LectorCompression"]),
        .target(name: "LectorStages", dependencies: ["LectorCore"], resources: [.copy("Resources")]),
        .target(
            name: "LectorReport",
            dependencies: ["LectorCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        .target(
            name: "LectorEval",
            dependencies: [
                "LectorCore", "LectorCompression", "LectorMarkup", "LectorStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "LectorCLI",
            dependencies: [
                "LectorCore", "LectorMarkup", "LectorStages", "LectorReport", "LectorEval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(name: "lector", dependencies: ["LectorCLI"]),
        .target(name: "LectorTestSupport", dependencies: ["LectorCore"], path: "Tests/LectorTestSupport"),
        .testTarget(name: "LectorCoreTests", dependencies: ["LectorCore", "LectorTestSupport"]),
        .testTarget(name: "LectorMarkupTests", dependencies: ["LectorMarkup", "LectorCore", "LectorCompression"]),
        .testTarget(name: "LectorStagesTests", dependencies: ["LectorStages", "LectorCore", "LectorTestSupport"]),
        .testTarget(name: "LectorEvalTests", dependencies: ["LectorEval", "LectorStages", "LectorCore", "LectorTestSupport"]),
        .testTarget(name: "LectorReportTests", dependencies: ["LectorReport", "LectorCore", "LectorMarkup"], exclude: ["Golden"]),
        .testTarget(
            name: "LectorCLITests", dependencies: ["LectorCLI", "LectorCore", "LectorStages", "LectorMarkup", "LectorTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
