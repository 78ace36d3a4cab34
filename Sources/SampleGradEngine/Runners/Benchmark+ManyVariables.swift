import SampleGradCore

extension Benchmark {
  /// 128 bits at p = 1/2 and mean-squared at 0.45 (ReinMax's polynomial benchmark): the
  /// per-variable estimators' cost at a size where one f is O(D).
  package static let manyVariableScenario = try! Scenario(
    name: "bench-128-bits", title: "Benchmark, 128 bits",
    distribution: .bernoulli(logOdds: [Double](repeating: 0, count: 128), temperature: 0.5),
    objective: .meanSquared(target: 0.45, values: nil))

  /// The estimators whose O(D) cost the many-variable lines measure (the goal: a million
  /// estimates a second on one core at D = 128 for the first three).
  package static let manyVariableEstimators: [EstimatorKind] = [
    .scoreFunction, .arm, .disarm, .indecater,
  ]

  /// The many-variable lines, named `score-function (D=128)`.
  package static func manyVariableLines() -> [Line] {
    let problem = manyVariableScenario.problem
    return manyVariableEstimators.map { kind in
      Line(name: "\(kind.rawValue) (D=128)") {
        EstimatorSampling(problem: problem, kind: kind, seed: $0)
      }
    }
  }

  /// Estimates per second of each many-variable estimator at D = 128 (the lines named in
  /// `only`, when given).
  package static func manyVariables(
    threads: [Int], seconds: Double, only: Set<String>? = nil
  ) -> [Result] {
    let chosen = manyVariableLines().filter { only?.contains($0.name) ?? true }
    return byThreads(
      chosen.map { line in
        measure(line.name, threads: threads, seconds: seconds) { line.makeWork(nil) }
      })
  }
}
