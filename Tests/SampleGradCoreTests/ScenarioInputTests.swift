import Foundation
import Testing

@testable import SampleGradCore

/// Issue 12, items 7 to 10 in the core: what a scenario's bytes, types and characters may be,
/// and when a histogram's bins are too fine to test.
@Suite("Scenario input")
struct ScenarioInputTests {
  func problems(_ text: String) -> [String] {
    do {
      _ = try ScenarioDecoder.decode(text, source: "t.toml")
      return []
    } catch {
      return error.lines
    }
  }

  func edit(_ old: String, _ new: String) -> String {
    ScenarioDecodingTests.good.replacingOccurrences(of: old, with: new)
  }

  @Test(
    "a wrong type is one problem naming the key, the type it expects and what it got",
    arguments: [
      ("seed = 7", "seed = 3.5", "t.toml: seed: expected a whole number, got 3.5"),
      ("samples = 1000", "samples = 1.5", "t.toml: samples: expected a whole number, got 1.5"),
      (
        "name = \"bias-and-variance\"", "name = true",
        "t.toml: name: expected a string (in quotes), got true"
      ),
      (
        "[distribution]", "[[distribution]]",
        "t.toml: distribution: expected a table, got a list of tables (written [[...]])"
      ),
      ("seed = 7", "seed = 07:32:00", "t.toml: seed: expected a whole number, got a time"),
      (
        "eta = 0.5", "eta = 1979-05-27T07:32:00Z",
        "t.toml: options.eta: expected a number, got a date-time"
      ),
      (
        "target = [0, 0, 1, 0]", "target = [0, 0, 1979-05-27, 0]",
        "t.toml: objective.target: expected a number or a list of numbers, got a list holding a date (value 3)"
      ),
      (
        "estimators = [\"exact\", \"score-function\", \"rebar\"]", "estimators = \"exact\"",
        "t.toml: estimators: expected a list of strings, got a string (\"exact\")"
      ),
      (
        "estimators = [\"exact\", \"score-function\", \"rebar\"]", "estimators = [\"exact\", 1]",
        "t.toml: estimators: expected a list of strings, got a list holding 1 (value 2)"
      ),
      (
        "kind = \"quadratic\"", "kind = { a = 1 }",
        "t.toml: objective.kind: expected a string (in quotes), got a table"
      ),
    ])
  func wrongType(old: String, new: String, expected: String) {
    #expect(problems(edit(old, new)) == [expected])
  }

