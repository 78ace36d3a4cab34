/// Finds a table header that does not start with a key (`[=distribution]`,
/// `[[[objective]]]`) before the TOML parser sees it.
///
/// TOMLKit's parser (toml++ 3) asserts that a header starts with a key character or a
/// quote: a debug build aborts on such a file and a release build has undefined behaviour.
/// This scan knows just enough TOML to tell a header from a value (strings, comments, and
/// arrays or inline tables that span lines), and turns the case into an ordinary syntax
/// error with its line.
enum TableHeaderCheck {
  /// The line (from 1) and the offending character of the first such header, if any.
  static func firstBadHeader(in text: String) -> (line: Int, found: Character?)? {
    let chars = Array(text)
    var i = 0
    var line = 1
    var lineStart = true
    var inValue = false
    var depth = 0
    func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }
    func isBlank(_ c: Character?) -> Bool { c == " " || c == "\t" }
    func skipBlanks(from k: Int) -> Int {
      var k = k
      while isBlank(at(k)) { k += 1 }
      return k
    }
    while i < chars.count {
      let c = chars[i]
      if lineStart {
        i = skipBlanks(from: i)
        lineStart = false
        if !inValue, at(i) == "[" {
          var k = skipBlanks(from: i + 1)
          if at(k) == "[", k == i + 1 { k = skipBlanks(from: k + 1) }
          if let first = at(k), !(first.isBareKeyCharacter || "\"']".contains(first)) {
            return (line, first == "\n" ? nil : first)
          }
        }
        continue
      }
      switch c {
      case "\n":
        line += 1
        lineStart = true
        if inValue && depth == 0 { inValue = false }
        i += 1
      case "#":
        while let next = at(i), next != "\n" { i += 1 }
      case "\"", "'":
        let triple = at(i + 1) == c && at(i + 2) == c
        i += triple ? 3 : 1
        while let next = at(i) {
          if triple, next == c, at(i + 1) == c, at(i + 2) == c {
            i += 3
            break
          }
          if !triple, next == c || next == "\n" {
            if next == c { i += 1 }
            break
          }
          if next == "\\", c == "\"" { i += 1 }
          if at(i) == "\n" { line += 1 }
          i += 1
        }
      case "=" where !inValue:
        inValue = true
        i += 1
      case "[", "{":
        if inValue { depth += 1 }
        i += 1
      case "]", "}":
        if inValue { depth = max(0, depth - 1) }
        i += 1
      default:
        i += 1
      }
    }
    return nil
  }
}

extension Character {
  /// A character TOML allows in a bare key: `A-Z a-z 0-9 _ -`.
  fileprivate var isBareKeyCharacter: Bool {
    isASCII && (isLetter || isNumber || self == "_" || self == "-")
  }
}
