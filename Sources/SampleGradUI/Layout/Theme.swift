import SampleGradCore

/// What a cell means, so panels say "this is a bar" and the theme decides how it looks.
enum Role: Sendable {
  case plain, title, label, hint, value, bar, marker, selected, off, error, key
  case running, paused
  /// A verdict: the data show no bias, or show one.
  case noBiasSeen, biased
  /// A value pinned with `m`, shown beside the live one.
  case pinned
  /// The lowest mean squared error of a column.
  case lowest
  /// A vertical mark where the parameters changed, and its label.
  case change
  /// The step at which a lane of the race came within 1% of the optimum.
  case reached
  /// An overview answer that is a property to have (exact samples, unbiased), or a
  /// limitation (biased, needs df/dx).
  case asset, limitation
}

/// Glyphs plus styles for the chosen display options. The dark theme colours text on the
/// terminal's own background; the light theme paints every cell dark-on-light (projectors);
/// mono has no colour, so meaning is kept by glyphs, bold, dim and reverse alone (the terminal
/// layer also drops colour under NO_COLOR).
struct Theme: Sendable {
  let glyphs: Glyphs
  let name: ThemeName
  /// Whether chart lines are drawn in braille dots (`ChartStyle.braille`, never in ASCII).
  let braille: Bool

  init(options: DisplayOptions) {
    glyphs = options.ascii ? .ascii : .unicode
    name = options.theme
    braille = options.charts == .braille && !options.ascii
  }

  /// The style every cell starts from: the light theme's background and text colour.
  var base: Style {
    name == .light ? Style(foreground: .black, background: .brightWhite) : .plain
  }

  func style(_ role: Role) -> Style {
    switch name {
    case .dark: return dark(role)
    case .light: return light(role).onto(base)
    case .mono: return mono(role)
    }
  }

  private func dark(_ role: Role) -> Style {
    switch role {
    case .plain, .value: return .plain
    case .title, .key, .lowest: return Style(bold: true)
    case .label, .bar: return Style(foreground: .cyan)
    case .hint, .off: return Style(dim: true)
    case .marker: return Style(foreground: .white, bold: true)
    case .selected: return Style(reverse: true)
    case .noBiasSeen, .reached, .asset: return Style(foreground: .green)
    case .biased, .limitation: return Style(foreground: .yellow, bold: true)
    case .pinned: return Style(foreground: .magenta)
    case .change: return Style(foreground: .magenta, bold: true)
    case .error: return Style(foreground: .red, bold: true)
    case .running: return Style(foreground: .green, bold: true)
    case .paused: return Style(foreground: .yellow, bold: true)
    }
  }

  /// Dark colours only: yellow, cyan and white vanish on a projected white background.
  private func light(_ role: Role) -> Style {
    switch role {
    case .plain, .value: return .plain
    case .title, .key, .lowest: return Style(bold: true)
    case .label: return Style(foreground: .blue)
    case .bar: return Style(foreground: .blue)
    case .hint, .off: return Style(foreground: .gray)
    case .marker: return Style(foreground: .black, bold: true)
    case .selected: return Style(reverse: true)
    case .noBiasSeen, .reached, .asset: return Style(foreground: .green, bold: true)
    case .biased, .limitation: return Style(foreground: .red, bold: true)
    case .pinned: return Style(foreground: .magenta, bold: true)
    case .change: return Style(foreground: .magenta, bold: true)
    case .error: return Style(foreground: .red, bold: true)
    case .running: return Style(foreground: .green, bold: true)
    case .paused: return Style(foreground: .red, bold: true)
    }
  }

  private func mono(_ role: Role) -> Style {
    switch role {
    case .plain, .value, .label, .bar, .noBiasSeen, .reached, .asset: return .plain
    case .title, .key, .lowest, .marker, .biased, .error, .running, .change, .limitation:
      return Style(bold: true)
    case .hint, .off, .pinned: return Style(dim: true)
    case .selected, .paused: return Style(reverse: true)
    }
  }

  /// The style of chart series `index` (an estimator's slot, `SeriesPalette`): its colour,
  /// bold, in the colour themes; in mono the glyph alone tells them apart.
  func seriesStyle(_ index: Int) -> Style {
    guard let color = SeriesPalette.color(index, theme: name) else { return .plain }
    return Style(foreground: color, bold: true).onto(base)
  }

  /// The glyph of chart series `index` (an estimator's slot).
  func seriesGlyph(_ index: Int) -> Character {
    glyphs.series[index % glyphs.series.count]
  }

  /// The style of an estimator's row, curve and lane, the same in every view.
  func seriesStyle(_ kind: EstimatorKind) -> Style { seriesStyle(SeriesPalette.slot(kind)) }

  /// The glyph of an estimator's row, curve and lane, the same in every view.
  func seriesGlyph(_ kind: EstimatorKind) -> Character { seriesGlyph(SeriesPalette.slot(kind)) }
}

extension Style {
  /// This style with `base`'s background, and its foreground where this one has none.
  func onto(_ base: Style) -> Style {
    var style = self
    if style.background == .default { style.background = base.background }
    if style.foreground == .default { style.foreground = base.foreground }
    return style
  }
}
