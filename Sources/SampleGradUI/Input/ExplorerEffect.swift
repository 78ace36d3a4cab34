import SampleGradCore
import SampleGradEngine

/// What a key press asks of the outside world. The explorer never talks to the engine or the
/// file system itself, so its key handling is a pure function tests can check.
public enum ExplorerEffect: Sendable, Equatable {
  /// Forward a command to the engine.
  case send(EngineCommand)
  /// Forward a command to the training race.
  case race(TrainingJobCommand)
  /// Load this preset's file and send `.load` with it (or call `show(message:)` on failure).
  case loadPreset(PresetSummary)
  /// Leave the explorer and restore the terminal.
  case quit
}
