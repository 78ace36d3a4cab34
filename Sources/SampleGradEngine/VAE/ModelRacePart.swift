import SampleGradCore

/// One lane of the model race as the view draws it.
package struct ModelLaneSnapshot: Sendable, Equatable {
  package let kind: EstimatorKind
  package let trace: [VAETracePoint]
  package let evaluations: Int
  package let stopped: String?
  /// The decoder's means at the encoder's most likely z, one 64-pixel image per test digit.
  package let reconstructions: [[Double]]
}

/// "Gradient quality now" for one lane: its estimator on the current batch at its current
/// parameters, against the exact encoder gradient.
package struct ModelLaneQuality: Sendable, Equatable {
  package let kind: EstimatorKind
  /// sqrt(total variance) / |exact gradient|.
  package let relativeNoise: Double
  /// The mean cosine between one estimate and the exact gradient.
  package let meanCosine: Double
  /// |bias| / |exact gradient| (the squared bias less its noise, variance / N), 0 when that
  /// excess is within three of its own standard errors.
  package let bias: Double

  /// |bias| / |g| from `moments` of N estimates of `exact`: `S = |mean - g|^2` has mean
  /// `sum_j var_j / N` and, for an unbiased estimator, a standard error of about
  /// `sqrt(2 sum_j (var_j / N)^2)` (normal means); an excess within 3 of those is noise, so
  /// an unbiased estimator reads 0 rather than a bias made of 100 estimates' noise.
  package static func bias(_ moments: RunningMoments, exact: [Double]) -> Double {
    let n = Double(moments.count)
    let norm = exact.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard n > 0, norm > 0 else { return .nan }
    var squared = 0.0
    var noise = 0.0
    var spread = 0.0
    for j in exact.indices {
      let d = moments.mean[j] - exact[j]
      let v = moments.variance[j] / n
      squared += d * d
      noise += v
      spread += 2 * v * v
    }
    let excess = squared - noise
    return excess > 3 * spread.squareRoot() ? excess.squareRoot() / norm : 0
  }
}

/// The model race's part of the snapshot.
package struct ModelRacePart: JobPart {
  package let setup: VAERaceSetup
  package let title: String
  package let step: Int
  package let isPaused: Bool
  package let isFinished: Bool
  package let showsQuality: Bool
  /// Measured at `qualityStep` (the race's step then: while the race runs it is measured
  /// again every `ModelRaceJob.qualityInterval` seconds), or nil until the first measurement
  /// (or while quality is off).
  package let quality: [ModelLaneQuality]?
  package let qualityStep: Int
  package let lanes: [ModelLaneSnapshot]
  /// The test digits the reconstructions are of.
  package let originals: [[Double]]
  package var isOpen: Bool
  /// The race so far as `samplegrad train` reports it, for the view's export.
  package let result: [VAELaneResult]

  package var redrawKey: RedrawKey {
    RedrawKey(step, isPaused, isOpen, isFinished, showsQuality, qualityStep, quality == nil)
  }
}

extension Snapshot {
  /// The model race's part, once a model preset opened it.
  package var modelRace: ModelRacePart? { parts[ModelRacePart.self] }
}
