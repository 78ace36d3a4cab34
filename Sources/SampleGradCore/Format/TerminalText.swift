/// Text from a scenario file or the command line must never reach a terminal with its
/// control characters intact: `ESC ] 0 ; ... BEL` retitles the window, `ESC [ 2 J` clears
/// it, and worse sequences exist. Scenario names, titles and lessons refuse them at
/// validation; every line samplegrad prints is escaped once more on its way out.
///
/// Invisible format characters are escaped on the way out too (not refused: a lesson may
/// have a reason for a soft hyphen or a joiner): a right-to-left override (U+202E) turns the
/// rest of a line around, a line separator (U+2028) breaks it where no newline is, and a
/// zero-width space hides in a name. Printed as `\u{202E}`, they show what they are, as the
/// explorer (which draws them as blanks) cannot mistake them either.
public enum TerminalText {
  /// C0 controls, DEL and C1 controls: the scalars a terminal may act on.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Unicode's format characters (Cf: bidi controls, zero-width spaces and joiners, the byte
  /// order mark) and the line and paragraph separators (Zl, Zp): invisible, yet they move or
  /// break the text around them.
  public static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.value >= 0xAD else { return false }  // fast path: no ASCII is one
    switch scalar.properties.generalCategory {
    case .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
  }

  /// Whether samplegrad prints `scalar` escaped: a control or an invisible format character.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    isControl(scalar) || isInvisibleFormat(scalar)
  }

  /// The first control character of `text` not in `allowed`, with its position (counted in
  /// characters from 1), or nil if there is none.
  public static func firstControl(
    in text: String, allowing allowed: Set<Unicode.Scalar> = []
  ) -> (scalar: Unicode.Scalar, position: Int)? {
    for (offset, scalar) in text.unicodeScalars.enumerated()
    where isControl(scalar) && !allowed.contains(scalar) {
      return (scalar, offset + 1)
    }
    return nil
  }

  /// `U+001B`: how a message names a character it will not print.
  public static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `text` with every control and invisible format character except those in `kept`
  /// written as `\u{1B}`, so it shows what it is instead of acting on the terminal.
  public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = ["\n", "\t"])
    -> String
  {
    guard text.unicodeScalars.contains(where: { needsEscape($0) && !kept.contains($0) }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) && !kept.contains(scalar) {
        out.append(
          contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