  @Test("an estimator listed twice is named")
  func estimatorTwice() {
    #expect(
      problems(edit("\"exact\", \"score-function\", \"rebar\"", "\"rebar\", \"exact\", \"rebar\""))
        == ["t.toml: estimators: lists 'rebar' twice"])
  }

  @Test("control characters in the name, title or lesson are refused; a lesson may wrap")
  func controlCharacters() {
    #expect(
      problems(edit("title = \"Bias against variance\"", #"title = "a\u001b[2Jb""#))
        == ["t.toml: title: must not contain control characters, found U+001B at character 2"])
    #expect(
      problems(edit("name = \"bias-and-variance\"", #"name = "x\u009b""#))
        == ["t.toml: name: must not contain control characters, found U+009B at character 2"])
    #expect(
      problems(edit("title = \"Bias against variance\"", "lesson = \"one\\ntwo\\tthree\"")).isEmpty)
    #expect(
      problems(edit("title = \"Bias against variance\"", #"lesson = "\u0007""#))
        == ["t.toml: lesson: must not contain control characters, found U+0007 at character 1"])
  }

  @Test("output escapes control characters and keeps newlines and tabs")
  func escaping() {
    #expect(
      TerminalText.escaped("a\u{1B}]0;x\u{07}b\n\tc\u{9B}") == #"a\u{1B}]0;x\u{7}b"# + "\n\t"
        + #"c\u{9B}"#)
    #expect(TerminalText.escaped("plain: café, τ = 0.5") == "plain: café, τ = 0.5")
    #expect(JSONValue.string("a\u{7F}\u{85}").render() == #""a\u007f\u0085""#)
  }

  /// Issue 21, fault 10: a bidi override, a line separator or a zero-width space in a title
  /// was printed raw by every text command (the explorer already drew them as blanks).
  @Test("output escapes invisible format characters (Cf, Zl, Zp) the same way")
  func escapingFormatCharacters() {
    #expect(
      TerminalText.escaped("a\u{202E}b\u{2028}c\u{2029}d\u{200B}e\u{FEFF}f\u{E0001}")
        == #"a\u{202E}b\u{2028}c\u{2029}d\u{200B}e\u{FEFF}f\u{E0001}"#)
    // Letters, marks and ordinary spaces of any script stay as they are.
    #expect(TerminalText.escaped("é ü 中文 עברית \u{A0}·") == "é ü 中文 עברית \u{A0}·")
    // JSON keeps its own escapes (a surrogate pair above U+FFFF), so it stays valid JSON.
    #expect(
      JSONValue.string("\u{202E}x\u{E0001}").render() == #""\u202ex\udb40\udc01""#)
  }

  @Test("bytes that are not text: NUL, invalid UTF-8, a directory, a loop, a huge file")
  func bytes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "samplegrad-bytes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
      let url = folder.appendingPathComponent(name)
      try Data(bytes).write(to: url)
      return url.path
    }
    func reason(_ path: String) -> String? {
      do {
        _ = try ScenarioDecoder.load(path: path)
        return nil
      } catch {
        return error.problems.first?.message
      }
    }
    let good = Array(ScenarioDecodingTests.good.utf8)
    #expect(reason(try write("ok.toml", good)) == nil)
    let lines = good.filter { $0 == 0x0A }.count + 1
    #expect(
      reason(try write("nul.toml", good + [0, 0x41]))
        == "contains a NUL byte at line \(lines) (is it a text file?)")
    #expect(
      reason(try write("utf.toml", [0x61, 0x0A, 0x62, 0xC3, 0x28]))
        == "is not UTF-8 text (byte 0xC3 at line 2)")
    #expect(reason(folder.path) == "is a directory")
    let loop = folder.appendingPathComponent("loop.toml").path
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
    #expect(reason(loop) == "too many levels of symbolic links")
    let huge = try write(
      "huge.toml", [UInt8](repeating: 0x20, count: ScenarioText.maximumBytes + 1))
    #expect(reason(huge) == "is larger than 1 MB, too large for a scenario file")
    #expect(reason("/dev/zero") == "is larger than 1 MB, too large for a scenario file")
  }

  @Test("bins finer than doubles resolve near the mean skip the chi-square test, with a reason")
  func unresolvedBins() {
    #expect(Histogram(normalMean: 1, std: 1).unresolvedBins == nil)
    #expect(Histogram(normalMean: 0, std: 1e-15).unresolvedBins == nil)
    // 1e-8 against 1: bins 2e-9 wide, 9e6 times the spacing of doubles there.
    #expect(Histogram(normalMean: 1, std: 1e-8).unresolvedBins == nil)
    for std in [1e-12, 1e-15, 1e-17, 1e-30] {
      let histogram = Histogram(normalMean: 1, std: std)
      let test = histogram.chiSquare
      #expect(test.skipped?.contains("too fine for doubles near 1") == true, "\(std)")
      #expect(test.pValue == nil)
    }
    #expect(Histogram(probabilities: [0.5, 0.5]).unresolvedBins == nil)
  }
}

/// The headers TOMLKit's parser would abort on (found by the fuzz test) are syntax errors.
@Suite("Table headers")
struct TableHeaderTests {
  @Test(
    "a header without a key is a syntax error with its line, not an abort",
    arguments: [
      ("[=distribution]", "'='"), ("[[[distribution]]]", "'['"), ("[ .x]", "'.'"),
      ("[[ +x]]", "'+'"), ("[", "the end of the line"),
    ])
  func badHeader(header: String, found: String) {
    let text = ScenarioDecodingTests.good.replacingOccurrences(of: "[distribution]", with: header)
    #expect(
      throws: ScenarioError(
        source: "t.toml:7", key: "",
        "TOML syntax error: a table header must start with a key, got \(found)")
    ) {
      try ScenarioDecoder.decode(text, source: "t.toml")
    }
  }

  @Test("brackets inside strings, comments and multi-line values are not headers")
  func notHeaders() {
    let text = #"""
      lesson = """
      [=this is text
      ["""
      title = '[=' # [=comment
      target = [
        [+1],
        "[=",
      ]
      [options]
      "[=" = 1
      """#
    #expect(TableHeaderCheck.firstBadHeader(in: text) == nil)
    #expect(TableHeaderCheck.firstBadHeader(in: ScenarioDecodingTests.good) == nil)
  }
}
