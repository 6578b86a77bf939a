// swift-tools-version:6.0
import PackageDescription

// A stand-alone package that adds two stages to Lector and ships its own `lector-style` command:
// the normal `lector` CLI, with the extra stages registered.
let package = Package(
    name: "HouseStyleExample",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lector-style", targets: ["lector-style"]),
        .executable(name: "embed-demo", targets: ["embed-demo"]),
    ],
    dependencies: [
        // The Lector package two folders up. In your own project, use
        // `.package(url: "<where you get Lector>", from: "<version>")` instead.
        .package(name: "Lector", path: "../..")
    ],
    targets: [
        // The stages live in a library target so that they can be tested and reused.
        .target(
            name: "HouseStyle",
            dependencies: [.product(name: "Lector", package: "Lector")]
        ),
        .executableTarget(
            name: "lector-style",
            dependencies: ["HouseStyle", .product(name: "Lector", package: "Lector")]
        ),
        // Lector as a library inside your own program: `LectorPipeline`, no command line.
        .executableTarget(
            name: "embed-demo",
            dependencies: ["HouseStyle", .product(name: "Lector", package: "Lector")]
        ),
        .testTarget(
            name: "HouseStyleTests",
            dependencies: ["HouseStyle", .product(name: "Lector", package: "Lector")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
