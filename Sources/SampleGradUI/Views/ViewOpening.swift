import SampleGradCore

/// What a view opens on: the scenario as it is on screen (or a tour step's, before the engine
/// has loaded it), its enabled rows, the seed, and the selected parameter.
struct ViewRequest: Sendable {
  let scenario: Scenario
  let enabled: [EstimatorKind]
  let seed: UInt64
  let selectedParameter: Int
}

/// A view opened, with the effects that start its job, or a refusal.
enum ViewOpening: Sendable {
  case opened(any ViewController, [ExplorerEffect])
  /// Why the view cannot open here, for the status line.
  case refused(String)
}

/// Why a view cannot open on a scenario, as the status line says it.
struct ViewRefusal: Error, Sendable {
  let message: String

  init(_ message: String) { self.message = message }
}
