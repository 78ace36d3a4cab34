/// Greedy word wrapping for lesson texts and messages: words are never cut unless a single
/// word is longer than the line.
enum WordWrap {
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    let characters = Array(text)
    var result: [String] = []
    var lineStart = 0
    var lineEnd = 0
    var index = 0
    func flush() {
      result.append(String(characters[lineStart..<lineEnd]))
    }
    while index <= characters.count {
      if index == characters.count || characters[index] == "\n" {
        flush()
        index += 1
        lineStart = index
        lineEnd = index
        continue
      }
      if characters[index] == " " {
        index += 1
        continue
      }
      var wordEnd = index
      while wordEnd < characters.count, characters[wordEnd] != " ", characters[wordEnd] != "\n" {
        wordEnd += 1
      }
      if lineEnd > lineStart, wordEnd - lineStart <= width {
        lineEnd = wordEnd
      } else {
        if lineEnd > lineStart { flush() }
        var start = index
        while wordEnd - start > width {
          result.append(String(characters[start..<(start + width)]))
          start += width
        }
        lineStart = start
        lineEnd = wordEnd
      }
      index = wordEnd
    }
    return result
  }
}
