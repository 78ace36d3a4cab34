// swift-tools-version: 6.2
import PackageDescription

/// Zero warnings, enforced by every build (the README's `swift test` is CI's build).
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]
/// The sampling and drawing code is optimised in debug builds too, so `swift run samplegrad`
/// feels alive and the statistical tests run fast; `@testable import` still works.
let fast: [SwiftSetting] = strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]

// Built and tested on Linux with glibc (CI runs Debian): no Apple platform is listed because
// none is built. The only glibc-specific piece, libmvec, is asked for on Linux alone; elsewhere
// CVectorMath's loops compile to plain libm calls (the same code, scalar), so that is not what
// stands in the way of another platform: the terminal layer needs ncursesw's headers.
let package = Package(
  name: "samplegrad",
  products: [
    .executable(name: "samplegrad", targets: ["samplegrad"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // The model: RNG, distributions, objectives, estimators, statistics, and the scenarios and
    // tours it decodes, read from files and from the folders the environment names
    // (XDG_CONFIG_HOME, SAMPLEGRAD_PRESETS). No threads and no terminal.
    .target(
      name: "SampleGradCore",
      dependencies: ["CVectorMath", .product(name: "TOMLKit", package: "TOMLKit")],
      swiftSettings: fast
    ),
    // The vectorised C kernels: bulk log and exp through glibc's libmvec (glibc only, so Linux
    // only), the block samplers built on them, and Adam's step.
    .target(
      name: "CVectorMath",
      cSettings: [
        .treatAllWarnings(as: .error),
        .unsafeFlags(["-O3", "-fno-math-errno"]),
        .unsafeFlags(["-fveclib=libmvec"], .when(platforms: [.linux])),
      ],
      linkerSettings: [.linkedLibrary("mvec", .when(platforms: [.linux]))]
    ),
    // The sampling loop on a background queue; commands in, snapshots out.
    .target(name: "SampleGradEngine", dependencies: ["SampleGradCore"], swiftSettings: fast),
    // Renders a snapshot into an in-memory cell grid. No curses here.
    .target(
      name: "SampleGradUI", dependencies: ["SampleGradCore", "SampleGradEngine"],
      swiftSettings: fast),
    // The only C: ncurses shims and the signal guard that restores the terminal.
    .target(
      name: "CNcursesw",
      cSettings: [.treatAllWarnings(as: .error)],
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    .executableTarget(
      name: "samplegrad",
      dependencies: [
        "SampleGradCore", "SampleGradEngine", "SampleGradUI", "CNcursesw",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "SampleGradCoreTests",
      dependencies: ["SampleGradCore"],
      // The original digits file (and its description), which the packed copy is tested
      // against: read from disk by the test, not built.
      exclude: ["VAE/OriginalDigits"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "SampleGradEngineTests", dependencies: ["SampleGradEngine"], swiftSettings: strict),
    .testTarget(
      name: "SampleGradUITests",
      dependencies: ["SampleGradUI"],
      exclude: ["Snapshots"],
      swiftSettings: strict
    ),
    .testTarget(name: "EndToEndTests", dependencies: ["samplegrad"], swiftSettings: strict),
  ],
  swiftLanguageModes: [.v6]
)
