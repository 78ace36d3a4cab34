extension EstimatorResult {
  /// `kind`'s statistics on `problem`: against its exact gradient, with the evaluations of `f`
  /// per estimate its options give (0 for exact, 2 for antithetic, the draws for RLOO, ...),
  /// and theory's verdict on bias for its objective. Every run, sweep, overview and export
  /// builds its results this way, so they agree on what a number means.
  public init(
    kind: EstimatorKind, moments: RunningMoments, diagnostics: [DiagnosticReading],
    problem: GradientProblem
  ) {
    self.init(
      kind: kind, moments: moments, exact: problem.exact.gradient,
      evaluations: kind.descriptor.evaluations(problem), diagnostics: diagnostics,
      objective: problem.objective.kind)
  }
}
