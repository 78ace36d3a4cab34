import SampleGradCore
import SampleGradEngine

/// What a key press asks of the outside world. The explorer never talks to the engine or the
/// file system itself, so its key handling is a pure function tests can check.
package enum ExplorerEffect: Sendable, Equatable {
  /// Forward a command to the engine.
  case send(EngineCommand)
  /// Forward a command to the sweep (or open or close its view).
  case sweep(SweepJobCommand)
  /// Forward a command to the training race (or open or close its view).
  case race(TrainingJobCommand)
  /// Forward a command to the overview (or open or close its view).
  case overview(OverviewJobCommand)
  /// Load this preset's file and send `.load` with it (or call `show(message:)` on failure).
  case loadPreset(PresetSummary)
  /// Write the screen and the numbers to files (`Explorer.export`) and say where.
  case export
  /// Leave the explorer and restore the terminal.
  case quit
}
