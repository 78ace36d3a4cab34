import SampleGradCore
import SampleGradEngine
import Testing

/// The model race's lanes depend on the seed and their estimator only: `train` at any thread
/// count, and the live job stepped in any slices, give the same numbers to the last bit.
@Suite("Model race: deterministic")
struct ModelRaceDeterminismTests {
  static let setup = VAERaceSetup(
    latents: 4,
    estimators: [.exact, .scoreFunctionBaseline, .rloo, .disarm, .rebar, .gumbelSoftmax],
    steps: 24, batch: 8, learningRate: 0.02, temperature: 0.5, seed: 7, every: 6)

  @Test("train: the same lanes at 1, 2, 3 and 8 threads")
  func threads() {
    let start = VAEParameters.initial(latents: Self.setup.latents)
    let one = VAERunner.train(Self.setup, start: start, threads: 1)
    #expect(one.count == Self.setup.estimators.count)
    #expect(one.map(\.kind) == Self.setup.estimators)
    for threads in [2, 3, 8] {
      let many = VAERunner.train(Self.setup, start: start, threads: threads)
      #expect(many == one, "\(threads) threads")
    }
  }

  @Test("the live job, stepped in uneven slices, equals train")
  func liveEqualsTrain() {
    let lanes = VAERunner.train(
      Self.setup, start: VAEParameters.initial(latents: Self.setup.latents), threads: 2)
    var job = ModelRaceJob(setup: Self.setup, title: "t")
    for slice in [1, 5, 2, 7, 100] { job.advance(slice) }
    #expect(job.isFinished)
    #expect(job.publish().result == lanes)
  }

  @Test("measure: each estimator's statistics are the same at 1 and 3 threads")
  func measureThreads() throws {
    var preset = try VAEPreset.decode(
      """
      name = "t"
      [model]
      kind = "digits-vae"
      latents = 3
      """, source: "t")
    preset.race.estimators = [.disarm, .rloo, .straightThrough]
    let p = VAEParameters.initial(latents: 3)
    let a = try VAERunner.measure(preset, parameters: p, rows: [0, 1, 2], samples: 50, threads: 1)
    let b = try VAERunner.measure(preset, parameters: p, rows: [0, 1, 2], samples: 50, threads: 3)
    #expect(a.estimators.map(\.moments.mean) == b.estimators.map(\.moments.mean))
    #expect(a.estimators.map(\.moments.variance) == b.estimators.map(\.moments.variance))
  }

  @Test("quality: measured at once when paused; the part keeps the last one with its step")
  func qualityWhilePaused() {
    var job = ModelRaceJob(setup: Self.setup, title: "t")
    job.advance(3)
    job.apply(.togglePause)
    #expect(!job.hasWork)
    job.apply(.toggleQuality)
    #expect(job.hasWork)
    #expect(job.publish().quality == nil)
    job.work(timing: BatchTiming())
    let part = job.publish()
    #expect(!job.hasWork)
    #expect(part.qualityStep == 3 && part.quality?.count == Self.setup.estimators.count)
    #expect(part.quality?.first?.relativeNoise == 0)
    job.advance(2)
    #expect(job.hasWork)
    #expect(job.publish().qualityStep == 3 && job.publish().quality != nil)
  }

  @Test("quality's bias: noise of the mean reads 0, a real miss does not")
  func qualityBias() {
    let exact = [Double](repeating: 1, count: 100)
    // 100 estimates with variance 4 per component: the mean misses by about 0.2 on each
    // component by noise alone (|miss|^2 about 4, against |g|^2 = 100).
    let noisy = (0..<100).map { j in 1 + 0.2 * (j % 2 == 0 ? 1.0 : -1.0) }
    let unbiased = RunningMoments(
      count: 100, mean: noisy, variance: [Double](repeating: 4, count: 100))
    #expect(ModelLaneQuality.bias(unbiased, exact: exact) == 0)
    let biased = RunningMoments(
      count: 100, mean: noisy.map { $0 + 0.5 }, variance: [Double](repeating: 4, count: 100))
    let b = ModelLaneQuality.bias(biased, exact: exact)
    #expect(b > 0.4 && b < 0.6)
  }
}
