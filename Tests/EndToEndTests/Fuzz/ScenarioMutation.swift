import Foundation

/// The ways a case is made from the seed.
enum Mutation {
  static let numbers = [
    "0", "-0", "-1", "1", "2", "0.5", "3.5", "1e308", "-1e308", "1e-320", "nan", "inf", "-inf",
    "9223372036854775807", "-9223372036854775808", "1e6", "1000001", "-1e6", "1e50", "1e51",
    "-1e51", "1e-30", "1e-31", "0.01", "0.0099", "100", "100.1", "1e30", "1e31", "64", "65",
    "\"x\"", "true", "[]", "[1, 2]", "[1e7, 0]", "1979-05-27", "07:32:00", "{ a = 1 }",
    "[[1]]", "1e17", "-4e16", "4.5e15", "-1e50",
  ]
  static let strings = [
    "", "x", "\\u001b[2J", "\\u0007", "\\u009b", "gaussian", "bernoulli", "categorical",
    "linear", "cosine", "quadratic", "rebar", "reparameterization", "score-function",
    // Issue 21: a NUL escape cut a string short; format characters were printed raw.
    "a\\u0000bcdef", "\\u202Eevil", "zero\\u200Bwidth", "line\\u2028break", "\\U00000000",
  ]
  static let lines = [
    "mean = 1", "std = 0", "std = 1e-300", "logits = [1, 2]", "temperature = 0.5", "eta = 1e40",
    "weights = [1e60]", "frequency = 2", "samples = 0", "seed = -1", "unknown = 1",
    "[options]", "[distribution]", "[[objective]]", "title = \"\\u001b]0;PWNED\\u0007\"",
    "estimators = [\"exact\", \"exact\"]", "target = 1e200", "kind = \"gaussian\"",
  ]
  static let bytes: [[UInt8]] = [[0], [0xFF], [0x1B], [0x0A], [0x5B], [0x3D], [0x22], [0xC3]]
  /// Whole lines put in place of a key's own (issue 21: values the other commands accepted and
  /// sweep refused, and a file with only `exact`).
  static let replacements: [(key: String, line: String)] = [
    ("estimators", "estimators = [\"exact\"]"), ("mean", "mean = 1e17"),
    ("mean", "mean = -4e16"), ("mean", "mean = 1e50"), ("std", "std = 1e50"),
    ("std", "std = 1e-30"), ("threshold", "threshold = 1e50"), ("frequency", "frequency = 1e50"),
    ("eta", "eta = 1e30"), ("target", "target = 1e50"), ("temperature", "temperature = 100"),
  ]

  static func file(_ text: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
    var text = text
    for _ in 0..<random.int(in: 1...3) {
      switch random.int(in: 0...9) {
      case 0:
        text = replaceToken(in: text, matching: isNumberStart, with: random.pick(numbers), &random)
      case 1: text = replaceString(in: text, with: random.pick(strings), &random)
      case 2, 3:
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { break }
        let at = random.int(in: 0...(lines.count - 1))
        if random.int(in: 0...1) == 0 {
          lines.remove(at: at)
        } else {
          lines.insert(
            random.int(in: 0...1) == 0 ? lines[at] : Array(random.pick(Self.lines).utf8), at: at)
        }
        text = Array(lines.joined(separator: [0x0A]))
      case 4:
        text.insert(contentsOf: random.pick(bytes), at: random.int(in: 0...text.count))
      case 5:
        text = Array(text.prefix(random.int(in: 0...text.count)))
      case 6:
        let swapped = String(decoding: text, as: UTF8.self)
          .replacingOccurrences(
            of: random.pick(["[distribution]", "[objective]", "[options]"]),
            with: random.pick(["[[distribution]]", "[options]", "[objective]", "distribution = 1"]))
        text = Array(swapped.utf8)
      case 8:
        text = replaceLine(in: text, random.pick(replacements))
      case 9:
        // CRLF line ends, or a byte-order mark first: both valid TOML.
        text =
          random.int(in: 0...1) == 0
          ? Array(
            String(decoding: text, as: UTF8.self).replacingOccurrences(
              of: "\n", with: "\r\n"
            ).utf8)
          : [0xEF, 0xBB, 0xBF] + text
      default:
        text = replaceToken(in: text, matching: isNumberStart, with: random.pick(numbers), &random)
      }
    }
    return text
  }

  static func isNumberStart(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  /// `text` with the first line that sets `replacement.key` replaced by `replacement.line`
  /// (unchanged if no line does).
  static func replaceLine(in text: [UInt8], _ replacement: (key: String, line: String))
    -> [UInt8]
  {
    var lines = String(decoding: text, as: UTF8.self).components(separatedBy: "\n")
    guard
      let at = lines.firstIndex(where: {
        $0.hasPrefix(replacement.key + " =") || $0.hasPrefix(replacement.key + "=")
      })
    else { return text }
    lines[at] = replacement.line
    return Array(lines.joined(separator: "\n").utf8)
  }

  /// Replaces the number at a random digit's position (and the digits, dots and exponent
  /// around it) with `value`.
  static func replaceToken(
    in text: [UInt8], matching: (UInt8) -> Bool, with value: String, _ random: inout FuzzRandom
  ) -> [UInt8] {
    let positions = text.indices.filter { matching(text[$0]) }
    guard !positions.isEmpty else { return text }
    let at = random.pick(positions)
    let part: (UInt8) -> Bool = {
      (0x30...0x39).contains($0) || [0x2E, 0x65, 0x2D, 0x2B].contains($0)
    }
    var start = at
    while start > 0, part(text[start - 1]) { start -= 1 }
    var end = at
    while end < text.count, part(text[end]) { end += 1 }
    return Array(text[..<start]) + Array(value.utf8) + Array(text[end...])
  }

  /// Replaces the contents of a random quoted string with `value`.
  static func replaceString(in text: [UInt8], with value: String, _ random: inout FuzzRandom)
    -> [UInt8]
  {
    let quotes = text.indices.filter { text[$0] == 0x22 }
    guard quotes.count >= 2 else { return text }
    let pair = random.int(in: 0...(quotes.count / 2 - 1)) * 2
    let open = quotes[pair]
    let close = quotes[pair + 1]
    return Array(text[...open]) + Array(value.utf8) + Array(text[close...])
  }
}
