// swift-tools-version:6.0
// libFuzzer targets for Lector's parsers of untrusted bytes. Built by `scripts/fuzz.sh` with
// `-sanitize=fuzzer,address`; kept out of the main package so its builds and CI never pay for it.
import PackageDescription

let package = Package(
    name: "LectorFuzzing",
    dependencies: [.package(name: "Lector", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzWebArchive", dependencies: ["FuzzDriver", .product(name: "Lector", package: "Lector")]),
        .executableTarget(name: "FuzzJSONLines", dependencies: ["FuzzDriver", .product(name: "Lector", package: "Lector")]),
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzDriver", .product(name: "Lector", package: "Lector")]),
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzDriver", .product(name: "Lector", package: "Lector")]),
        .executableTarget(name: "FuzzXML", dependencies: ["FuzzDriver", .product(name: "Lector", package: "Lector")]),
    ],
    swiftLanguageModes: [.v6]
)
