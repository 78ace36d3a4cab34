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
  /// |bias| / |exact gradient| (the squared bias less its noise, variance / N).
  package let bias: Double
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
