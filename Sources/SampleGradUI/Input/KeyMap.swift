import SampleGradCore

/// The main screen's keys in one table: the explorer, the help overlay and the footer all
/// read it, so what is documented is what is bound.
package enum KeyMap {
  /// `]` multiplies the temperature by this, `[` divides by it.
  package static let temperatureFactor = 1.25

  /// A move along a list or a cursor, whatever view it is in.
  enum Navigation: Sendable, Equatable {
    /// ← or h, → or l.
    case previous, next
    /// ↑ or k, ↓ or j.
    case up, down
    /// Home, End.
    case first, last
    /// PgUp, PgDn.
    case pageUp, pageDown
  }

  /// The move `key` stands for: the arrows and their vim letters, Home, End, PgUp and PgDn.
  /// Every view with a list or a cursor reads its moves here, after its own keys (so a
  /// filter being typed keeps its letters), and binds only the moves it has. The main screen
  /// adds g and G for the first and the last parameter.
  static func navigation(_ key: Key) -> Navigation? {
    switch key {
    case .left, .character("h"): .previous
    case .right, .character("l"): .next
    case .up, .character("k"): .up
    case .down, .character("j"): .down
    case .home: .first
    case .end: .last
    case .pageUp: .pageUp
    case .pageDown: .pageDown
    default: nil
    }
  }

  /// The keys every view shares, which the explorer takes before the view on screen: `?`
  /// (that view's help), `x` (its export) and `q`.
  static func common(_ key: Key) -> ExplorerAction? {
    switch key {
    case .character("?"): .openHelp
    case .character("x"): .export
    case .character("q"): .quit
    default: nil
    }
  }

  /// The action of `key` on the main screen (no overlay open), if any.
  package static func action(for key: Key) -> ExplorerAction? {
    if let common = common(key) { return common }
    if let move = navigation(key) { return action(for: move) }
    switch key {
    case .escape: return .escape
    case .tab: return .nextLogit
    case .interrupt: return .quit
    case .character(let c): return action(for: c)
    default: return nil
    }
  }

  /// The main screen's moves: ←→ select a parameter, ↑↓ change it, PgUp PgDn by more.
  private static func action(for move: Navigation) -> ExplorerAction {
    switch move {
    case .previous: .selectPrevious
    case .next: .selectNext
    case .first: .selectFirst
    case .last: .selectLast
    case .up: .stepParameter(up: true, size: .small)
    case .down: .stepParameter(up: false, size: .small)
    case .pageUp: .stepParameter(up: true, size: .large)
    case .pageDown: .stepParameter(up: false, size: .large)
    }
  }

  private static func action(for c: Character) -> ExplorerAction? {
    if let view = ViewRegistry.name(openedBy: c) { return .openView(view) }
    switch c {
    // Home and End as vim spells them, on the main screen only.
    case "g": return .selectFirst
    case "G": return .selectLast
    case "0": return .restoreParameters
    case "[": return .scaleTemperature(1 / temperatureFactor)
    case "]": return .scaleTemperature(temperatureFactor)
    case " ": return .togglePause
    case "s": return .step
    case "r": return .resetStatistics
    case "m": return .pin
    case "M": return .unpin
    case "L": return .toggleLesson
    case "c": return .cycleView
    case "e": return .openEstimators
    case "p": return .openPresets
    case "t": return .promptTemperature
    case "=", "v": return .promptParameter
    case "A": return .promptEveryLogit
    case "d": return .toggleComponent
    case "O": return .openOptions
    case "1"..."9": return .toggleEstimator(row: Int(String(c))! - 1)
    default: return nil
    }
  }

  /// One hint of the footer.
  struct FooterItem: Sendable, Equatable {
    let keys: String
    let text: String
    /// Lower is more important; the footer drops the highest first.
    let priority: Int
  }

  /// The footer's hints, most important first: the footer drops from the end of this
  /// priority order until the rest fit, keeping the screen order. A gaussian has no
  /// temperature, so its footer leaves those keys out; with a std selected the arrows scale;
  /// on a screen with every pane in view `c` has nothing to cycle. On D variables (`variables`)
  /// the arrows select a variable, and Tab (a categorical's logit) and `d` (the selected
  /// component's columns) come after them.
  static func footer(
    ascii: Bool, hasTemperature: Bool = true, scalesSelection: Bool = false,
    cyclesMiddle: Bool = true, variables: VariableSelection? = nil
  ) -> [FooterItem] {
    let g = Glyphs.of(ascii: ascii)
    let step = scalesSelection ? (ascii ? "x/1.25" : "×1.25") : g.plusMinus + "0.1"
    let all =
      [
        FooterItem(keys: g.leftRight, text: "select", priority: 0),
        FooterItem(keys: g.upDown, text: step, priority: 1),
        FooterItem(keys: "[ ]", text: "temp", priority: 2),
        FooterItem(keys: "m", text: "pin", priority: 3),
        FooterItem(keys: "1-9 e", text: "estimators", priority: 5),
        FooterItem(keys: "space", text: "pause", priority: 6),
        FooterItem(keys: "c", text: "view", priority: 9),
        FooterItem(keys: "L", text: "lesson", priority: 8),
        FooterItem(keys: "0", text: "restore", priority: 10),
        FooterItem(keys: "r", text: "reset", priority: 10),
      ] + ViewRegistry.footerItems + [
        FooterItem(keys: "p", text: "presets", priority: 7),
        FooterItem(keys: "x", text: "export", priority: 12),
        FooterItem(keys: "?", text: "help", priority: 4),
        FooterItem(keys: "q", text: "quit", priority: 0),
      ]
    let shown = all.filter {
      (hasTemperature || $0.text != "temp") && (cyclesMiddle || $0.keys != "c")
    }
    guard let variables, variables.isMany else { return shown }
    return manyVariables(shown, variables)
  }

  /// The footer on D variables: "variable" for the arrows, then Tab and `d`.
  private static func manyVariables(_ items: [FooterItem], _ variables: VariableSelection)
    -> [FooterItem]
  {
    var items = items
    items[0] = FooterItem(keys: items[0].keys, text: "variable", priority: 0)
    var added = [FooterItem(keys: "d", text: "component", priority: 3)]
    if !variables.isBits {
      added.insert(FooterItem(keys: "Tab", text: "logit", priority: 2), at: 0)
    }
    items.insert(contentsOf: added, at: 2)
    return items
  }
}
