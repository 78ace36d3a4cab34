import SampleGradCore

/// One look per estimator, the same in every view and every preset: its glyph (told apart
/// without colour: mono, `--no-color`, `NO_COLOR`) and its colour in each theme. The slot of
/// an estimator is its place in `EstimatorRegistry.displayOrder`, so a score function is the
/// same green ■ beside a REBAR on a coin as on a categorical.
///
/// The colours are from the 256-colour palette (terminals define 16 to 255 alike, unlike the
/// first 16, which a terminal's theme sets), chosen so that every pair stays apart and each
/// stands out from its background (`SeriesContrastTests` measures both): each has a contrast
/// of at least 4.5 (WCAG's ratio for text) against black and dark gray in the dark theme and
/// against white in the light one, any two differ by a CIEDE2000 distance of 9 or more, and
/// none is near the magenta of the change marks and pinned values. A terminal with fewer
/// colours draws the nearest basic colour that reads on its background (`basicFallback`), and
/// the glyphs still tell the rows apart.
enum SeriesPalette {
  /// The slot of `kind`: its place in the display order (one past the end for an unknown one).
  static func slot(_ kind: EstimatorKind) -> Int {
    EstimatorRegistry.displayOrder.firstIndex(of: kind) ?? EstimatorRegistry.displayOrder.count
  }

  /// By slot: exact, score function, + baseline, reparameterization, Gumbel-softmax,
  /// straight-through, REBAR, argmax, RLOO, ARM, DisARM, Gumbel-Rao, REBAR-auto,
  /// measure-valued, IndeCateR, then seven slots for the estimators the registry gains next
  /// (each chosen, greedily, as far as it can be from every colour before it).
  /// Light on dark: white, green, cyan, gold, orange, salmon, sky blue, gray, tan, violet,
  /// pink, pale green, pale yellow, teal, copper; olive, goldenrod, plum, hot pink, lavender,
  /// pale cyan, turquoise.
  static let dark: [UInt8] = [
    255, 78, 51, 220, 208, 203, 75, 247, 180, 141, 218, 156, 229, 37, 173,
    106, 136, 139, 205, 189, 152, 45,
  ]
  /// Dark on light: black, green, blue, brown, rose, red, purple, gray, umber, slate, maroon,
  /// dark teal, olive, dark green, navy; deep pink, mauve, charcoal, sea green, plum, indigo,
  /// pure blue.
  static let light: [UInt8] = [
    16, 28, 25, 130, 131, 160, 55, 242, 94, 61, 88, 23, 58, 22, 17,
    125, 96, 237, 29, 53, 63, 21,
  ]

  /// The colour of slot `slot` in `theme` (nil in mono), repeating past the end.
  static func color(_ slot: Int, theme: ThemeName) -> TerminalColor? {
    switch theme {
    case .mono: return nil
    case .dark: return .palette(dark[slot % dark.count])
    case .light: return .palette(light[slot % light.count])
    }
  }
}
