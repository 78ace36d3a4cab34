import Dispatch
import SampleGradCore

/// Runs a whole sweep without a screen (`samplegrad sweep`, `bench`, tests): every point,
/// estimator and chunk is one piece of work, spread over `threads` workers.
///
/// Point `i`, estimator `e`, chunk `c` draws from stream `(seed, e, c)` exactly as
/// `HeadlessRunner.estimate` does at the scenario of point `i`, and the chunks of a point are
/// merged in chunk order, so each point's numbers equal `samplegrad run`'s at that setting,
/// bit for bit, whatever the thread count. Pieces are handed out in order to whichever worker
/// is free (points and chunks differ in cost), and each result lands in its own slot.
package enum SweepRunner {
  package static func run(
    _ plan: SweepPlan, samples: Int, seed: UInt64, threads: Int = 1
  ) -> SweepResult {
    let chunks = ChunkPlan(samples: samples)
    let problems = plan.scenarios.map(\.problem)
    let kinds = plan.estimators
    let perPoint = kinds.count * chunks.chunkCount
    let pieces = problems.count * perPoint
    let next = LockedValue(0)
    let parts = OrderedResults<EstimatorPart>.collect(
      count: pieces, workers: max(1, min(threads, pieces))
    ) { _, parts in
      // A worker keeps the sampler of its last (point, estimator): consecutive pieces are
      // usually the chunks of the same one.
      var cached: (key: Int, sampler: GradientSampler)?
      while true {
        let piece = next.withLock { n -> Int in
          defer { n += 1 }
          return n
        }
        guard piece < pieces else { break }
        let key = piece / chunks.chunkCount
        let chunk = piece % chunks.chunkCount
        let sampler: GradientSampler
        if let cached, cached.key == key {
          sampler = cached.sampler
        } else {
          // The plan checked that every estimator applies at every point.
          sampler = try! GradientSampler(
            problem: problems[key / kinds.count], kind: kinds[key % kinds.count])
          cached = (key, sampler)
        }
        let part = ChunkWork.estimates(
          sampler: sampler, seed: seed, chunk: chunk, count: chunks.size(ofChunk: chunk))
        parts.put(
          EstimatorPart(moments: part.moments, diagnostics: part.diagnostics), at: piece)
      }
    }
    let points = problems.enumerated().map { p, problem in
      let estimators = kinds.enumerated().map { e, kind in
        let first = (p * kinds.count + e) * chunks.chunkCount
        let own = parts[first..<(first + chunks.chunkCount)]
        var total = RunningMoments(dimension: problem.dimension)
        for part in own { total.merge(part.moments) }
        return EstimatorResult(
          kind: kind, moments: total, diagnostics: own.last?.diagnostics ?? [], problem: problem)
      }
      // The value the point's scenario holds (a dimension rounds to a whole number).
      let value = plan.setting.value(in: plan.scenarios[p]) ?? plan.grid.value(p)
      return SweepPoint(value: value, exact: problem.exact, estimators: estimators)
    }
    return SweepResult(plan: plan, seed: seed, samples: samples, points: points)
  }
}
