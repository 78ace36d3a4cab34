import SampleGradCore

/// How much of each fixed workload `bench` times, from `--seconds`. The sampling figures
/// take about `--seconds` each; the sweep, the race and the frames are fixed yardsticks
/// (the default preset's 25 temperatures at 100,000 samples, 10,000 steps of the relax-toy
/// race, 300 frames) that took tens of seconds whatever `--seconds` said (issue 21). Below a
/// second they shrink in proportion, and the output states the size actually timed.
struct BenchBudget {
  let seconds: Double

  /// The share of each yardstick timed: all of it from a second up.
  var share: Double { min(seconds, 1) }

  /// Timed rounds of the sweep (medians need more than one, when there is time).
  var sweepRounds: Int { seconds >= 1 ? 3 : 1 }
  /// Timed rounds of the race.
  var raceRounds: Int { seconds >= 1 ? 5 : 1 }

  /// Samples per sweep point: 100,000, down to 1,000.
  var sweepSamples: Int { max(1_000, Int(Double(Scenario.defaultSamples) * share)) }

  /// Frames rendered for a median: 300, down to 5.
  var frames: Int { max(5, Int(300 * share)) }

  /// Steps of a race of `steps`: all of them, down to a hundred.
  func raceSteps(_ steps: Int) -> Int { min(steps, max(100, Int(Double(steps) * share))) }
}
