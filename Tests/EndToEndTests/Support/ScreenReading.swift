import Foundation

/// Reads numbers off a captured explorer screen the way a student does: find a row by its
/// name and take the value under a column heading (numbers are right-aligned under their
/// headings), or the pinned value in the column after it.
enum ScreenReading {
  /// The line of the estimator row named `row` (its first occurrence after the header line).
  static func row(_ screen: String, named row: String) -> String? {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let header = lines.firstIndex(where: { $0.contains("estimator") && $0.contains("#") })
    else { return nil }
    return lines[(header + 1)...].first { $0.contains(" \(row) ") }
  }

  /// Where `text` last stands as a word of its own (spaces or the line's ends around it): the
  /// column heading `bias`, not the `bias` of `bias verdict` before it.
  static func word(_ text: String, in line: String) -> Range<String.Index>? {
    var start = line.startIndex
    var last: Range<String.Index>?
    while let found = line.range(of: text, range: start..<line.endIndex) {
      let before =
        found.lowerBound == line.startIndex || line[line.index(before: found.lowerBound)] == " "
      let after = found.upperBound == line.endIndex || line[found.upperBound] == " "
      if before && after { last = found }
      start = found.upperBound
    }
    return last
  }

  /// Whether `screen` has a line matching the regular expression `pattern`.
  static func matches(_ screen: String, _ pattern: String) -> Bool {
    screen.range(of: pattern, options: .regularExpression) != nil
  }

  /// The header line of the estimator rows.
  static func header(_ screen: String) -> String? {
    screen.split(separator: "\n").map(String.init).first {
      $0.contains("estimator") && $0.contains("#")
    }
  }

  /// The value under `heading` in the row named `row`; `pinned` takes the `(pinned)` column
  /// right of that heading instead.
  static func value(
    _ screen: String, row name: String, column heading: String, pinned: Bool = false
  ) -> Double? {
    guard let header = header(screen), let line = row(screen, named: name),
      var range = word(heading, in: header)
    else { return nil }
    if pinned {
      guard let next = header.range(of: "(pinned)", range: range.upperBound..<header.endIndex)
      else { return nil }
      range = next
    }
    let end = header.distance(from: header.startIndex, to: range.upperBound)
    let characters = Array(line)
    guard end <= characters.count else { return nil }
    let token = String(characters[..<end]).split(separator: " ").last.map(String.init) ?? ""
    return Double(token.trimmingCharacters(in: CharacterSet(charactersIn: "()+")))
  }
}
