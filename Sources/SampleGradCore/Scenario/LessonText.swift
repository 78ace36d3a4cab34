import Foundation

/// How a lesson text divides into sentences: the lesson checks count them, and the explorer's
/// one-line hint shows the first that asks for a key.
public enum LessonText {
  /// Sentences end at `.`, `!` or `?` followed by white space or the end of the text, so
  /// decimals such as `0.5` do not split one.
  public static func sentences(_ text: String) -> [String] {
    var found: [String] = []
    var current = ""
    let characters = Array(text)
    for (i, c) in characters.enumerated() {
      current.append(c)
      let atEnd = i + 1 == characters.count || characters[i + 1].isWhitespace
      if ".!?".contains(c), atEnd {
        let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !sentence.isEmpty { found.append(sentence) }
        current = ""
      }
    }
    let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
    if !rest.isEmpty { found.append(rest) }
    return found
  }

  /// What a one-line hint shows: the first clause (between semicolons) that asks for a key
  /// ("press ..."), with a capital, else the first sentence.
  public static func hint(_ text: String) -> String {
    let all = sentences(text)
    guard let sentence = all.first(where: { $0.lowercased().contains("press") }) else {
      return all.first ?? ""
    }
    let clauses = sentence.components(separatedBy: "; ")
    let clause = clauses.first { $0.lowercased().contains("press") } ?? sentence
    return clause.prefix(1).uppercased() + clause.dropFirst()
  }
}
