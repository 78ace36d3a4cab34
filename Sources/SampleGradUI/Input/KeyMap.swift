/// The main screen's keys in one table: the explorer, the help overlay and the footer all
/// read it, so what is documented is what is bound.
public enum KeyMap {
  /// Step of ↑↓ (and k/j), and of PgUp/PgDn.
  public static let smallStep = 0.1
  public static let largeStep = 1.0
  /// `]` multiplies the temperature by this, `[` divides by it.
  public static let temperatureFactor = 1.25

  /// The action of `key` on the main screen (no overlay open), if any.
  public static func action(for key: Key) -> ExplorerAction? {
    switch key {
    case .left: return .selectPrevious
    case .right: return .selectNext
    case .up: return .nudge(smallStep)
    case .down: return .nudge(-smallStep)
    case .pageUp: return .nudge(largeStep)
    case .pageDown: return .nudge(-largeStep)
    case .escape: return .escape
    case .interrupt: return .quit
    case .character(let c): return action(for: c)
    default: return nil
    }
  }

  private static func action(for c: Character) -> ExplorerAction? {
    switch c {
    case "h": return .selectPrevious
    case "l": return .selectNext
    case "k": return .nudge(smallStep)
    case "j": return .nudge(-smallStep)
    case "[": return .scaleTemperature(1 / temperatureFactor)
    case "]": return .scaleTemperature(temperatureFactor)
    case " ": return .togglePause
    case "s": return .step
    case "r": return .resetStatistics
    case "p": return .openPresets
    case "?": return .openHelp
    case "T": return .openRace
    case "t": return .promptTemperature
    case "=", "v": return .promptParameter
    case "q": return .quit
    case "1"..."9": return .toggleEstimator(row: Int(String(c))! - 1)
    default: return nil
    }
  }

  /// One line of the help overlay.
  struct Entry: Sendable {
    let keys: String
    let asciiKeys: String
    let text: String

    init(_ keys: String, _ asciiKeys: String, _ text: String) {
      self.keys = keys
      self.asciiKeys = asciiKeys
      self.text = text
    }

    init(_ keys: String, _ text: String) {
      self.init(keys, keys, text)
    }
  }

  /// Every key, grouped as the help overlay lists them.
  static let help: [(title: String, entries: [Entry])] = [
    (
      "Main screen",
      [
        Entry("← → h l", "Left Right h l", "select a parameter"),
        Entry("↑ ↓ k j", "Up Down k j", "change it by 0.1"),
        Entry("PgUp PgDn", "change it by 1"),
        Entry("= v", "type a value for it"),
        Entry("[ ]", "lower or raise the temperature (x1.25)"),
        Entry("t", "type a temperature"),
        Entry("1 - 9", "turn an estimator row on or off"),
        Entry("space", "pause or resume sampling"),
        Entry("s", "draw one batch (while paused)"),
        Entry("r", "reset the statistics"),
        Entry("p", "pick a preset scenario"),
        Entry("T", "race: train with each estimator"),
        Entry("?", "this help"),
        Entry("q", "quit"),
      ]
    ),
    (
      "Overlays",
      [
        Entry("↑ ↓ j k", "Up Down j k", "move in the preset list"),
        Entry("Enter", "load the preset, or set the typed value"),
        Entry("Esc", "close the overlay or cancel the prompt"),
      ]
    ),
  ]

  /// The footer's hints, most important first: the footer drops from the end of this
  /// priority order until the rest fit, keeping the screen order.
  /// A gaussian has no temperature, so its footer leaves those keys out.
  static func footer(ascii: Bool, hasTemperature: Bool = true) -> [(
    keys: String, text: String, priority: Int
  )] {
    let all: [(keys: String, text: String, priority: Int)] = [
      (ascii ? "h/l" : "←→", "select", 0),
      (ascii ? "j/k" : "↑↓", ascii ? "+-0.1" : "±0.1", 1),
      ("[ ]", "temp", 2),
      ("t", "type temp", 8),
      ("=", "type value", 9),
      ("1-9", "estimators", 3),
      ("space", "pause", 4),
      ("s", "step", 10),
      ("r", "reset", 7),
      ("p", "presets", 6),
      ("T", "race", 7),
      ("?", "help", 5),
      ("q", "quit", 0),
    ]
    return hasTemperature ? all : all.filter { !$0.text.contains("temp") }
  }
}
