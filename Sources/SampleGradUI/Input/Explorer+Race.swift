import Foundation
import SampleGradCore
import SampleGradEngine

/// The race view's keys: `T` opens it (after checking the race can start), space pauses, `r`
/// restarts, `+` and `-` step the learning rate (and restart), Escape or `T` goes back.
extension Explorer {
  /// What the race view's keys do, for its footer.
  static let raceKeys: [ViewKey] = [
    ViewKey("space", "pause", priority: 0),
    ViewKey("r", "restart", priority: 1),
    ViewKey("+ -", "learning rate", priority: 2),
    ViewKey("Esc", "back", priority: 0),
    ViewKey("q", "quit", priority: 3),
  ]

  /// `T`: the race of the scenario as it is on screen, its enabled rows, its `[training]`
  /// defaults (the engine builds it by the same rules, checked here first so a refusal is a
  /// message, not a blank view).
  mutating func openRace(snapshot: Snapshot) -> [ExplorerEffect] {
    openRace(scenario: snapshot.scenario, enabled: Self.enabled(snapshot), seed: snapshot.seed)
  }

  /// `T` on `scenario` with `enabled` rows (a tour step opens it before the engine has
  /// loaded the step, so not from the snapshot).
  mutating func openRace(scenario: Scenario, enabled: [EstimatorKind], seed: UInt64)
    -> [ExplorerEffect]
  {
    do throws(InvalidScenario) {
      _ = try RaceSetup(live: scenario, enabled: enabled, seed: seed)
    } catch {
      message = "cannot race: \(error.description)"
      return []
    }
    overlay = .race
    return [.job(.race(.open))]
  }

  mutating func handleRace(_ key: Key, snapshot: Snapshot) -> [ExplorerEffect] {
    switch key {
    case .character(" "): return [.job(.race(.togglePause))]
    case .character("r"): return [.job(.race(.restart))]
    case .character("+"), .character("="): return stepLearningRate(up: true, snapshot)
    case .character("-"), .character("_"): return stepLearningRate(up: false, snapshot)
    case .escape, .character("T"):
      overlay = .none
      return [.job(.race(.close))]
    case .character("q"): return [.quit]
    default:
      message = "\(pauseKey) pauses, r restarts, + and - change the learning rate, Esc returns"
      return []
    }
  }

  private mutating func stepLearningRate(up: Bool, _ snapshot: Snapshot) -> [ExplorerEffect] {
    guard let race = snapshot.race else { return [] }
    guard let rate = Self.nextLearningRate(after: race.settings.learningRate, up: up) else {
      message =
        "learning rate is already at its \(up ? "maximum" : "minimum") (it must be "
        + NumericDomain.describe(ScenarioRules.learningRateRange) + ")"
      return []
    }
    message = "learning rate \(ScreenFormat.short(rate)): the race starts again"
    return [.job(.race(.setLearningRate(rate)))]
  }

  /// The learning rate after `rate` on the ladder `+` and `-` step along (1, 2, 5 in each
  /// decade), or nil past the end of `ScenarioRules.learningRateRange`.
  static func nextLearningRate(after rate: Double, up: Bool) -> Double? {
    let exponent = (rate.magnitude.isFinite && rate > 0) ? floor(log10(rate)) : -2
    let candidates = (-1...1).flatMap { shift in
      [1.0, 2, 5].map { $0 * pow(10, exponent + Double(shift)) }
    }
    // Compare with a relative tolerance: 0.01 is not exactly a power of ten in binary.
    let next =
      up
      ? candidates.first { $0 > rate * (1 + 1e-9) } ?? rate * 2
      : candidates.last { $0 < rate * (1 - 1e-9) } ?? rate / 2
    // The ends themselves are on the ladder: 1e6 and 1e-9 up to rounding.
    let range = ScenarioRules.learningRateRange
    if next > range.upperBound * (1 + 1e-9) || next < range.lowerBound * (1 - 1e-9) { return nil }
    return min(max(next, range.lowerBound), range.upperBound)
  }
}
