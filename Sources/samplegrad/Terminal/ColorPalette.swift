@preconcurrency import CNcursesw
import SampleGradUI

/// Maps a cell's `Style` to curses attributes and a colour pair, allocating pairs on first
/// use. Without colour (NO_COLOR, `--no-color`, a monochrome terminal) only bold, dim and
/// reverse are kept.
struct ColorPalette {
  private struct ColorKey: Hashable {
    var foreground: TerminalColor
    var background: TerminalColor
  }

  /// A style as curses draws it.
  struct Attributes: Equatable {
    var attributes: attr_t
    var pair: Int32
  }

  let usesColor: Bool
  private let defaultColors: Bool
  private let colorCount: Int32
  private let pairLimit: Int32
  private var pairs: [ColorKey: Int32] = [:]
  private var cache: [Style: Attributes] = [:]

  /// Starts colour on the current screen if `wanted` and the terminal has it.
  init(wanted: Bool) {
    guard wanted, has_colors(), start_color() == OK else {
      usesColor = false
      defaultColors = false
      colorCount = 0
      pairLimit = 0
      return
    }
    usesColor = true
    defaultColors = use_default_colors() == OK
    colorCount = sg_colors()
    pairLimit = min(sg_color_pairs(), Int32(Int16.max))
  }

  mutating func attributes(for style: Style) -> Attributes {
    if let known = cache[style] { return known }
    var attributes = sg_attr_normal()
    if style.bold { attributes |= sg_attr_bold() }
    if style.dim { attributes |= sg_attr_dim() }
    if style.reverse { attributes |= sg_attr_reverse() }
    var pair: Int32 = 0
    if usesColor {
      pair = self.pair(for: ColorKey(foreground: style.foreground, background: style.background))
      // Gray on a terminal without bright colours: dim white, or dim black on a light
      // background (where white would vanish).
      if colorCount < 16, style.foreground == .gray { attributes |= sg_attr_dim() }
    }
    let result = Attributes(attributes: attributes, pair: pair)
    cache[style] = result
    return result
  }

  private mutating func pair(for key: ColorKey) -> Int32 {
    var key = key
    let lightBackground = key.background == .white || key.background == .brightWhite
    if colorCount < 16, key.foreground == .gray, lightBackground { key.foreground = .black }
    // A 256-colour series colour on a smaller palette: the nearest basic colour that reads
    // on the background (no blue on dark, no yellow, cyan or white on light).
    if colorCount < 256 {
      key.foreground = key.foreground.basicFallback(
        avoiding: lightBackground ? [.yellow, .cyan, .white] : [.blue, .black])
    }
    if key.foreground == .default, key.background == .default { return 0 }
    if let known = pairs[key] { return known }
    let next = Int32(pairs.count + 1)
    guard next < pairLimit,
      init_pair(
        Int16(next), curses(key.foreground, foreground: true),
        curses(key.background, foreground: false)) == OK
    else { return 0 }
    pairs[key] = next
    return next
  }

  /// The curses colour number; -1 is the terminal's own (after `use_default_colors`).
  private func curses(_ color: TerminalColor, foreground: Bool) -> Int16 {
    switch color {
    case .default:
      if defaultColors { return -1 }
      return Int16(foreground ? COLOR_WHITE : COLOR_BLACK)
    case .black: return Int16(COLOR_BLACK)
    case .red: return Int16(COLOR_RED)
    case .green: return Int16(COLOR_GREEN)
    case .yellow: return Int16(COLOR_YELLOW)
    case .blue: return Int16(COLOR_BLUE)
    case .magenta: return Int16(COLOR_MAGENTA)
    case .cyan: return Int16(COLOR_CYAN)
    case .white: return Int16(COLOR_WHITE)
    case .gray: return colorCount >= 16 ? 8 : Int16(COLOR_WHITE)
    case .brightWhite: return colorCount >= 16 ? 15 : Int16(COLOR_WHITE)
    case .palette(let n): return colorCount >= 256 ? Int16(n) : Int16(COLOR_WHITE)
    }
  }
}
