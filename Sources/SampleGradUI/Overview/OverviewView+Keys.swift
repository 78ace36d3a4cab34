import SampleGradCore
import SampleGradEngine

/// The overview view's keys: `o` opens it, ↑↓ choose the method whose evidence is spelled
/// out, ←→ the parameter the numbers are for, space pauses the refinement, Escape or `o` goes
/// back.
extension OverviewView {
  static let name = "overview"
  static let launcher: ViewLauncher? = ViewLauncher(
    key: "o", help: "overview: every method in the classic table, measured", footer: "overview",
    footerPriority: 11)

  /// What the overview's keys do, for its footer.
  static let keys: [ViewKey] = [
    ViewKey("↑↓", ascii: "j/k", "method", priority: 1),
    ViewKey("←→", ascii: "h/l", "parameter", priority: 2),
    ViewKey("space", "pause", priority: 3),
    ViewKey("Esc", "back", priority: 0),
    ViewKey("?", "help", priority: 3),
    ViewKey("x", "export", priority: 4),
    ViewKey("q", "quit", priority: 0),
  ]

  /// `o`: the overview of the scenario as it is on screen.
  static func open(_ request: ViewRequest) -> ViewOpening {
    .opened(OverviewView(), [.job(.overview(.open))])
  }

  mutating func handle(_ key: Key, _ context: inout ViewContext) -> [ExplorerEffect] {
    let snapshot = context.snapshot
    let table = snapshot.overview.flatMap { $0.isOpen ? $0.overview(component: 0) : nil }
    switch key {
    case .character(" "):
      return [.job(.overview(.togglePause))]
    case .escape, .character("o"):
      context.change = .close
      return [.job(.overview(.close))]
    default:
      switch KeyMap.navigation(key) {
      case .up: self = table.map { moved(by: -1, in: $0) } ?? self
      case .down: self = table.map { moved(by: 1, in: $0) } ?? self
      case .first: self = table.map { moved(by: -Int.max / 2, in: $0) } ?? self
      case .last: self = table.map { moved(by: Int.max / 2, in: $0) } ?? self
      case .previous: context.selectedParameter = max(context.selectedParameter - 1, 0)
      case .next:
        context.selectedParameter = Explorer.clamp(context.selectedParameter + 1, snapshot)
      case .pageUp, .pageDown, nil:
        let ascii = context.options.ascii
        context.message =
          "\(Glyphs.of(ascii: ascii).upDown) choose a method, "
          + "\(Glyphs.of(ascii: ascii || context.tour != nil).leftRight) a "
          + "parameter, \(context.pauseKey) pauses, Esc returns"
      }
    }
    return []
  }

  /// The wheel moves the selected method.
  mutating func handle(_ event: MouseEvent, _ context: inout ViewContext) -> [ExplorerEffect] {
    guard let wheel = event.wheelKey else { return [] }
    return handle(wheel, &context)
  }

  var closing: [ExplorerEffect] { [.job(.overview(.close))] }

  func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
    OverviewScreen(
      view: self, snapshot: context.snapshot, component: context.selectedParameter,
      message: context.message, tour: context.tour
    ).draw(into: &buffer, in: area, theme: context.theme)
  }
}
