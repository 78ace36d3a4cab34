extension Scenario {
  /// The seed a run uses: the one asked for (a `--seed` flag), else the scenario's own, else
  /// `defaultSeed`.
  public func resolvedSeed(_ requested: UInt64?) -> UInt64 {
    requested ?? seed ?? Self.defaultSeed
  }

  /// The samples per estimator a run uses: the number asked for (a `--samples` flag, a tour
  /// step's `samples`), else the scenario's own, else `defaultSamples`.
  public func resolvedSamples(_ requested: Int?) -> Int {
    requested ?? samples ?? Self.defaultSamples
  }
}
