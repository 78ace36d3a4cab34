import Dispatch
import SampleGradCore

/// The digits VAE without a screen (`samplegrad run` and `train` on a model preset, `bench`,
/// tests): lanes (or estimators) are spread over the workers and results land in the given
/// order; each depends on the seed and its estimator only, so the output is the same at any
/// thread count.
package enum VAERunner {
  /// Every lane of the race from `start` to the last step.
  package static func train(
    _ setup: VAERaceSetup, start: VAEParameters, threads: Int = 1
  ) -> [VAELaneResult] {
    let kinds = setup.estimators
    let workers = max(1, min(threads, kinds.count))
    // The lanes' shared step-0 point, once (exact metrics over 2^D states per image: at
    // D = 16, once per lane made `train --steps 1` take ten seconds).
    let first = kinds.first.map {
      VAEMetrics.point(VAELane(kind: $0, setup: setup, start: start), seed: setup.seed)
    }
    // Lanes cost unequal time (the exact lane most): each worker takes the next lane not yet
    // taken. Which worker runs a lane never changes its numbers.
    let next = LockedValue(0)
    return OrderedResults<VAELaneResult>.collect(count: kinds.count, workers: workers) {
      _, results in
      while true {
        let index = next.withLock { n in
          defer { n += 1 }
          return n
        }
        guard index < kinds.count else { return }
        results.put(
          VAELaneResult.race(kinds[index], setup: setup, start: start, first: first), at: index)
      }
    }
  }

  /// Each estimator's encoder-gradient statistics on `rows` at `parameters`.
  package static func measure(
    _ preset: VAEPreset, parameters: VAEParameters, rows: [Int], samples: Int,
    threads: Int = 1
  ) throws(InvalidScenario) -> (exact: ExactSolution, estimators: [VAEEstimatorRun]) {
    let exact = VAEExact(parameters).batch(DigitsData.training, rows: rows)
    let reference = VAEGradientStatistics.encoderBlock(exact.gradient, parameters)
    let kinds = preset.race.estimators
    let workers = max(1, min(threads, kinds.count))
    let runs = OrderedResults<Result<VAEEstimatorRun, InvalidScenario>>.collect(
      count: kinds.count, workers: workers
    ) { worker, results in
      for index in stride(from: worker, to: kinds.count, by: workers) {
        let kind = kinds[index]
        do throws(InvalidScenario) {
          let r = try VAEGradientStatistics.measure(
            kind, parameters: parameters, rows: rows, samples: samples, seed: preset.race.seed,
            temperature: preset.race.temperature, options: preset.race.options,
            reference: reference)
          results.put(
            .success(
              VAEEstimatorRun(
                kind: kind, moments: r.moments, evaluations: r.evaluations,
                diagnostics: r.diagnostics)), at: index)
        } catch {
          results.put(.failure(error), at: index)
        }
      }
    }
    var estimators: [VAEEstimatorRun] = []
    for run in runs {
      switch run {
      case .success(let r): estimators.append(r)
      case .failure(let error): throw error
      }
    }
    return (exact, estimators)
  }
}
