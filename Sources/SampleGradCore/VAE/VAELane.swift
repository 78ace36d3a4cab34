import Foundation

/// One estimator's copy of the VAE in a race: its parameters, its Adam state, its sampler
/// (re-pointed at each image of each step: the bits' logits `U x + e` and `f(z; x)` change with
/// both) and its own random stream `(seed, stream id, RaceSetup.streamChunk)`.
///
/// One update at step t, over the batch's images x (rows `(t B + j) mod 1500`):
/// - `exact`: the exact gradient of the batch's mean negative ELBO (`VAEExact.batch`);
/// - an estimator: for each image, one estimate `g` of `dL/dl` for the D bits with logits
///   `l = U x + e` and `f = f(z; x)`, chained to `dU = g x^T`, `de = g`; then one hard sample
///   `b ~ q(z|x)` of the lane's (`b_d = 1[u_d >= σ(-l_d)]`, one uniform per bit, after the
///   estimator's draws) and the decoder's and prior's gradient of `f` at b. Every lane takes
///   the decoder's gradient by that same rule, so lanes differ only in the estimator.
/// The batch mean is one step of Adam.
public struct VAELane {
  public let kind: EstimatorKind
  public private(set) var parameters: VAEParameters
  /// Updates applied.
  public private(set) var step = 0
  /// Evaluations of `f` (or of its gradient) so far: `2^D` per image for `exact`; the
  /// estimator's own count plus one (the decoder's gradient) per image otherwise.
  public private(set) var evaluations = 0
  /// Why the lane stopped early (a logit left the valid range).
  public private(set) var stopped: String?
  private var optimizer: Optimizer
  private var rng: Xoshiro256StarStar
  /// Built at the first image (its warm start comes first on the stream), then re-pointed.
  private var sampler: GradientSampler?
  private var gradient: [Double]
  /// The exact lane's evaluator, loaded with each step's parameters.
  private var exact: VAEExact?

  public init(kind: EstimatorKind, setup: VAERaceSetup, start: VAEParameters) {
    self.kind = kind
    parameters = start
    optimizer = Optimizer(.adam, dimension: start.values.count, adam: setup.adam)
    rng = Xoshiro256StarStar(
      seed: setup.seed, stream: kind.streamIndex, chunk: RaceSetup.streamChunk)
    gradient = [Double](repeating: 0, count: start.values.count)
  }

  /// Up to `count` updates, stopping at the race's last step.
  public mutating func advance(_ count: Int, setup: VAERaceSetup) {
    var remaining = count
    while remaining > 0, step < setup.steps, stopped == nil {
      update(setup)
      remaining -= 1
    }
  }

  private mutating func update(_ setup: VAERaceSetup) {
    let rows = setup.rows(step: step)
    if kind == .exact {
      let evaluator = exact ?? VAEExact(parameters)
      evaluator.load(parameters)
      exact = evaluator
      _ = gradient.withUnsafeMutableBufferPointer {
        evaluator.batch(DigitsData.training, rows: rows, into: $0.baseAddress!)
      }
      evaluations += rows.count << parameters.latents
    } else {
      do throws(InvalidScenario) {
        try estimate(rows: rows, setup: setup)
      } catch {
        stopped = "diverged at step \(step + 1) (\(error.description))"
        return
      }
    }
    var theta = parameters.values
    optimizer.update(&theta, gradient: gradient, learningRate: setup.learningRate)
    guard theta.allSatisfy(\.isFinite) else {
      stopped = "diverged at step \(step + 1) (a parameter is not finite)"
      return
    }
    parameters.values = theta
    step += 1
  }

  /// The batch mean of the estimator's gradient (encoder) and of f's gradient at the lane's
  /// hard sample (decoder and prior), into `gradient`.
  private mutating func estimate(rows: [Int], setup: VAERaceSetup) throws(InvalidScenario) {
    let d = parameters.latents
    let decoder = VAEDecoder(parameters)
    let images = DigitsData.training.pixels
    let scale = 1 / Double(rows.count)
    for j in gradient.indices { gradient[j] = 0 }
    var logits = [Double](repeating: 0, count: d)
    var estimate = [Double](repeating: 0, count: d)
    var bits = [Int](repeating: 0, count: d)
    for row in rows {
      images.withUnsafeBufferPointer { px in
        parameters.encoderLogits(px.baseAddress! + row * DigitImages.pixels, into: &logits)
      }
      let function = VAEImageFunction(
        decoder: decoder, logits: logits, images: images, row: row)
      let problem = try Self.problem(function, logits: logits, setup: setup)
      if let sampler {
        sampler.rebind(to: problem)
      } else {
        do throws(EstimatorNotApplicable) {
          let made = try GradientSampler(problem: problem, kind: kind)
          made.warmUp(using: &rng)
          sampler = made
        } catch {
          throw InvalidScenario(key: "estimators", error.description)
        }
      }
      guard let sampler else { return }
      sampler.averageEstimate(count: 1, using: &rng, into: &estimate)
      evaluations += sampler.evaluations + 1
      let layout = parameters
      gradient.withUnsafeMutableBufferPointer { g in
        let base = g.baseAddress!
        images.withUnsafeBufferPointer { px in
          let x = px.baseAddress! + row * DigitImages.pixels
          for k in 0..<d {
            let gk = estimate[k] * scale
            base[layout.encoderBiasOffset + k] += gk
            let w = base + layout.encoderWeightsOffset + k * DigitImages.pixels
            for i in 0..<DigitImages.pixels { w[i] += gk * x[i] }
          }
        }
        // The lane's hard sample b ~ q(z|x), then f's gradient there.
        for k in 0..<d {
          bits[k] = rng.nextOpenUniform() < problem.probabilities[2 * k] ? 0 : 1
        }
        bits.withUnsafeBufferPointer { b in
          function.addModelGradient(
            bits: b.baseAddress!, scale: scale, layout: layout, into: base)
        }
      }
    }
  }

  /// The D bits with logits `l` and `f = f(z; x)`, for an estimator (its truth is not
  /// computed: the lane never reads it).
  static func problem(_ function: VAEImageFunction, logits: [Double], setup: VAERaceSetup)
    throws(InvalidScenario) -> GradientProblem
  {
    let distribution = try Distribution(
      .bernoulli(logOdds: logits, temperature: setup.temperature))
    let objective = try Objective(
      .model(ModelObjective(name: VAEModel.objectiveName, function: function)),
      for: distribution)
    return GradientProblem(
      distribution: distribution, objective: objective, options: setup.options,
      exact: .notComputed(dimension: logits.count))
  }
}

/// Names the model's pieces for tables and errors.
public enum VAEModel {
  public static let objectiveName = "digits VAE f(z; x)"
}
