import SampleGradCore
import SampleGradEngine

/// The overview view's keys: `o` opens it, ↑↓ choose the method whose evidence is spelled
/// out, ←→ the parameter the numbers are for, space pauses the refinement, Escape or `o` goes
/// back.
extension Explorer {
  /// What the overview's keys do, for its footer.
  static let overviewKeys: [ViewKey] = [
    ViewKey("↑↓", ascii: "j/k", "method", priority: 1),
    ViewKey("←→", ascii: "h/l", "parameter", priority: 2),
    ViewKey("space", "pause", priority: 3),
    ViewKey("Esc", "back", priority: 0),
    ViewKey("q", "quit", priority: 0),
  ]

  /// `o`: the overview of the scenario as it is on screen.
  mutating func openOverview() -> [ExplorerEffect] {
    overlay = .overview(OverviewView())
    return [.job(.overview(.open))]
  }

  mutating func handleOverview(_ key: Key, view: OverviewView, snapshot: Snapshot)
    -> [ExplorerEffect]
  {
    let table = snapshot.overview.flatMap { $0.isOpen ? $0.overview(component: 0) : nil }
    var view = view
    switch key {
    case .character(" "):
      return [.job(.overview(.togglePause))]
    case .escape, .character("o"):
      overlay = .none
      return [.job(.overview(.close))]
    case .character("q"):
      return [.quit]
    default:
      switch KeyMap.navigation(key) {
      case .up: view = table.map { view.moved(by: -1, in: $0) } ?? view
      case .down: view = table.map { view.moved(by: 1, in: $0) } ?? view
      case .first: view = table.map { view.moved(by: -Int.max / 2, in: $0) } ?? view
      case .last: view = table.map { view.moved(by: Int.max / 2, in: $0) } ?? view
      case .previous: selectedParameter = max(selectedParameter - 1, 0)
      case .next: selectedParameter = Self.clamp(selectedParameter + 1, snapshot)
      case .pageUp, .pageDown, nil:
        let ascii = options.ascii
        message =
          "\(Glyphs.of(ascii: ascii).upDown) choose a method, "
          + "\(Glyphs.of(ascii: ascii || tour != nil).leftRight) a "
          + "parameter, \(pauseKey) pauses, Esc returns"
      }
    }
    overlay = .overview(view)
    return []
  }
}
