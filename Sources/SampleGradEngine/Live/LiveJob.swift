import Dispatch
import SampleGradCore

/// The live statistics as a job: `EngineState` (the numbers) plus the pacing around it, batch
/// sizes that keep a command's wait short, the rate meter and the history's clock.
package struct LiveJob: EngineJob {
  package private(set) var state: EngineState
  private var batch: Int
  private var rate = RateMeter()
  private var lastHistory = DispatchTime.now()
  /// `.step` commands since the last slice: one batch answers them all.
  private var pendingSteps = 0

  package init(state: EngineState, timing: BatchTiming = BatchTiming()) {
    self.state = state
    batch = timing.initialBatch
  }

  package mutating func apply(_ command: EngineCommand) {
    if command == .step { pendingSteps += 1 }
    state.apply(command)
  }

  /// Sampling unless paused; paused, only to answer `.step`.
  package var hasWork: Bool { !state.isPaused || pendingSteps > 0 }

  package mutating func work(timing: BatchTiming) {
    let started = DispatchTime.now()
    state.step(samples: batch)
    let now = DispatchTime.now()
    let seconds = now.seconds(since: started)
    state.setRate(rate.record(samples: batch, seconds: seconds))
    batch = timing.nextBatch(after: batch, took: seconds)
    if now.seconds(since: lastHistory) >= timing.historyInterval || pendingSteps > 0 {
      state.recordHistory()
      lastHistory = now
    }
    pendingSteps = 0
  }

  package mutating func rest() {
    state.setRate(0)
    rate = RateMeter()
  }

  package func publish() -> Snapshot { state.snapshot() }
}
