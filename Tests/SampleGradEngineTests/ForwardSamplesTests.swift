import Foundation
import SampleGradCore
import Testing

@testable import SampleGradEngine

/// Issue 20: each method's own forward samples, which the overview's "exact distribution"
/// column tests, drawn on streams of their own and independent of the thread count.
@Suite("Forward samples")
struct ForwardSamplesTests {
  @Test("forward streams are 100 + the estimate stream: distinct, and none an existing stream")
  func streamIds() {
    let forward = EstimatorRegistry.all.map(\.kind.forwardStreamIndex)
    #expect(Set(forward).count == forward.count)
    // Written out, not computed: moving one would change every forward sample it draws.
    let pinned: [String: UInt64] = [
      "exact": 101, "score-function": 102, "score-function-baseline": 103,
      "reparameterization": 104, "gumbel-softmax": 105, "straight-through": 106, "rebar": 107,
      "argmax": 108, "rloo": 109, "arm": 110, "disarm": 111, "gumbel-rao": 112,
      "rebar-auto": 113, "measure-valued": 114, "indecater": 115, "relax": 116, "lax": 117,
      "unordered-set": 118, "reinmax": 119, "arms": 120,
    ]
    for kind in EstimatorKind.allCases {
      #expect(pinned[kind.rawValue] == kind.forwardStreamIndex, "\(kind)")
    }
    // 0 the outcomes', 1...20 the estimates', 1000 the VAE's estimated ELBO.
    let taken = Set(EstimatorRegistry.all.map(\.stream) + [ChunkWork.outcomeStream, 1000])
    #expect(taken.isDisjoint(with: forward))
  }

  @Test("a forward tally is the same at 1 and 3 threads, and grown live in slices")
  func threadIndependent() throws {
    let problem = OverviewSections.builtIns[0].scenario.problem
    for kind in [EstimatorKind.straightThrough, .gumbelSoftmax, .rloo, .unorderedSet] {
      let plan = ChunkPlan(samples: 5_000, chunkSize: 1_024)
      let one = HeadlessRunner.forward(kind, problem: problem, plan: plan, seed: 9, threads: 1)
      let three = HeadlessRunner.forward(kind, problem: problem, plan: plan, seed: 9, threads: 3)
      #expect(one != nil && one == three, "\(kind)")
      let cell = try #require(ForwardCell(problem: problem, kind: kind, seed: 9, chunkSize: 1_024))
      for step in [64, 640, 1_984, 2_312] { cell.advance(by: step) }
      #expect(cell.result() == one, "\(kind) grown in slices")
    }
    #expect(ForwardSampler(problem: problem, kind: .exact) == nil, "the exact row samples nothing")
  }

  @Test("the hard-sample methods' forward points follow p; Gumbel-softmax's are never outcomes")
  func forwardPoints() throws {
    let problem = OverviewSections.builtIns[0].scenario.problem
    let plan = ChunkPlan(samples: 16_384)
    for kind in [EstimatorKind.scoreFunction, .straightThrough, .rebar, .argmax, .relax] {
      let tally = try #require(
        HeadlessRunner.forward(kind, problem: problem, plan: plan, seed: 7, threads: 2))
      // One point per pass, each an outcome; its frequencies within 5 standard errors of p
      // (computed here: softmax of the built-in's logits).
      #expect(tally.points == 16_384 && tally.offOutcomes == 0, "\(kind)")
      let weights = [1, 0, -0.5, -0.5].map(exp)
      let p = weights.map { $0 / weights.reduce(0, +) }
      for (count, pk) in zip(tally.histogram.counts, p) {
        let se = (pk * (1 - pk) / 16_384).squareRoot()
        #expect(abs(Double(count) / 16_384 - pk) < 5 * se, "\(kind)")
      }
    }
    let relaxed = try #require(
      HeadlessRunner.forward(.gumbelSoftmax, problem: problem, plan: plan, seed: 7, threads: 2))
    #expect(relaxed.offOutcomes == relaxed.points && relaxed.outcomeFraction == 0)
  }
}
