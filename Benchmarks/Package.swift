// swift-tools-version:6.1
// Micro-benchmarks of Lector's stages (ordo-one/benchmark). Kept in its own package so that the main
// package's clean build and CI do not pay for it. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
    name: "LectorBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Lector", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LectorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Lector", package: "Lector"),
            ],
            path: "Benchmarks/LectorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
