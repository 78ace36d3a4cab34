import Foundation
import SampleGradCore

/// What the explorer needs before it takes over the terminal. Checked first, so a script or a
/// CI job that runs `samplegrad` without a terminal gets one clear line and status 2 instead
/// of a program waiting for a `q` that never comes.
enum TerminalRequirements {
  /// Why this process cannot run a full-screen program, or nil if it can.
  static func problem(environment: [String: String]) -> String? {
    if isatty(STDIN_FILENO) == 0 { return "stdin is not a terminal" }
    if isatty(STDOUT_FILENO) == 0 { return "stdout is not a terminal" }
    guard let term = environment["TERM"], !term.isEmpty else { return "TERM is not set" }
    if term == "dumb" { return "TERM=dumb" }
    return nil
  }

  /// The headless command the "needs an interactive terminal" line offers for `preset`.
  static func runSuggestion(preset: String) -> String {
    "samplegrad run --preset \(safe(preset) ?? PresetLibrary.defaultPreset)"
  }

  /// `name` if it can be shown in a suggested command as it is, else nil.
  static func safe(_ name: String) -> String? {
    let plain = name.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
    return plain && !name.isEmpty ? name : nil
  }

  /// Sets the locale from the environment so curses can draw wide characters. If that
  /// locale is not UTF-8 (often LANG is simply unset), tries a UTF-8 one for the character
  /// type only. Returns false if there is none: then the explorer draws ASCII.
  static func configureLocale() -> Bool {
    setlocale(LC_ALL, "")
    // Numbers are formatted the same everywhere, whatever LC_NUMERIC says.
    setlocale(LC_NUMERIC, "C")
    if codesetIsUTF8 { return true }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] where setlocale(LC_CTYPE, name) != nil
    {
      if codesetIsUTF8 { return true }
    }
    return false
  }

  private static var codesetIsUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "")
    return name == "UTF8"
  }
}
