/// The statistics of one estimator's encoder gradient on a batch of images at fixed
/// parameters: `samples` independent estimates of the batch's mean gradient w.r.t. the
/// encoder (`U` row-major, then `e`: `65 D` components), each the mean over the B images of one
/// single-sample estimate per image chained through `l = U x + e`, against the exact one.
///
/// The estimator's stream is `(seed, stream id, chunk 0)`, as `run`'s first chunk; images are
/// taken in order within each estimate, and the sampler's running state (a baseline's mean,
/// rebar-auto's sums) carries across them.
public enum VAEGradientStatistics {
  /// The encoder block of a full gradient (`VAEParameters` layout).
  public static func encoderBlock(_ gradient: [Double], _ parameters: VAEParameters) -> [Double] {
    Array(gradient[0..<parameters.encoderCount])
  }

  public static func measure(
    _ kind: EstimatorKind, parameters: VAEParameters, rows: [Int], samples: Int, seed: UInt64,
    temperature: Double, options: EstimatorOptions, reference: [Double]
  ) throws(InvalidScenario) -> (
    moments: RunningMoments, evaluations: Int, diagnostics: [DiagnosticReading]
  ) {
    let d = parameters.latents
    let p = DigitImages.pixels
    let images = DigitsData.training.pixels
    var moments = RunningMoments(dimension: parameters.encoderCount, reference: reference)
    if kind == .exact {
      for _ in 0..<samples { reference.withUnsafeBufferPointer { moments.add($0.baseAddress!) } }
      return (moments, rows.count << d, [])
    }
    let decoder = VAEDecoder(parameters)
    let setup = VAERaceSetup(
      latents: d, estimators: [kind], steps: 1, batch: rows.count, learningRate: 0.01,
      temperature: temperature, seed: seed, every: 1, options: options)
    var problems: [GradientProblem] = []
    var logits = [Double](repeating: 0, count: d)
    for row in rows {
      images.withUnsafeBufferPointer { px in
        parameters.encoderLogits(px.baseAddress! + row * p, into: &logits)
      }
      let function = VAEImageFunction(decoder: decoder, logits: logits, images: images, row: row)
      problems.append(try VAELane.problem(function, logits: logits, setup: setup))
    }
    let sampler: GradientSampler
    do throws(EstimatorNotApplicable) {
      sampler = try GradientSampler(problem: problems[0], kind: kind)
    } catch {
      throw InvalidScenario(key: "estimators", error.description)
    }
    var rng = Xoshiro256StarStar(seed: seed, stream: kind.streamIndex, chunk: 0)
    var estimate = [Double](repeating: 0, count: d)
    var sample = [Double](repeating: 0, count: parameters.encoderCount)
    let scale = 1 / Double(rows.count)
    for _ in 0..<samples {
      for j in sample.indices { sample[j] = 0 }
      for (index, row) in rows.enumerated() {
        sampler.rebind(to: problems[index])
        sampler.averageEstimate(count: 1, using: &rng, into: &estimate)
        for k in 0..<d {
          let g = estimate[k] * scale
          sample[d * p + k] += g
          for i in 0..<p where images[row * p + i] != 0 {
            sample[k * p + i] += g * images[row * p + i]
          }
        }
      }
      sample.withUnsafeBufferPointer { moments.add($0.baseAddress!) }
    }
    return (moments, sampler.evaluations * rows.count, sampler.diagnostics)
  }
}
