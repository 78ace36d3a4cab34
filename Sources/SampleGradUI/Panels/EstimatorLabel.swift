import SampleGradCore

/// How estimator rows are labelled: a short name that fits 14 columns and a long one for wide
/// screens, by the estimator's JSON name. An estimator without an entry shows under its JSON
/// name, so a new one appears on screen without any change here.
enum EstimatorLabel {
  private static let names: [String: (short: String, long: String)] = [
    "exact": ("exact", "exact"),
    "score-function": ("score function", "score function"),
    "score-function-baseline": ("SF + baseline", "score function + baseline"),
    "reparameterization": ("reparameterize", "reparameterization"),
    "gumbel-softmax": ("Gumbel-softmax", "Gumbel-softmax"),
    "straight-through": ("ST-Gumbel", "straight-through Gumbel"),
    "rebar": ("REBAR", "REBAR"),
  ]

  static func name(_ kind: EstimatorKind, wide: Bool) -> String {
    guard let known = names[kind.rawValue] else { return kind.rawValue }
    return wide ? known.long : known.short
  }
}
