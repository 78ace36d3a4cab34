/// Text written elsewhere (a measured cell, a tour's caption) with the few symbols samplegrad
/// uses spelled out in ASCII when `--ascii` is on, so the whole screen follows the option.
extension Glyphs {
  static let asciiSpellings: [(String, String)] = [
    ("χ²", "chi2"), ("²", "^2"), ("±", "+-"), ("θ", "theta"), ("τ", "tau"), ("η", "eta"),
    ("·", "-"), ("→", "->"), ("←", "<-"), ("≈", "~"), ("…", "..."), ("—", "-"), ("–", "-"),
  ]

  /// `text` as this glyph set draws it.
  func text(_ text: String) -> String {
    guard isASCII, !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
    var result = text
    for (symbol, spelling) in Self.asciiSpellings {
      result = result.replacingOccurrences(of: symbol, with: spelling)
    }
    return String(result.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
  }
}
