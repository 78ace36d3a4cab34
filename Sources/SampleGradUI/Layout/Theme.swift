/// What a cell means, so panels say "this is a bar" and the theme decides how it looks.
enum Role: Sendable {
  case plain, title, label, hint, value, bar, marker, selected, unbiased, biased, off, error, key
  case running, paused
}

/// Glyphs plus styles for the chosen display options. Without colour, meaning is kept by
/// bold, dim and reverse video alone (the terminal layer also drops colour under NO_COLOR).
struct Theme: Sendable {
  let glyphs: Glyphs
  let color: Bool

  init(options: DisplayOptions) {
    glyphs = options.ascii ? .ascii : .unicode
    color = options.color
  }

  func style(_ role: Role) -> Style {
    switch role {
    case .plain, .value: return .plain
    case .title: return Style(bold: true)
    case .label: return color ? Style(foreground: .cyan) : .plain
    case .hint, .off: return Style(dim: true)
    case .bar: return color ? Style(foreground: .cyan) : .plain
    case .marker: return color ? Style(foreground: .white, bold: true) : Style(bold: true)
    case .selected: return Style(reverse: true)
    case .unbiased: return color ? Style(foreground: .green) : .plain
    case .biased: return color ? Style(foreground: .yellow, bold: true) : Style(bold: true)
    case .error: return color ? Style(foreground: .red, bold: true) : Style(bold: true)
    case .key: return Style(bold: true)
    case .running: return color ? Style(foreground: .green, bold: true) : Style(bold: true)
    case .paused: return color ? Style(foreground: .yellow, bold: true) : Style(reverse: true)
    }
  }
}
