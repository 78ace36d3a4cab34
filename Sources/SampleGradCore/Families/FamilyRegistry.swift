/// Every distribution family samplegrad knows: the one place that lists them. A new family is
/// its folder under `Families/` and one line here.
enum FamilyRegistry {
  static let all: [any DistributionFamily.Type] = [
    Categorical.self,
    Bernoulli.self,
    Gaussian.self,
  ]

  /// The family type called `kind`.
  static func family(_ kind: DistributionKind) -> (any DistributionFamily.Type)? {
    all.first { $0.kind == kind }
  }

  /// The `[distribution]` keys of every family (besides `kind`), each with the TOML type it
  /// takes; a key two families read with different types takes the wider one.
  static var keys: [FamilyKey] {
    var merged: [FamilyKey] = []
    for family in all {
      for key in family.keys {
        if let i = merged.firstIndex(where: { $0.name == key.name }) {
          merged[i] = FamilyKey(key.name, merged[i].expected.widened(with: key.expected))
        } else {
          merged.append(key)
        }
      }
    }
    return merged
  }
}
