import SampleGradCore
import SampleGradEngine

/// What a key press asks of the outside world. The explorer never talks to the engine or the
/// file system itself, so its key handling is a pure function tests can check.
package enum ExplorerEffect: Sendable, Equatable {
  /// Forward a command to the live statistics.
  case send(EngineCommand)
  /// Forward a command to the job of a full-screen view (or open or close the view).
  case job(JobCommand)
  /// Load this preset's file and send `.load` with it (or call `show(message:)` on failure).
  case loadPreset(PresetSummary)
  /// Write the files of the view on screen (`Explorer.export(_:width:height:stamp:)`) and say
  /// where.
  case export
  /// Leave the explorer and restore the terminal.
  case quit
}
