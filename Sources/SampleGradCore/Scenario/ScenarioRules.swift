/// The rules on single values, written once and used by scenario files, flags, the
/// explorer's prompts and the engine (through `Distribution`, `Objective` and `Scenario`).
/// The ranges themselves, and why, are in `NumericDomain`.
public enum ScenarioRules {
  /// The temperatures samplegrad accepts (the explorer's `[` and `]` stop here).
  public static let temperatureRange = 0.01...100.0

  /// Updates per lane of a training race. Its loss curve thins itself (`LossCurve`), so
  /// memory does not grow with it; 1e7 steps of the relax-toy race take under a minute on
  /// 2 cores.
  public static let trainingStepsRange = 1...10_000_000
  /// Estimates averaged per training update (more only repeats what a longer race shows).
  public static let batchRange = 1...65_536
  /// The training step size. An Adam step moves each parameter by about the learning rate,
  /// so at 1e6 one step crosses the whole logit range (`NumericDomain.logit`) and anything
  /// larger diverges at step 1; at 1e-9 the longest race moves a parameter by at most 0.01.
  /// (Inside the range a step may still diverge: the lane then stops at its last valid
  /// parameters and says so, see `RaceLane`; no loss is ever infinite or NaN.)
  public static let learningRateRange = 1e-9...1e6
  /// The rate of `anneal = "exp"`, `tau_t = max(tau_min, tau_0 exp(-rate t))`. At 1 the
  /// temperature falls by a factor e per step, from 100 to 0.01 in ten steps; a faster
  /// schedule looks the same.
  public static let annealRateRange = 0.0...1.0

  /// Each value inside `range` (a NaN is inside no range); a list names the bad entry.
  static func inRange(
    _ values: [Double], _ range: ClosedRange<Double>, key: String
  ) -> [ScenarioProblem] {
    guard let i = values.firstIndex(where: { !range.contains($0) }) else { return [] }
    let entry = values.count > 1 ? " (value \(i + 1))" : ""
    return [
      ScenarioProblem(
        key: key,
        message:
          "must be \(NumericDomain.describe(range)), got \(NumericDomain.show(values[i]))\(entry)")
    ]
  }

  static func temperature(_ t: Double) -> [ScenarioProblem] {
    inRange([t], temperatureRange, key: "distribution.temperature")
  }

  static func standardDeviation(_ std: Double) -> [ScenarioProblem] {
    inRange([std], NumericDomain.std, key: "distribution.std")
  }

  /// A whole number inside `range`.
  static func inRange(_ value: Int, _ range: ClosedRange<Int>, key: String) -> [ScenarioProblem] {
    guard !range.contains(value) else { return [] }
    return [
      ScenarioProblem(key: key, message: "must be \(NumericDomain.describe(range)), got \(value)")
    ]
  }

  /// Samples per estimator (a file's `samples`, a tour step's `step N.samples`).
  static func samples(_ n: Int, key: String = "samples") -> [ScenarioProblem] {
    inRange(n, NumericDomain.samples, key: key)
  }

  /// No control characters (a lesson may hold newlines and tabs): see `TerminalText`.
  static func printable(
    _ text: String?, key: String, allowing allowed: Set<Unicode.Scalar> = []
  ) -> [ScenarioProblem] {
    guard let text, let (scalar, position) = TerminalText.firstControl(in: text, allowing: allowed)
    else { return [] }
    return [
      ScenarioProblem(
        key: key,
        message: "must not contain control characters, found \(TerminalText.codePoint(scalar))"
          + " at character \(position)")
    ]
  }
}
