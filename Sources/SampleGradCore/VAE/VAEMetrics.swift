/// One trace point of a lane: the exact negative ELBO on the whole training and test sets
/// and the exact `-log p(x)` on the test set (by logsumexp over the `2^D` states); for
/// D > 16, ELBOs estimated from `estimateDraws` samples of `q(z|x)` per image (the same
/// noise for every lane at a step) and no NLL.
public struct VAETracePoint: Sendable, Equatable {
  public var step: Int
  public var trainElbo: Double
  public var testElbo: Double
  public var testNll: Double?
  /// Evaluations of `f` the lane has made so far (`VAELane.evaluations`).
  public var evaluations: Int

  public init(step: Int, trainElbo: Double, testElbo: Double, testNll: Double?, evaluations: Int) {
    self.step = step
    self.trainElbo = trainElbo
    self.testElbo = testElbo
    self.testNll = testNll
    self.evaluations = evaluations
  }
}

public enum VAEMetrics {
  /// Draws per image of an estimated ELBO (D > 16).
  public static let estimateDraws = 16
  /// The stream of those draws, `(seed, estimateStream, step)`.
  static let estimateStream: UInt64 = 1000

  /// The trace point of `lane` now.
  public static func point(_ lane: VAELane, seed: UInt64) -> VAETracePoint {
    let p = lane.parameters
    guard p.latents <= VAEParameters.exactLatents else {
      return VAETracePoint(
        step: lane.step,
        trainElbo: estimatedElbo(p, DigitsData.training, seed: seed, step: lane.step),
        testElbo: estimatedElbo(p, DigitsData.test, seed: seed, step: lane.step), testNll: nil,
        evaluations: lane.evaluations)
    }
    let exact = VAEExact(p)
    let train = exact.metrics(DigitsData.training)
    let test = exact.metrics(DigitsData.test)
    return VAETracePoint(
      step: lane.step, trainElbo: train.negativeElbo, testElbo: test.negativeElbo,
      testNll: test.nll, evaluations: lane.evaluations)
  }

  /// The mean over images of `(1/k) sum_n f(z_n; x)`, `z_n ~ q(z|x)`: an unbiased estimate of
  /// the negative ELBO.
  public static func estimatedElbo(
    _ p: VAEParameters, _ images: DigitImages, seed: UInt64, step: Int
  ) -> Double {
    let d = p.latents
    let decoder = VAEDecoder(p)
    var rng = Xoshiro256StarStar(seed: seed, stream: estimateStream, chunk: UInt64(step))
    var logits = [Double](repeating: 0, count: d)
    var bits = [Int](repeating: 0, count: d)
    var total = 0.0
    for n in 0..<images.count {
      images.pixels.withUnsafeBufferPointer { px in
        p.encoderLogits(px.baseAddress! + n * DigitImages.pixels, into: &logits)
      }
      let f = VAEImageFunction(decoder: decoder, logits: logits, images: images.pixels, row: n)
      var sum = 0.0
      for _ in 0..<estimateDraws {
        for k in 0..<d {
          bits[k] = rng.nextOpenUniform() < LogSpace.sigmoid(-logits[k]) ? 0 : 1
        }
        sum += bits.withUnsafeBufferPointer { f.value(bits: $0.baseAddress!) }
      }
      total += sum / Double(estimateDraws)
    }
    return total / Double(images.count)
  }
}
