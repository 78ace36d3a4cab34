import SampleGradCore
import SampleGradEngine
import Testing

@Suite("Headless training")
struct TrainingRunnerTests {
  @Test("the output is the same bytes at any thread count")
  func threadCountDoesNotMatter() throws {
    let scenario = try PresetLab.load("relax-toy-race")
    let setup = try RaceSetup(
      scenario: scenario, settings: TrainingSettings(steps: 2000), seed: 11, every: 100)
    let one = TrainingRunner.run(setup, threads: 1)
    for threads in [2, 3, 8] {
      let many = TrainingRunner.run(setup, threads: threads)
      #expect(TrainingReport.json(many).render() == TrainingReport.json(one).render())
      #expect(TrainingReport.csv(many) == TrainingReport.csv(one))
    }
    #expect(one.lanes.map(\.kind) == scenario.estimators)
  }

  @Test("a race stepped in pieces equals one run to the end")
  func steppedInPieces() throws {
    let scenario = try PresetLab.load("gaussian-race")
    let setup = try RaceSetup(
      scenario: scenario, settings: scenario.training!, seed: 3, every: 400)
    var race = TrainingRace(setup: setup)
    while !race.isFinished { race.advance(steps: 37) }
    #expect(race.result().lanes == TrainingRunner.run(setup, threads: 2).lanes)
  }
}
