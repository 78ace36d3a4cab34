/// A frame of the screen as the text a terminal draws it from: cursor moves, SGR colour and
/// attribute codes and the cells, for a recording (`Asciicast`). Only the cells that differ
/// from the frame before are written, in runs along a row, as the terminal layer paints them;
/// the first frame (or one of a new size) clears the screen and writes every cell.
///
/// This is a serialisation of a `Buffer`, not drawing: nothing here talks to a terminal, and
/// a test replays the text on a screen of its own to check it gives the same cells back.
package enum AnsiFrame {
  static let escape = "\u{1B}["

  /// The text that turns a terminal showing `previous` (nil: anything) into `buffer`.
  /// Without `color` only bold, dim and reverse are kept (`--no-color`, `NO_COLOR`).
  package static func encode(_ buffer: Buffer, over previous: Buffer?, color: Bool) -> String {
    var out = ""
    let whole = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
    if whole { out += "\(escape)0m\(escape)?25l\(escape)H\(escape)2J" }
    var current: Style? = whole ? .plain : nil
    for y in 0..<buffer.height {
      var x = 0
      while x < buffer.width {
        let cell = buffer[x, y]
        if !whole, let previous, previous[x, y] == cell {
          x += 1
          continue
        }
        // The start of a run of changed cells: put the cursor there.
        out += "\(escape)\(y + 1);\(x + 1)H"
        while x < buffer.width {
          let cell = buffer[x, y]
          if !whole, let previous, previous[x, y] == cell { break }
          let style = color ? cell.style : cell.style.withoutColor
          if style != current {
            out += sgr(style)
            current = style
          }
          out.append(cell.character)
          x += 1
          // A character that may not take exactly one column (combining marks, a wide
          // character): the next cell is placed by a cursor move of its own.
          if !cell.character.unicodeScalars.allSatisfy(Buffer.standsAlone), x < buffer.width {
            out += "\(escape)\(y + 1);\(x + 1)H"
          }
        }
      }
    }
    if current != .plain, !out.isEmpty { out += "\(escape)0m" }
    return out
  }

  /// The SGR sequence that sets exactly `style`: a reset, then its attributes and colours.
  static func sgr(_ style: Style) -> String {
    var codes = ["0"]
    if style.bold { codes.append("1") }
    if style.dim { codes.append("2") }
    if style.reverse { codes.append("7") }
    if let code = colorCode(style.foreground, background: false) { codes.append(code) }
    if let code = colorCode(style.background, background: true) { codes.append(code) }
    return escape + codes.joined(separator: ";") + "m"
  }

  /// The SGR parameters of a colour (nil for the terminal's own).
  static func colorCode(_ color: TerminalColor, background: Bool) -> String? {
    let base = background ? 40 : 30
    switch color {
    case .default: return nil
    case .black: return String(base)
    case .red: return String(base + 1)
    case .green: return String(base + 2)
    case .yellow: return String(base + 3)
    case .blue: return String(base + 4)
    case .magenta: return String(base + 5)
    case .cyan: return String(base + 6)
    case .white: return String(base + 7)
    case .gray: return String(base + 60)
    case .brightWhite: return String(base + 67)
    case .palette(let n): return "\(background ? 48 : 38);5;\(n)"
    }
  }
}

extension Style {
  /// The style with its colours dropped (bold, dim and reverse kept).
  var withoutColor: Style {
    Style(bold: bold, dim: dim, reverse: reverse)
  }
}
