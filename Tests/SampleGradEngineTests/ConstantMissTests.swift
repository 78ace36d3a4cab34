import SampleGradCore
import Testing

@testable import SampleGradEngine

/// Issue 21, fault 9: inside the documented domain (a gaussian at mean 1e17), measure-valued
/// returned exactly 0 for 100,000 samples, a bias of -100%, and the verdict said "too few
/// samples". A constant miss is now the bias the estimates show, and an estimator theory calls
/// unbiased gets a note saying why it happened.
@Suite("Constant misses")
struct ConstantMissTests {
  @Test("measure-valued at mean 1e17: a constant miss, with precision named as the cause")
  func precisionLost() throws {
    // std 1 against doubles 16 apart near 1e17: mean +- std W rounds to the mean.
    let scenario = try Scenario(
      name: "far", estimators: [.exact, .measureValued],
      distribution: .gaussian(mean: 1e17, std: 1), objective: .quadratic(target: [0]))
    let run = try HeadlessRunner.run(scenario, samples: 100_000, seed: 7)
    let measureValued = run.estimators[1]
    for summary in measureValued.summaries {
      #expect(summary.verdict == .constant(value: 0, percent: -100))
      #expect(summary.verdict.isBiased)
    }
    let note = try #require(ConstantMiss.note(for: measureValued, in: run))
    #expect(
      note.hasPrefix("measure-valued: every estimate the same though theory calls it unbiased"))
    #expect(note.contains("precision lost, doubles near 1.00e+17 are 16 apart"))
    #expect(ConstantMiss.note(for: run.estimators[0], in: run) == nil)
    #expect(RunTable.render(run).contains(note))
    #expect(RunReport.json(run).render().contains("\"note\": \"measure-valued: every estimate"))
  }

  @Test("a rare outcome not drawn: a constant miss, with the outcome's rarity as the cause")
  func rareOutcome() throws {
    // Only the fourth category (p = 8e-7) has a reward: 1,500 draws never see it, and the
    // score function's every estimate is 0.
    let scenario = try Scenario(
      name: "rare", estimators: [.scoreFunction],
      distribution: .categorical(logits: [0, 0, 0, -14], temperature: 0.5),
      objective: .linear(weights: [0, 0, 0, 10]))
    let run = try HeadlessRunner.run(scenario, samples: 1500, seed: 7)
    #expect(run.estimators[0].summaries.allSatisfy { $0.verdict.name == "constant" })
    let note = try #require(ConstantMiss.note(for: run.estimators[0], in: run))
    #expect(note.contains("the outcomes that carry its gradient were not drawn in 1,500 samples"))
  }

  @Test("argmax's constant 0 is the bias theory predicts: no note")
  func theoryPredictsIt() throws {
    let scenario = try Scenario(
      name: "argmax", estimators: [.argmax],
      distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
      objective: .quadratic(target: [0, 0, 1, 0]))
    let run = try HeadlessRunner.run(scenario, samples: 1000, seed: 7)
    #expect(run.estimators[0].summaries[0].verdict.name == "constant")
    #expect(ConstantMiss.note(for: run.estimators[0], in: run) == nil)
  }
}
