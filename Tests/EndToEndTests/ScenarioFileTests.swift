import Foundation
import Testing

/// Issue 12, items 7 to 10, through the binary: files that are not text, messages that name
/// the right key and type, escape sequences that must never reach the terminal, and a
/// chi-square test that is skipped where doubles cannot resolve the bins.
@Suite("Scenario files from the command line")
struct ScenarioFileTests {
  func checkOne(_ path: String) throws -> String {
    let result = try Samplegrad.run(["check", path])
    #expect(result.isOneLineUsageError, "\(result.status): \(result.standardError)")
    return String(result.errorLines.first ?? "")
  }

  // MARK: item 7, bytes that are not text

  @Test("a NUL byte, invalid UTF-8, a directory and a symlink loop each say what is wrong")
  func bytesThatAreNotText() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let preset = Array(try Samplegrad.preset("relax-toy").utf8)
    let lines = preset.filter { $0 == 0x0A }.count

    let trailing = try folder.write("trailing.toml", bytes: preset + [0] + Array("garbage".utf8))
    #expect(
      try checkOne(trailing)
        == "samplegrad: error: \(trailing): contains a NUL byte at line \(lines + 1) (is it a text file?)"
    )

    let middle = preset.firstIndex(of: UInt8(ascii: "["))!
    var cut = preset
    cut.insert(0, at: middle)
    let cutPath = try folder.write("middle.toml", bytes: cut)
    let line = preset[..<middle].filter { $0 == 0x0A }.count + 1
    #expect(
      try checkOne(cutPath)
        == "samplegrad: error: \(cutPath): contains a NUL byte at line \(line) (is it a text file?)"
    )

    let latin1 = try folder.write("latin1.toml", bytes: Array("name = \"caf".utf8) + [0xE9, 0x22])
    #expect(
      try checkOne(latin1)
        == "samplegrad: error: \(latin1): is not UTF-8 text (byte 0xE9 at line 1)")

    let directory = folder.path("folder.toml")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    #expect(try checkOne(directory) == "samplegrad: error: \(directory): is a directory")

    let loop = folder.path("loop.toml")
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.toml")
    #expect(
      try checkOne(loop) == "samplegrad: error: \(loop): too many levels of symbolic links")

    #expect(
      try checkOne(folder.path("missing.toml"))
        == "samplegrad: error: \(folder.path("missing.toml")): no such file")
  }

  // MARK: item 8, messages that name the right thing

  @Test(
    "a value of the wrong type names the key once, what it expects and what it got",
    arguments: [
      ("seed = 7", "seed = 3.5", "seed: expected a whole number, got 3.5"),
      ("samples = 400000", "samples = 1.5", "samples: expected a whole number, got 1.5"),
      ("name = \"relax-toy\"", "name = true", "name: expected a string (in quotes), got true"),
      (
        "[distribution]", "[[distribution]]",
        "distribution: expected a table, got a list of tables (written [[...]])"
      ),
      ("seed = 7", "seed = 1979-05-27T07:32:00Z", "seed: expected a whole number, got a date-time"),
      (
        "target = 0.45", "target = 1979-05-27",
        "objective.target: expected a number or a list of numbers, got a date"
      ),
      (
        "logits = [0.0]", "logits = [0.0, \"x\"]",
        "distribution.logits: expected a number, a list of numbers or a list of lists of numbers, got a list holding a string (\"x\") (value 2)"
      ),
      (
        "\"exact\", \"score-function\"", "\"exact\", \"exact\"",
        "estimators: lists 'exact' twice"
      ),
    ])
  func wrongType(old: String, new: String, message: String) throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let text = try Samplegrad.preset("relax-toy").replacingOccurrences(of: old, with: new)
    let path = try folder.write("typed.toml", text)
    #expect(try checkOne(path) == "samplegrad: error: \(path): \(message)")
  }

  // MARK: item 9, escape sequences

  @Test("control characters in a title are refused and never printed raw")
  func escapeInjection() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let text = try Samplegrad.preset("relax-toy").replacingOccurrences(
      of: "title = \"The REBAR and RELAX toy: a tiny gradient in large noise\"",
      with: #"title = "\u001b]0;PWNED\u0007\u001b[2J""#)
    let path = try folder.write("pwned.toml", text)
    let problem = "title: must not contain control characters, found U+001B at character 1"

    let presets = try Samplegrad.run(
      ["presets"], environment: ["SAMPLEGRAD_PRESETS": folder.url.path])
    #expect(presets.status == 0)
    #expect(presets.standardOutput.contains("BROKEN: \(path): \(problem)"))

    let check = try Samplegrad.run(["check", path])
    #expect(check.errorLines == ["samplegrad: error: \(path): \(problem)"])

    let run = try Samplegrad.run(["run", "--preset", path, "--format", "table"])
    #expect(run.isOneLineUsageError)

    // Text from the command line and from keys is escaped on the way out.
    let key = try folder.write("key.toml", "\"\\u001b[2J\" = 1\n" + text)
    let escaped = try Samplegrad.run(["check", key, "\u{1B}]0;PWNED\u{07}.toml"])
    #expect(escaped.standardError.contains(#"\u{1B}[2J: unknown key"#))
    #expect(escaped.standardError.contains(#"\u{1B}]0;PWNED\u{7}.toml: no such file"#))

    for result in [presets, check, run, escaped] {
      let output = result.standardOutput + result.standardError
      #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
  }

  // MARK: issue 21, fault 10: invisible format characters

  @Test("bidi, separator and zero-width characters are escaped by every text command")
  func formatCharactersEscaped() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let config = folder.url.appendingPathComponent("config/samplegrad")
    for sub in ["presets", "tours"] {
      try FileManager.default.createDirectory(
        at: config.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    let hidden = #"\u202Eevil\u2028line\u200Bzero"#
    let preset = try Samplegrad.preset("relax-toy")
      .replacingOccurrences(of: "name = \"relax-toy\"", with: "name = \"bidi\\u200B\"")
      .replacingOccurrences(
        of: "title = \"The REBAR and RELAX toy: a tiny gradient in large noise\"",
        with: "title = \"\(hidden)\"")
    let presetPath = config.appendingPathComponent("presets/bidi.toml").path
    try preset.write(toFile: presetPath, atomically: true, encoding: .utf8)
    let tourPath = config.appendingPathComponent("tours/bidi-tour.toml").path
    try """
    title = "\(hidden)"
    [[step]]
    title = "\(hidden)"
    preset = "bidi"
    samples = 1000
    caption = "c"
    checks = ["exact.loss > 0"]
    """.write(toFile: tourPath, atomically: true, encoding: .utf8)

    let environment = ["XDG_CONFIG_HOME": folder.url.appendingPathComponent("config").path]
    let escaped = #"\u{202E}evil\u{2028}line\u{200B}zero"#
    for arguments in [
      ["presets"], ["check", presetPath], ["check", tourPath],
      ["run", "--preset", "bidi", "--samples", "1000", "--format", "table"], ["tours"],
      ["tour", "bidi-tour", "--check"],
    ] {
      let result = try Samplegrad.run(arguments, environment: environment)
      #expect(result.status == 0, "\(arguments): \(result.standardError)")
      #expect(result.standardOutput.contains(escaped), "\(arguments): \(result.standardOutput)")
      let raw = result.standardOutput.unicodeScalars.filter(TerminalTextProbe.isInvisible)
      #expect(raw.isEmpty, "\(arguments): printed raw: \(raw.map(\.value))")
    }
    // JSON keeps them as JSON escapes: valid, and the title reads back whole.
    let json = try Samplegrad.run(
      ["run", "--preset", "bidi", "--samples", "1000"], environment: environment)
    #expect(json.standardOutput.contains(#""scenario": "bidi\u200b""#))
    #expect((try? JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))) != nil)
  }

  // MARK: item 10, bins finer than doubles resolve

  @Test(
    "a std far below the mean's spacing skips the chi-square test, with the reason",
    arguments: ["1e-15", "1e-17"])
  func unresolvableBins(std: String) throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let text = try Samplegrad.preset("gaussian-reparameterization")
      .replacingOccurrences(of: "std = 1.0", with: "std = \(std)")
    let path = try folder.write("narrow.toml", text)
    let json = try Samplegrad.run(["run", "--preset", path, "--samples", "20000"])
    #expect(json.status == 0, "\(json.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let histogram = try #require(object["histogram"] as? [String: Any])
    let test = try #require(histogram["chiSquare"] as? [String: Any])
    #expect(test["pValue"] == nil)
    #expect((test["skipped"] as? String)?.contains("too fine for doubles near 1") == true)

    let table = try Samplegrad.run([
      "run", "--preset", path, "--samples", "20000", "--format", "table",
    ])
    #expect(
      table.standardOutput.contains("chi-square against the exact probabilities: not computed"))
  }
}

/// Unicode's format and separator characters (Cf, Zl, Zp), as the tests look for them.
enum TerminalTextProbe {
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    [.format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
  }
}
