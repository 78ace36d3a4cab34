/// The colours as xterm draws them by default, for what must be judged by eye: the contrast
/// of a chart series against the theme's background (`SeriesPalette`'s test), and the basic
/// colour that stands in for a 256-colour one on a terminal with fewer colours.
extension TerminalColor {
  /// Red, green and blue from 0 to 255 (xterm's defaults; `.default` is nil: the terminal's
  /// own).
  package var rgb: (red: Int, green: Int, blue: Int)? {
    switch self {
    case .default: return nil
    case .black: return (0, 0, 0)
    case .red: return (205, 0, 0)
    case .green: return (0, 205, 0)
    case .yellow: return (205, 205, 0)
    case .blue: return (0, 0, 238)
    case .magenta: return (205, 0, 205)
    case .cyan: return (0, 205, 205)
    case .white: return (229, 229, 229)
    case .gray: return (127, 127, 127)
    case .brightWhite: return (255, 255, 255)
    case .palette(let n):
      if n < 16 { return Self.basic[Int(n) % 8].rgb }
      if n >= 232 {
        let level = 8 + 10 * (Int(n) - 232)
        return (level, level, level)
      }
      let cube = Int(n) - 16
      let levels = [0, 95, 135, 175, 215, 255]
      return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    }
  }

  /// The first eight colours, which every colour terminal has.
  static let basic: [TerminalColor] = [
    .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
  ]

  /// The colour a terminal with fewer than 256 colours draws instead: itself, or for a
  /// `palette` colour the nearest of `basic` (by distance in RGB), never `avoiding` one.
  package func basicFallback(avoiding: Set<TerminalColor> = []) -> TerminalColor {
    guard case .palette = self, let (r, g, b) = rgb else { return self }
    let candidates = Self.basic.filter { !avoiding.contains($0) }
    return candidates.min { a, c in
      distance(a.rgb!, (r, g, b)) < distance(c.rgb!, (r, g, b))
    } ?? .white
  }

  private func distance(
    _ a: (red: Int, green: Int, blue: Int), _ b: (red: Int, green: Int, blue: Int)
  ) -> Int {
    let dr = a.red - b.red
    let dg = a.green - b.green
    let db = a.blue - b.blue
    return dr * dr + dg * dg + db * db
  }
}
