import SampleGradCore

/// Runs every step of a tour headless and evaluates its checks, so a tour's claims stay true
/// as the code changes (`samplegrad tour NAME --check`, and a test for every built-in tour).
package enum TourChecker {
  /// One check's verdict, with where it was made.
  package struct Result: Sendable {
    package let step: Int
    package let stepTitle: String
    package let outcome: CheckOutcome

    /// `PASS  step 3 (A baseline): sfb.variance[0] < 0.1 * sf.variance[0]   0.0689 < 0.0899`.
    package var line: String {
      "\(outcome.passed ? "PASS" : "FAIL")  step \(step) (\(stepTitle)): \(outcome.check)"
        + "   [\(outcome.measured)]"
    }
  }

  /// Every check of every step, in order. Steps without checks are resolved (their settings
  /// must be valid) but not run; a model preset's step runs its race and a `run` at the start.
  package static func check(
    _ tour: Tour, presets: PresetLibrary, threads: Int = 1
  ) throws(InvalidScenario) -> [Result] {
    let scenarios = try tour.scenarios(presets: presets)
    let models = tour.models(presets: presets)
    var results: [Result] = []
    for (i, (step, scenario)) in zip(tour.steps, scenarios).enumerated() where !step.checks.isEmpty
    {
      if let model = models[i] {
        // A model preset's step: its race and a run at the start (`VAECheckContext`).
        let context: VAECheckContext
        do throws(InvalidScenario) {
          context = try VAERunner.checkContext(model, checks: step.checks, threads: threads)
        } catch {
          throw InvalidScenario(key: "step \(i + 1)", error.description)
        }
        for check in step.checks {
          results.append(
            Result(step: i + 1, stepTitle: step.title, outcome: context.evaluate(check)))
        }
        continue
      }
      let samples = scenario.resolvedSamples(step.samples)
      let run: RunResult
      do throws(EstimatorNotApplicable) {
        run = try HeadlessRunner.run(
          scenario, samples: samples, seed: scenario.resolvedSeed(nil),
          threads: threads)
      } catch {
        throw InvalidScenario(key: "step \(i + 1)", error.description)
      }
      for check in step.checks {
        results.append(
          Result(step: i + 1, stepTitle: step.title, outcome: check.evaluate(in: run)))
      }
    }
    return results
  }
}
