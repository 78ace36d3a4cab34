import SampleGradCore
import Testing

@testable import SampleGradEngine

/// The engine's numbers driven synchronously: commands, batches and snapshots, no threads.
@Suite("Engine state")
struct EngineStateTests {
  static let scenario = try! Scenario(
    name: "t", estimators: [.exact, .scoreFunction, .gumbelSoftmax, .rebar],
    distribution: .categorical(logits: [1, 0.5, -0.5, 0], temperature: 0.5),
    objective: .quadratic(target: [0, 0, 1, 0]))

  @Test("a batch draws samples for the histogram and every enabled estimator")
  func stepDraws() {
    var state = EngineState(scenario: Self.scenario)
    state.step(samples: 500)
    let snap = state.snapshot()
    #expect(snap.samples == 500)
    #expect(snap.relaxedRows.count == 1)
    #expect(snap.relaxedMean.count == 4)
    let rows = Dictionary(uniqueKeysWithValues: snap.estimators.map { ($0.kind, $0) })
    #expect(rows[.scoreFunction]?.samples == 500)
    #expect(rows[.straightThrough]?.isEnabled == false)
    #expect(rows[.straightThrough]?.samples == 0)
    #expect(rows[.reparameterization] == nil)
  }

  @Test("changing a parameter starts fresh statistics but keeps the variance history")
  func parameterChangeKeepsHistory() {
    var state = EngineState(scenario: Self.scenario)
    state.step(samples: 200)
    state.recordHistory()
    let generation = state.generation
    let accepted1 = state.apply(.nudgeParameter(index: 0, delta: 0.1))
    #expect(accepted1)
    let snap = state.snapshot()
    #expect(snap.samples == 0)
    #expect(snap.generation == generation + 1)
    #expect(snap.distribution.parameters[0] == 1.1)
    let rebar = snap.estimators.first { $0.kind == .rebar }
    #expect(rebar?.samples == 0)
    #expect(rebar?.varianceHistory.count == 1)
    #expect(snap.historyMarks.count == 1)
  }

  @Test("the temperature scales by 1.25 and stops at its bounds with a message")
  func temperatureBounds() {
    var state = EngineState(scenario: Self.scenario)
    let accepted2 = state.apply(.scaleTemperature(by: 1.25))
    #expect(accepted2)
    #expect(state.scenario.distribution.temperature == 0.625)
    let accepted3 = state.apply(.setTemperature(0.01))
    #expect(accepted3)
    let accepted4 = state.apply(.scaleTemperature(by: 0.8))
    #expect(!accepted4)
    #expect(state.message?.contains("minimum") == true)
    let accepted5 = state.apply(.setTemperature(-1))
    #expect(!accepted5)
    #expect(state.scenario.distribution.temperature == 0.01)
  }

  @Test("a NaN or non-positive value is refused and the state is kept")
  func refusesBadValues() throws {
    var gaussian = EngineState(
      scenario: try Scenario(
        name: "g", distribution: .gaussian(mean: 1, std: 1), objective: .quadratic(target: [0])))
    let accepted6 = gaussian.apply(.setParameter(index: 1, value: 0))
    #expect(!accepted6)
    #expect(gaussian.message?.contains("std") == true)
    let accepted7 = gaussian.apply(.setParameter(index: 0, value: .nan))
    #expect(!accepted7)
    #expect(gaussian.scenario.distribution.spec == .gaussian(mean: 1, std: 1))
    let accepted8 = gaussian.apply(.scaleTemperature(by: 1.25))
    #expect(!accepted8)
  }

  @Test("estimators toggle; ones that do not apply are refused")
  func toggles() {
    var state = EngineState(scenario: Self.scenario)
    let accepted9 = state.apply(.toggleEstimator(.straightThrough))
    #expect(accepted9)
    #expect(state.snapshot().estimators.first { $0.kind == .straightThrough }?.isEnabled == true)
    let accepted10 = state.apply(.toggleEstimator(.reparameterization))
    #expect(!accepted10)
  }

  @Test("loading a scenario replaces everything")
  func load() throws {
    var state = EngineState(scenario: Self.scenario)
    state.step(samples: 100)
    let bernoulli = try Scenario(
      name: "b", distribution: .bernoulli(logOdds: 0, temperature: 0.5),
      objective: .quadratic(target: [0.45]))
    state.apply(.load(bernoulli))
    let snap = state.snapshot()
    #expect(snap.scenario.name == "b")
    #expect(snap.samples == 0)
    #expect(snap.probabilities.count == 2)
    #expect(snap.estimators.allSatisfy { $0.varianceHistory.isEmpty })
  }

