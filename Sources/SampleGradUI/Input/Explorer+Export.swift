import SampleGradCore
import SampleGradEngine

/// What `x` writes: the screen as text (without any overlay) and the numbers in the JSON
/// schema of `samplegrad run`, so a handout or a script can take them.
package struct ExportFiles: Sendable, Equatable {
  /// File name without extension: `samplegrad-<scenario>-<stamp>`.
  package let baseName: String
  package let text: String
  package let json: String
}

extension Explorer {
  /// The export of `snapshot` as drawn on a `width` x `height` screen; `stamp` (a date and
  /// time) keeps file names apart.
  package func export(_ snapshot: Snapshot, width: Int, height: Int, stamp: String) -> ExportFiles {
    var buffer = Buffer(width: width, height: height)
    render(snapshot, into: &buffer, overlays: false)
    let text = buffer.lines.joined(separator: "\n") + "\n"
    let safe = String(
      snapshot.scenario.name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    return ExportFiles(
      baseName: "samplegrad-\(safe)-\(stamp)", text: text,
      json: RunReport.json(Self.result(snapshot)).render() + "\n")
  }

  /// The live numbers as a `RunResult`: every enabled row with estimates, each built as
  /// `samplegrad run` builds it (its evaluations per estimate, its exact gradient) from the
  /// problem the engine published.
  static func result(_ snapshot: Snapshot) -> RunResult {
    let problem = snapshot.problem
    let estimators = snapshot.estimators.filter { $0.isEnabled && $0.samples > 0 }.map {
      EstimatorResult(
        kind: $0.kind,
        moments: RunningMoments(count: $0.samples, mean: $0.mean, variance: $0.variance),
        eta: $0.eta, problem: problem)
    }
    return RunResult(
      scenario: snapshot.scenario, seed: snapshot.seed, samples: snapshot.samples,
      problem: problem, estimators: estimators, histogram: snapshot.histogram,
      relaxedMean: snapshot.relaxedMean)
  }
}
