// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "samplegrad",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "samplegrad", targets: ["samplegrad"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // Pure math: RNG, distributions, objectives, estimators, statistics, scenarios.
    .target(
      name: "SampleGradCore",
      dependencies: ["CVectorMath", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    // Bulk log and exp, vectorised by clang with glibc's libmvec.
    .target(
      name: "CVectorMath",
      cSettings: [.unsafeFlags(["-O3", "-fno-math-errno", "-fveclib=libmvec"])],
      linkerSettings: [.linkedLibrary("mvec")]
    ),
    // The sampling loop on a background queue; commands in, snapshots out.
    .target(name: "SampleGradEngine", dependencies: ["SampleGradCore"]),
    // Renders a snapshot into an in-memory cell grid. No curses here.
    .target(name: "SampleGradUI", dependencies: ["SampleGradCore", "SampleGradEngine"]),
    // The only C: ncurses shims and the signal guard that restores the terminal.
    .target(
      name: "CNcursesw",
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    .executableTarget(
      name: "samplegrad",
      dependencies: [
        "SampleGradCore", "SampleGradEngine", "SampleGradUI", "CNcursesw",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "SampleGradCoreTests", dependencies: ["SampleGradCore"]),
    .testTarget(name: "SampleGradEngineTests", dependencies: ["SampleGradEngine"]),
    .testTarget(
      name: "SampleGradUITests",
      dependencies: ["SampleGradUI"],
      exclude: ["Snapshots"]
    ),
    .testTarget(name: "EndToEndTests", dependencies: ["samplegrad"]),
  ],
  swiftLanguageModes: [.v6]
)
