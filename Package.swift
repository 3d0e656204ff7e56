// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "activ",
  products: [
    .library(name: "Activations", targets: ["Activations"]),
    .executable(name: "activ", targets: ["activ"]),
  ],
  targets: [
    // The math: every activation's value and derivative, its parameters and the catalogue.
    // No I/O, no Foundation, so other packages can depend on it cheaply.
    .target(name: "Activations"),
    // The command line: argument parser, commands and writers, testable in-process.
    .target(name: "ActivCLI", dependencies: ["Activations"]),
    // The release binary is linked statically (-static-executable: the Swift runtime and the C
    // library inside, nothing for the dynamic loader to find and relocate at launch): a small run
    // starts in about 1 ms instead of 2.7 ms. (The linker's warning about dlopen in a static
    // binary concerns an optional runtime feature activ does not use.)
    .executableTarget(
      name: "activ", dependencies: ["ActivCLI"],
      linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]),
    // Evaluates specs through the library for Scripts/accuracy/accuracy.py (not a product).
    .executableTarget(name: "AccuracyHarness", dependencies: ["Activations"]),
    // Times the batch API for Scripts/bench/library.sh (not a product).
    .executableTarget(name: "ActivBench", dependencies: ["Activations"]),
    // Fixtures and golden files are read by path (#filePath), not bundled as resources.
    .testTarget(name: "ActivationsTests", dependencies: ["Activations"], exclude: ["Fixtures"]),
    .testTarget(
      name: "ActivCLITests", dependencies: ["ActivCLI", "Activations"], exclude: ["Golden"]),
  ]
)
