import Testing

@testable import SampleGradCore

/// Issue 21, fault 7: a `\u0000` escape in a TOML string came back from the TOML library cut
/// short at the NUL (it returns C strings): `name = "a\u0000bcdef"` was read as `a` and
/// `check` said ok; a check lost everything after the NUL. Now it is one problem naming the
/// key, as any other control character in a name, title or lesson is.
@Suite("Scenario input: NUL escapes")
struct NulEscapeTests {
  func scenarioProblems(_ text: String) -> [String] {
    do {
      _ = try ScenarioDecoder.decode(text, source: "t.toml")
      return []
    } catch {
      return error.lines
    }
  }

  func edit(_ old: String, _ new: String) -> String {
    let edited = ScenarioDecodingTests.good.replacingOccurrences(of: old, with: new)
    precondition(edited != ScenarioDecodingTests.good, "the edit changed nothing")
    return edited
  }

  @Test(
    "a NUL escape in a string is one problem naming the key and the character",
    arguments: [
      (
        "name = \"bias-and-variance\"", #"name = "a\u0000bcdef""#,
        "t.toml: name: must not contain control characters, found U+0000 at character 2"
      ),
      (
        "name = \"bias-and-variance\"", #"name = "ab\U00000000""#,
        "t.toml: name: must not contain control characters, found U+0000 at character 3"
      ),
      (
        "title = \"Bias against variance\"", "title = \"\"\"\nA\\u0000\"\"\"",
        "t.toml: title: must not contain control characters, found U+0000 at character 2"
      ),
      (
        "\"rebar\"]", #""rebar\u0000"]"#,
        "t.toml: estimators[3]: must not contain control characters, found U+0000 at character 6"
      ),
    ])
  func refused(old: String, new: String, expected: String) {
    #expect(scenarioProblems(edit(old, new)) == [expected])
  }

  @Test("a literal string, a comment or an escaped backslash holds no NUL")
  func notNul() throws {
    let literal = try ScenarioDecoder.decode(
      edit("name = \"bias-and-variance\"", #"name = 'a\u0000b' # "\u0000""#), source: "t.toml")
    #expect(literal.name == #"a\u0000b"#)
    let escaped = try ScenarioDecoder.decode(
      edit("name = \"bias-and-variance\"", #"name = "a\\u0000b""#), source: "t.toml")
    #expect(escaped.name == #"a\u0000b"#)
  }

  @Test("the noncharacter standing in for NUL is never one the file already uses")
  func markerIsUnused() throws {
    // U+FDD0 raw and U+FDD1 escaped: the first two candidates, taken.
    let raw = String(Character(Unicode.Scalar(0xFDD0)!))
    let scenario = try ScenarioDecoder.decode(
      edit("name = \"bias-and-variance\"", "name = \"a\(raw)\\uFDD1\""), source: "t.toml")
    #expect(scenario.name.unicodeScalars.map(\.value) == [0x61, 0xFDD0, 0xFDD1])
    #expect(
      scenarioProblems(edit("name = \"bias-and-variance\"", "name = \"a\(raw)\\uFDD1\\u0000\""))
        == ["t.toml: name: must not contain control characters, found U+0000 at character 4"])
  }

  @Test("a syntax error after a NUL escape keeps its line")
  func syntaxErrorLine() {
    let text = "name = \"a\\u0000\"\nseed = 7\nsamples = = 1\n"
    let found = scenarioProblems(text)
    #expect(found.count == 1 && found[0].hasPrefix("t.toml:3: TOML syntax error"), "\(found)")
  }

  @Test("a NUL in a tour's check or caption names the step and the key")
  func tour() {
    let text = #"""
      title = "t"
      [[step]]
      title = "s"
      preset = "bias-and-variance"
      caption = "c\u0000"
      checks = ["exact.loss < 1", "exact.loss\u0000 > 5"]
      """#
    do {
      _ = try TourDecoder.decode(text, name: "t", source: "t.toml")
      Issue.record("a tour with NUL escapes was accepted")
    } catch {
      #expect(
        error.lines == [
          "t.toml: step 1.caption: must not contain control characters, found U+0000 at character 2",
          "t.toml: step 1.checks[2]: must not contain control characters, found U+0000 at character 11",
        ])
    }
  }
}
