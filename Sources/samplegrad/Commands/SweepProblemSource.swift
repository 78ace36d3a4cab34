import SampleGradCore

/// Who asked for what a sweep refused: a flag the user typed, a key of the scenario file
/// (`estimators`, `[sweep]`), or neither (the standard range). A refusal names that one:
/// issue 21 found `--estimators: nothing to sweep` for a file that lists only `exact`, and
/// `--to: must be greater than from` when no `--to` was given.
struct SweepProblemSource {
  /// The flags given on the command line, without their `--`.
  let flags: Set<String>
  /// The scenario file, as problems from it name it.
  let file: String
  /// The file's own `[sweep]`, when it sweeps the setting being swept.
  let fileSweep: SweepSpec?

  /// `problem` (keyed `over`, `from`, `to`, `points`, `scale` or `estimators`) as one error
  /// naming its source.
  func error(for problem: ScenarioProblem) -> ScenarioError {
    let key = problem.key
    if key.isEmpty || flags.contains(key) {
      return ScenarioError(
        source: ScenarioOverrides.source, key: key.isEmpty ? "" : "--\(key)", problem.message)
    }
    if key == "estimators" {
      return ScenarioError(
        source: file, key: "estimators",
        "nothing to sweep: the file lists no estimator besides exact"
          + " (add one, or pass --estimators)")
    }
    if fileSweep.map({ Self.gives(key, $0) }) == true {
      return ScenarioError(source: file, key: "sweep.\(key)", problem.message)
    }
    // Neither typed nor written: the standard range, which a flag changed (`--scale log`
    // from the standard 0 of eta) or, if none did, the file's value alone cannot fit.
    if !flags.isDisjoint(with: ["from", "to", "points", "scale"]) {
      return ScenarioError(source: ScenarioOverrides.source, key: "--\(key)", problem.message)
    }
    return ScenarioError(
      source: file, key: "",
      "no standard sweep range fits here (\(key): \(problem.message)); give --from and --to")
  }

  /// Whether the file's `[sweep]` sets `key`.
  private static func gives(_ key: String, _ spec: SweepSpec) -> Bool {
    switch key {
    case "over": true
    case "from": spec.from != nil
    case "to": spec.to != nil
    case "points": spec.points != nil
    case "scale": spec.scale != nil
    default: false
    }
  }
}
