import SampleGradCore

extension Explorer {
  /// Puts the model race of `preset` on screen (`samplegrad --preset digits-vae`), over the
  /// live statistics of the default scenario, to which Escape returns.
  package mutating func openModel(_ preset: VAEPreset) -> [ExplorerEffect] {
    let (view, effects) = ModelRaceView.opening(preset)
    self.view = view
    return effects
  }
}
