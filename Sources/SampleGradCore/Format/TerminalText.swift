/// Text from a scenario file or the command line must never reach a terminal with its
/// control characters intact: `ESC ] 0 ; ... BEL` retitles the window, `ESC [ 2 J` clears
/// it, and worse sequences exist. Scenario names, titles and lessons refuse them at
/// validation; every line samplegrad prints is escaped once more on its way out.
public enum TerminalText {
  /// C0 controls, DEL and C1 controls: the scalars a terminal may act on.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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

  /// `text` with every control character except those in `kept` written as `\u{1B}`, so
  /// it shows what it is instead of acting on the terminal.
  public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = ["\n", "\t"])
    -> String
  {
    guard text.unicodeScalars.contains(where: { isControl($0) && !kept.contains($0) }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isControl(scalar) && !kept.contains(scalar) {
        out.append(
          contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
