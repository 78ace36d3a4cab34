import Foundation
import Testing

@testable import SampleGradCore

/// Tour files: one line per mistake, naming the file, the step and the key.
@Suite("Tour files")
struct TourDecodingTests {
  static let good = """
    title = "A short tour"

    [[step]]
    title = "Start"
    preset = "bias-and-variance"
    caption = "Look at the histogram."
    checks = ["histogram.pValue > 0.001"]

    [[step]]
    title = "Colder"
    temperature = 0.1
    estimators = ["exact", "gumbel-softmax"]
    caption = "The relaxed rows turn one-hot."
    checks = ["abs(gumbel-softmax.bias[0]) < 0.02"]
    """

  /// The repository's presets, so steps can name them.
  static let presets = PresetLibrary(
    folders: [
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("presets").path
    ])

  func problems(_ text: String) -> [String] {
    do {
      let tour = try TourDecoder.decode(text, name: "t", source: "t.toml")
      _ = try tour.scenarios(presets: Self.presets)
      return []
    } catch let error as ScenarioError {
      return error.lines
    } catch let error as InvalidScenario {
      return ScenarioError(source: "t.toml", error).lines
    } catch {
      return ["\(error)"]
    }
  }

  @Test("a good tour decodes, and a step without a preset builds on the one before")
  func decodes() throws {
    let tour = try TourDecoder.decode(Self.good, name: "short", source: "short.toml")
    #expect(tour.title == "A short tour" && tour.steps.count == 2)
    let scenarios = try tour.scenarios(presets: Self.presets)
    #expect(scenarios[0].distribution.temperature == 0.5)
    #expect(scenarios[1].distribution.temperature == 0.1)
    #expect(scenarios[1].distribution.parameters == scenarios[0].distribution.parameters)
    #expect(scenarios[1].estimators == [.exact, .gumbelSoftmax])
  }

  @Test(
    "each mistake is one line naming the step and key",
    arguments: [
      ("caption = \"Look at the histogram.\"", "", "t.toml: step 1.caption: is missing"),
      (
        "temperature = 0.1", "temprature = 0.1",
        "t.toml: step 2.temprature: unknown key (did you mean 'temperature'?)"
      ),
      (
        "preset = \"bias-and-variance\"", "preset = \"bias-and-varience\"",
        "t.toml: step 1.preset: 'bias-and-varience': no such preset"
      ),
      (
        "temperature = 0.1", "temperature = 500",
        "t.toml: step 2.temperature: must be between 0.01 and 100, got 500"
      ),
      (
        "0.02\"]", "0.02\", \"rebar.mean[0] < 1\"]",
        "t.toml: step 2.checks[2]: check 'rebar.mean[0] < 1': 'rebar' is not among this step's estimators"
      ),
      (
        "\"histogram.pValue > 0.001\"", "\"histogram.pValue >\"",
        "t.toml: step 1.checks[1]: check 'histogram.pValue >': ends where a number or a reference should be"
      ),
      (
        "estimators = [\"exact\", \"gumbel-softmax\"]", "view = \"sweeep\"",
        "t.toml: step 2.view: unknown view 'sweeep' (known: live, sweep, race, overview)"
      ),
      (
        "temperature = 0.1", "temperature = \"cold\"",
        "t.toml: step 2.temperature: expected a number"
      ),
      (
        "temperature = 0.1", "samples = 2000000000000",
        "t.toml: step 2.samples: must be between 1 and 1e12, got 2000000000000"
      ),
      (
        "temperature = 0.1", "samples = 0",
        "t.toml: step 2.samples: must be between 1 and 1e12, got 0"
      ),
      (
        "temperature = 0.1", "logits = [1, 2, 3]",
        "t.toml: step 2.logits: scenario 'bias-and-variance' has 4 categories, got 3 values"
      ),
      (
        "temperature = 0.1", "select = 5",
        "t.toml: step 2.select: must be between 1 and 4, got 5"
      ),
    ])
  func mistakes(old: String, new: String, expected: String) {
    let text = Self.good.replacingOccurrences(of: old, with: new)
    let found = problems(text)
    #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
  }

  @Test("a tour without steps, or whose first step names no preset, is refused")
  func structure() {
    #expect(problems("title = \"x\"") == ["t.toml: step: is missing (one [[step]] table each)"])
    let noPreset = Self.good.replacingOccurrences(of: "preset = \"bias-and-variance\"\n", with: "")
    #expect(
      problems(noPreset).contains(
        "t.toml: step 1.preset: is missing (the first step must name a preset)"))
  }

  @Test("a step's logits follow the command line's rules: a bernoulli takes one log-odds")
  func bernoulliLogits() throws {
    let tour = { (logits: String) in
      """
      title = "Coin"

      [[step]]
      title = "Start"
      preset = "relax-toy"
      caption = "A coin."

      [[step]]
      title = "Biased"
      logits = \(logits)
      caption = "A biased coin."
      """
    }
    let scenarios = try TourDecoder.decode(tour("[0.5]"), name: "t", source: "t.toml")
      .scenarios(presets: Self.presets)
    #expect(scenarios[1].distribution.parameters == [0.5])
    #expect(
      problems(tour("[0.5, 1]")) == [
        "t.toml: step 2.logits: a bernoulli has one log-odds, got 2 values"
      ])
  }
}

/// Issue 21, fault 5: `check` tells a tour from a scenario by its `[[step]]` header lines, and
/// compared lines without their `\r` (Swift reads CRLF as one `Character`, so splitting at
/// `"\n"` never split a CRLF file at all): a valid CRLF tour outside `tours/` was refused.
@Suite("Tour files: telling a tour from a scenario")
struct TourDetectionTests {
  @Test(
    "a [[step]] header is found whatever the line ends and however TOML spells it",
    arguments: [
      "title = \"t\"\r\n[[step]]\r\ntitle = \"s\"\r\n",
      "title = \"t\"\r[[step]]\r",
      "title = \"t\"\n  [[ step ]]  # the first step\n",
      "title = \"t\"\n[[\"step\"]]\n",
      "\u{FEFF}[[step]]\n",
    ])
  func findsStepHeaders(text: String) {
    #expect(TourDecoder.hasStepTables(text))
  }

  @Test(
    "a scenario is not a tour",
    arguments: ["name = \"x\"\n[distribution]\n", "[[steps]]\n", "x = \"[[step]]\"\n"])
  func scenarioIsNotATour(text: String) {
    #expect(!TourDecoder.hasStepTables(text))
  }

  @Test("the built-in tour with CRLF line ends, outside a tours/ folder, is a tour")
  func crlfTourOutsideToursFolder() throws {
    let tours = TourDecodingTests.presets.folders[0].replacingOccurrences(
      of: "/presets", with: "/tours")
    let text = try String(
      contentsOfFile: tours + "/backprop-through-samples.toml", encoding: .utf8)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("crlf-\(UUID().uuidString).toml").path
    try text.replacingOccurrences(of: "\n", with: "\r\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(TourDecoder.isTourFile(path))
    let tour = try TourDecoder.load(path: path)
    #expect(try tour.scenarios(presets: TourDecodingTests.presets).count == tour.steps.count)
  }
}
