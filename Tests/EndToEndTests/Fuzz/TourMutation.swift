import Foundation

/// How a tour case is made from the seed: the built-in tour (each step at 300 samples, so
/// `tour --check` is quick) or a small one built here, then one to three of the hostile
/// edits issue 21's round used: checks nested deep or chained long, broken or odd checks,
/// presets that are not there or are broken, CRLF, a byte-order mark, NUL (raw or escaped),
/// format characters, and the byte and line edits of scenario files.
enum TourMutation {
  static let presets = [
    "bias-and-variance", "gaussian-reparameterization", "relax-toy", "step-function",
    "antithetic-bernoulli", "many-categories",
  ]
  static let references = [
    "exact.loss", "exact.gradient[0]", "histogram.pValue", "score-function.mean[0]",
    "score-function.variance[0]", "score-function.bias[0]",
  ]
  /// Checks that are wrong, odd or hostile in one way each.
  static let oddChecks = [
    "", "<", "1 <", "< 1", "abs(", "abs(exact.loss < 1", "rebr.mean[0] < 1",
    "score-function.mean[x] < 1", "score-function.mean[99] < 1", "1 se < 2",
    "score-function.bias[0] > 5 se", "exact.loss / 0 > 1", "1e309 < 1", "exact.loss < 1 1",
    "exact.loss\\u0000 > 5", "\\u001b[2J < 1", "\\u202Eexact.loss < 1", "histogram.p < 1",
    "exact.loss-exact.loss < 1", "- - - exact.loss < 1",
  ]
  static let badPresets = [
    "no-such-preset", "/nonexistent/x.toml", "/", "bias-and-variance\\u0000x",
    "\\u001b]0;PWNED\\u0007",
  ]

  /// The case's text: a base tour with its edits.
  static func tour(builtIn: String, _ random: inout FuzzRandom) -> String {
    var text = random.int(in: 0...2) == 0 ? builtIn : small(&random)
    for _ in 0..<random.int(in: 1...3) {
      switch random.int(in: 0...9) {
      case 0, 1: text = replaceCheck(in: text, with: deepCheck(&random), &random)
      case 2: text = replaceCheck(in: text, with: longChain(&random), &random)
      case 3: text = replaceCheck(in: text, with: random.pick(oddChecks), &random)
      case 4:
        text = replaceFirst(
          in: text, prefix: "preset = ", with: "preset = \"\(random.pick(badPresets))\"")
      case 5: text = text.replacingOccurrences(of: "\n", with: "\r\n")
      case 6: text = "\u{FEFF}" + text
      case 7:
        let field = random.pick(["title = \"", "caption = \""])
        let inserted = random.pick(["\\u0000", "\\u202E", "\\u2028", "\\u200B", "\\u001b[2J"])
        text = replaceFirst(in: text, prefix: field, with: field + inserted, keepRest: true)
      default:
        text = String(decoding: Mutation.file(Array(text.utf8), &random), as: UTF8.self)
      }
    }
    return text
  }

  /// A tour of one to three steps on the presets above, with a check or two each.
  static func small(_ random: inout FuzzRandom) -> String {
    var text = "title = \"A small tour\"\n"
    for step in 1...random.int(in: 1...3) {
      text += "\n[[step]]\ntitle = \"Step \(step)\"\n"
      if step == 1 || random.int(in: 0...2) == 0 {
        text += "preset = \"\(random.pick(presets))\"\n"
        text += "estimators = [\"exact\", \"score-function\"]\n"
      }
      text += "samples = \(random.int(in: 100...400))\ncaption = \"Look.\"\n"
      let checks = (0..<random.int(in: 1...2)).map { _ in
        "\(random.pick(references)) < \(random.pick(["1", "1e9", "0", "-1", "5 se"]))"
      }
      text += "checks = [" + checks.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
    }
    return text
  }

  /// A reference inside parentheses or `abs(...)`, around the bound of 256 or far beyond
  /// it (18,100 levels crashed `check` and `tour --check`).
  static func deepCheck(_ random: inout FuzzRandom) -> String {
    let depth = random.pick([3, 255, 256, 257, 2_000, 18_100])
    let open = random.pick(["(", "abs("])
    return String(repeating: open, count: depth) + random.pick(references)
      + String(repeating: ")", count: depth) + " < 1e9"
  }

  /// A chain of terms or a run of minus signs, up to the 44,000 that crashed (within the
  /// 1 MB a file may have).
  static func longChain(_ random: inout FuzzRandom) -> String {
    let length = random.pick([10, 1_000, 44_000])
    if random.int(in: 0...3) == 0 {
      return String(repeating: "-", count: length) + "exact.loss < 1e9"
    }
    let symbol = random.pick([" + ", " * ", " - ", " / "])
    return Array(repeating: "exact.loss", count: length).joined(separator: symbol) + " < 1e9"
  }

  /// `text` with one of its checks (a quoted string on a `checks` line) replaced by `check`.
  static func replaceCheck(in text: String, with check: String, _ random: inout FuzzRandom)
    -> String
  {
    var lines = text.components(separatedBy: "\n")
    let candidates = lines.indices.filter { lines[$0].hasPrefix("checks = [") }
    guard !candidates.isEmpty else { return text }
    let at = random.pick(candidates)
    lines[at] = "checks = [\"\(check)\"]" + (lines[at].hasSuffix("\r") ? "\r" : "")
    return lines.joined(separator: "\n")
  }

  /// `text` with the first line starting with `prefix` replaced by `line` (or, with
  /// `keepRest`, with the rest of the line after it kept).
  static func replaceFirst(
    in text: String, prefix: String, with line: String, keepRest: Bool = false
  )
    -> String
  {
    var lines = text.components(separatedBy: "\n")
    guard let at = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return text }
    lines[at] = keepRest ? line + lines[at].dropFirst(prefix.count) : line
    return lines.joined(separator: "\n")
  }
}
