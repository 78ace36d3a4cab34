import SampleGradCore
import SampleGradEngine

@testable import SampleGradUI

/// Scenarios and snapshots for the UI tests: real engine states driven synchronously with
/// fixed seeds, so every snapshot file is deterministic.
enum Fixtures {
  static let categorical = try! Scenario(
    name: "bias-and-variance", title: "Bias against variance",
    lesson: "Gumbel-softmax is biased; lower the temperature to shrink the bias.",
    distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
    objective: .quadratic(target: [0, 0, 1, 0]))

  static let bernoulli = try! Scenario(
    name: "bernoulli-coin", title: "A relaxed coin",
    distribution: .bernoulli(logOdds: 0, temperature: 0.5),
    objective: .quadratic(target: [0.45]))

  static let gaussian = try! Scenario(
    name: "gaussian-reparameterization", title: "Reparameterization against the score function",
    distribution: .gaussian(mean: 1, std: 1),
    objective: .quadratic(target: [0]))

  /// Extreme logits at the lowest temperature, where careless code shows nan or inf.
  static let extreme = try! Scenario(
    name: "extreme", title: "Extreme logits",
    distribution: .categorical(logits: [50, -50, 0], temperature: 0.01),
    objective: .quadratic(target: [0, 1, 0]))

  /// `batches` batches of `batch` samples, with a history point after each, and no
  /// timing-dependent numbers.
  static func snapshot(
    _ scenario: Scenario, seed: UInt64 = 7, batches: Int = 20, batch: Int = 500,
    paused: Bool = false, configure: (inout EngineState) -> Void = { _ in }
  ) -> Snapshot {
    var state = EngineState(scenario: scenario, seed: seed)
    configure(&state)
    for _ in 0..<batches {
      state.step(samples: batch)
      state.recordHistory()
    }
    if paused { state.apply(.pause) }
    var snapshot = state.snapshot()
    snapshot.samplesPerSecond = 0
    return snapshot
  }

  static let presets = [
    PresetSummary(
      name: "bias-and-variance", path: "presets/bias-and-variance.toml",
      title: "Bias against variance",
      lesson:
        "Four estimators of the same gradient on a quadratic objective. Gumbel-softmax and "
        + "straight-through are biased: their mean misses the exact value. Press [ to lower the "
        + "temperature and watch their bias shrink while their variance grows; press ] to raise "
        + "it. Score-function and REBAR stay unbiased at every temperature.",
      problem: nil),
    PresetSummary(
      name: "gaussian-reparameterization", path: "presets/gaussian-reparameterization.toml",
      title: "Reparameterization against the score function",
      lesson: "x = mean + std * eps with f(x) = x^2. Both estimators are unbiased.",
      problem: nil),
    PresetSummary(
      name: "broken", path: "presets/broken.toml", title: "broken", lesson: "",
      problem: "presets/broken.toml:7: distribution.temperature must be between 0.01 and 100, got 0"
    ),
  ]

  /// The screen for `snapshot` at a size, as text lines.
  static func screen(
    _ snapshot: Snapshot, width: Int, height: Int, explorer: Explorer? = nil
  ) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    (explorer ?? Explorer(presets: presets)).render(snapshot, into: &buffer)
    return buffer
  }
}