  @Test("reset forgets statistics, not parameters")
  func reset() {
    var state = EngineState(scenario: Self.scenario)
    state.apply(.setTemperature(2))
    state.step(samples: 100)
    state.apply(.resetStatistics)
    #expect(state.snapshot().samples == 0)
    #expect(state.scenario.distribution.temperature == 2)
  }
}

@Suite("Engine state: steps, restore and the variance history")
struct EngineHistoryTests {
  static let gaussian = try! Scenario(
    name: "g", distribution: .gaussian(mean: 1, std: 1), objective: .quadratic(target: [0]))

  @Test("ten steps down a std reach 0.107 then stop at 0.01 with a message, never residue")
  func stdSteps() {
    var state = EngineState(scenario: Self.gaussian)
    for _ in 0..<10 { state.apply(.stepParameter(index: 1, up: false, size: .small)) }
    #expect(abs(state.scenario.distribution.parameters[1] - 0.1073741824) < 1e-12)
    for _ in 0..<20 { state.apply(.stepParameter(index: 1, up: false, size: .small)) }
    #expect(state.scenario.distribution.parameters[1] == 0.01)
    let accepted = state.apply(.stepParameter(index: 1, up: false, size: .small))
    #expect(!accepted)
    #expect(state.message == "std cannot go below 0.01")
    for _ in 0..<10 { state.apply(.stepParameter(index: 0, up: false, size: .small)) }
    #expect(state.scenario.distribution.parameters[0] == 0)
  }

  @Test("0 restores the parameters and the temperature the scenario was loaded with")
  func restore() {
    var state = EngineState(scenario: EngineStateTests.scenario)
    state.apply(.stepParameter(index: 3, up: false, size: .large))
    state.apply(.scaleTemperature(by: 0.8))
    #expect(state.scenario.distribution != EngineStateTests.scenario.distribution)
    let restored = state.apply(.restoreParameters)
    #expect(restored)
    #expect(state.scenario.distribution == EngineStateTests.scenario.distribution)
    let again = state.apply(.restoreParameters)
    #expect(!again)
    #expect(state.message == "the parameters are the preset's already")
  }

  @Test("a change is a mark in the history; rows restart and rejoin after 1,000 estimates")
  func marks() {
    var state = EngineState(scenario: EngineStateTests.scenario)
    state.step(samples: 2000)
    state.recordHistory()
    state.apply(.scaleTemperature(by: 0.8))
    state.apply(.scaleTemperature(by: 0.8))
    state.step(samples: 500)
    state.recordHistory()
    state.step(samples: 1000)
    state.recordHistory()
    let snapshot = state.snapshot()
    #expect(snapshot.historySamples == [2000, 2500, 3500])
    #expect(snapshot.historyMarks.count == 1)
    let mark = snapshot.historyMarks[0]
    #expect(mark.point == 1)
    #expect(mark.before.temperature == 0.5)
    #expect(abs((mark.after.temperature ?? 0) - 0.32) < 1e-12)
    let rebar = snapshot.estimators.first { $0.kind == .rebar }!
    #expect(rebar.varianceHistory.map(\.count) == [4, 0, 4])
    let off = snapshot.estimators.first { $0.kind == .straightThrough }!
    #expect(off.varianceHistory.allSatisfy(\.isEmpty) && off.varianceHistory.count == 3)
  }

  @Test("r clears the statistics and the history, marks included")
  func resetClearsHistory() {
    var state = EngineState(scenario: EngineStateTests.scenario)
    state.step(samples: 2000)
    state.recordHistory()
    state.apply(.scaleTemperature(by: 0.8))
    state.step(samples: 2000)
    state.recordHistory()
    state.apply(.resetStatistics)
    let snapshot = state.snapshot()
    #expect(snapshot.historySamples.isEmpty && snapshot.historyMarks.isEmpty)
    #expect(snapshot.estimators.allSatisfy { $0.varianceHistory.isEmpty && $0.samples == 0 })
    #expect(snapshot.distribution.temperature == 0.4)
  }

  @Test("the history keeps its last 480 points, marks moving with them")
  func capacity() {
    var state = EngineState(scenario: EngineStateTests.scenario)
    for i in 0..<540 {
      if i == 10 || i == 500 { state.apply(.scaleTemperature(by: 1.25)) }
      state.step(samples: 1000)
      state.recordHistory()
    }
    let snapshot = state.snapshot()
    #expect(snapshot.historySamples.count == VarianceHistory.capacity)
    #expect(snapshot.historyMarks.map(\.point) == [500 - 60])
    #expect(snapshot.estimators.allSatisfy { $0.varianceHistory.count == VarianceHistory.capacity })
  }
}
