import SampleGradCore

/// What differs between two settings of a distribution, in a few characters each (`τ 0.4`,
/// `logit 4 -7.50`): the pin's note and the chart's change marks say it the same way.
enum SettingChange {
  /// The temperature first, then each parameter of `after` that `before` lacks or differs in.
  static func parts(from before: DistributionSpec, to after: DistributionSpec, glyphs: Glyphs)
    -> [String]
  {
    var parts: [String] = []
    if let t = after.temperature, t != before.temperature {
      parts.append("\(glyphs.tau) \(ScreenFormat.short(t))")
    }
    let names = after.parameterNames
    let old = before.parameters
    for (i, value) in after.parameters.enumerated()
    where !old.indices.contains(i) || old[i] != value {
      parts.append("\(names[i]) \(ScreenFormat.parameter(value))")
    }
    return parts
  }
}
