import Dispatch
import SampleGradCore

/// Runs a training race to the end without a screen (`samplegrad train`, `bench`, tests):
/// the lanes are spread over the workers, each worker building its own lanes from the shared
/// setup. A lane's numbers depend on the seed and its estimator only, and results land in
/// the scenario's order, so the output is the same at any thread count.
package enum TrainingRunner {
  package static func run(_ setup: RaceSetup, threads: Int = 1) -> TrainingResult {
    let kinds = setup.scenario.estimators
    let workers = max(1, min(threads, kinds.count))
    let lanes = OrderedResults<LaneResult>.collect(count: kinds.count, workers: workers) {
      worker, lanes in
      for index in stride(from: worker, to: kinds.count, by: workers) {
        // The scenario checked that its estimators apply.
        var race = try! TrainingRace(setup: setup, estimators: [kinds[index]])
        race.finish()
        lanes.put(race.result().lanes[0], at: index)
      }
    }
    return TrainingResult(setup: setup, lanes: lanes)
  }
}
