import Dispatch
import SampleGradCore

/// Maps the chunks of a plan over `threads` workers and returns the results in chunk order.
///
/// Each worker builds its own state once (a sampler with its buffers) and takes chunks
/// round-robin; results land in their chunk's slot, so the order never depends on timing.
enum ParallelChunks {
  static func map<State, Part: Sendable>(
    plan: ChunkPlan, threads: Int, makeState: @Sendable () -> State,
    work: @Sendable (State, _ chunk: Int, _ count: Int) -> Part
  ) -> [Part] {
    let chunks = plan.chunkCount
    let workers = max(1, min(threads, chunks))
    let slots = LockedValue<[Part?]>([Part?](repeating: nil, count: chunks))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let state = makeState()
      for chunk in stride(from: worker, to: chunks, by: workers) {
        let part = work(state, chunk, plan.size(ofChunk: chunk))
        slots.withLock { $0[chunk] = part }
      }
    }
    return slots.withLock { $0.map { $0! } }
  }
}
