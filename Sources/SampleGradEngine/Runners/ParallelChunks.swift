import Dispatch
import SampleGradCore

/// Runs the chunks of a plan on `threads` workers and folds their results in chunk order.
///
/// The chunks go in waves of a few per worker: each worker builds its own state (a sampler
/// with its buffers) once per wave and takes the wave's chunks round-robin; the wave's
/// results are then folded in chunk order and dropped. Memory stays a few results per
/// worker whatever the sample count, and the fold order, hence every rounding, never
/// depends on timing or on the number of threads.
enum ParallelChunks {
  /// Chunks per worker in one wave: enough to keep the cores busy between two folds.
  static let chunksPerWorker = 8

  static func reduce<State, Part: Sendable, Total>(
    plan: ChunkPlan, threads: Int, into total: Total, makeState: @Sendable () -> State,
    work: @Sendable (State, _ chunk: Int, _ count: Int) -> Part,
    fold: (inout Total, Part) -> Void
  ) -> Total {
    var total = total
    let chunks = plan.chunkCount
    let workers = max(1, min(threads, chunks))
    let waveSize = workers * chunksPerWorker
    var start = 0
    while start < chunks {
      let end = start + min(waveSize, chunks - start)
      let first = start
      let parts = OrderedResults<Part>.collect(
        count: end - start, workers: min(workers, end - start)
      ) { worker, parts in
        let state = makeState()
        for chunk in stride(from: first + worker, to: end, by: workers) {
          parts.put(work(state, chunk, plan.size(ofChunk: chunk)), at: chunk - first)
        }
      }
      for part in parts { fold(&total, part) }
      start = end
    }
    return total
  }
}
