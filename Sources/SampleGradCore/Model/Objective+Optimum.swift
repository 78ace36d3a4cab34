extension Objective {
  /// The infimum of a many-variable objective over every outcome of every variable, which a
  /// race approaches as the logits grow without bound: mean-squared, the best value's term
  /// (each variable on its own); squared-mean, the reachable mean nearest the target, from
  /// the set of sums of D values (nil when that set grows past 200,000 sums).
  var manyVariableOptimum: Double? {
    switch spec {
    case .meanSquared:
      return values.map(term).min()
    case .squaredMean(let t, _):
      let n = layout.variables
      var sums: Set<Double> = [0]
      let distinct = Array(Set(values))
      for _ in 0..<n {
        var next: Set<Double> = []
        for s in sums { for v in distinct { next.insert(((s + v) * 1e9).rounded() / 1e9) } }
        guard next.count <= 200_000 else { return nil }
        sums = next
      }
      return sums.map { ($0 / Double(n) - t) * ($0 / Double(n) - t) }.min()
    default:
      return nil
    }
  }
}
