import Foundation
import Testing

@testable import SampleGradCore

/// The exact lane against the independent numpy reference's 200 steps of Adam (B = 32,
/// learning rate 0.01, D = 8): its trace point at step 200. The reference computes the same
/// mathematics in another order, so the numbers agree to ~1e-15; 1e-9 leaves room.
struct VAELaneTests {
  @Test("the exact lane's 200 steps of Adam end where the reference's do")
  func exactLaneAgainstReference() {
    let setup = VAERaceSetup(
      latents: 8, estimators: [.exact], steps: 200, batch: 32, learningRate: 0.01,
      temperature: 0.5, seed: 7, every: 200)
    let lane = VAELaneResult.race(.exact, setup: setup, start: .initial(latents: 8))
    let last = try! #require(lane.trace.last)
    #expect(last.step == 200)
    #expect(VAEExactTests.close(last.trainElbo, 23.590912414955994, 1e-9))
    #expect(VAEExactTests.close(last.testElbo, 22.949460315967464, 1e-9))
    #expect(VAEExactTests.close(last.testNll ?? 0, 22.750538465745432, 1e-9))
    #expect(lane.evaluations == 200 * 32 * 256)
  }

  @Test("batches: step t uses training rows (t B + j) mod 1500")
  func batches() {
    let setup = VAERaceSetup(
      latents: 2, estimators: [.exact], steps: 100, batch: 32, learningRate: 0.01,
      temperature: 0.5, seed: 7, every: 10)
    #expect(setup.rows(step: 0) == Array(0..<32))
    #expect(setup.rows(step: 46) == Array(1472..<1500) + [0, 1, 2, 3])
  }

  @Test("the pinned start: sines, cosines, zeros and the clipped logit of each pixel's mean")
  func start() {
    let p = VAEParameters.initial(latents: 3)
    #expect(p.values.count == 130 * 3 + 64)
    #expect(p.encoderWeights[p.encoderWeightsOffset + 1 * 64 + 5] == 0.1 * sin(70.0))
    #expect(p.decoderWeights[p.decoderWeightsOffset + 10 * 3 + 2] == 0.1 * cos(33.0))
    #expect(p.encoderBias.allSatisfy { $0 == 0 } && p.priorLogits.allSatisfy { $0 == 0 })
    // Pixel 0 is never on in the training set: clipped to 0.01.
    #expect(abs(p.decoderBias[p.decoderBiasOffset] - log(0.01 / 0.99)) < 1e-15)
  }

  @Test("a stochastic lane is the same numbers when run again, and stops cleanly")
  func stochasticLaneRepeats() {
    let setup = VAERaceSetup(
      latents: 3, estimators: [.disarm], steps: 12, batch: 4, learningRate: 0.05,
      temperature: 0.5, seed: 3, every: 4)
    let a = VAELaneResult.race(.disarm, setup: setup, start: .initial(latents: 3))
    let b = VAELaneResult.race(.disarm, setup: setup, start: .initial(latents: 3))
    #expect(a == b)
    #expect(a.trace.map(\.step) == [0, 4, 8, 12])
    #expect(a.evaluations == 12 * 4 * 3)  // 2 per estimate, 1 for the decoder
  }

  @Test("parameters JSON: written and read back exactly; a wrong shape is refused by key")
  func parametersFile() throws {
    let p = VAEExactTests.moved(latents: 5)
    let text = VAEParametersFile.json(p).render()
    #expect(try VAEParametersFile.decode(text, source: "t") == p)
    let bad = text.replacingOccurrences(of: "\"bias\": [", with: "\"bias\": [1, ")
    #expect(throws: ScenarioError.self) { try VAEParametersFile.decode(bad, source: "t") }
  }
}
