extension EstimatorKind {
  /// The estimators called `names`, in order, or nil with one problem per unknown name
  /// recorded under `key` (a file's `estimators`, a tour step's or the `--estimators` flag).
  /// Names are trimmed as `parse` trims them.
  static func named(_ names: [String], key: String, problems: inout [ScenarioProblem])
    -> [EstimatorKind]?
  {
    var kinds: [EstimatorKind] = []
    var unknown = false
    for name in names {
      if let kind = parse(name) {
        kinds.append(kind)
      } else {
        unknown = true
        problems.append(
          ScenarioProblem(key: key, message: "unknown estimator '\(name)' (known: \(validNames))"))
      }
    }
    return unknown ? nil : kinds
  }
}
