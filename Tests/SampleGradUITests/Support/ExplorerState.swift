import SampleGradEngine

@testable import SampleGradUI

/// What the tests ask of the explorer's routing.
extension Explorer {
  /// The live statistics on screen, nothing over them.
  var onLive: Bool { overlay == .none && viewName == LiveView.name }

  /// The open view as a `V`, if that is the one on screen.
  func open<V: ViewController>(_ type: V.Type) -> V? { view as? V }

  /// Everything a key can change on screen besides the selection, message and tour: the
  /// overlay and the open view's own state.
  var screenState: String { "\(overlay) \(String(describing: view))" }

  /// The help pages of the view on screen for `snapshot`.
  func helpPages(_ snapshot: Snapshot) -> [HelpPage] {
    current.help(renderContext(snapshot, theme: Theme(options: options)))
  }
}
