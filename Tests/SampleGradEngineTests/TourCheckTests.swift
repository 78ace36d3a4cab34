import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// Every built-in tour's claims hold at its seeds: the same run as
/// `samplegrad tour NAME --check`, so a lecture stays true as the code changes.
@Suite("Built-in tours")
struct TourCheckTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let presets = PresetLibrary(folders: [root.appendingPathComponent("presets").path])
  static let tours = PresetLibrary(folders: [root.appendingPathComponent("tours").path])

  @Test("the built-in tour exists and has ten to seventeen steps, ending on the overview")
  func builtIn() throws {
    let tour = try TourLibrary.load("backprop-through-samples", from: Self.tours)
    #expect((10...17).contains(tour.steps.count))
    #expect(tour.steps.last?.view == .overview)
  }

  @Test("every check of every built-in tour passes")
  func everyCheckPasses() throws {
    for entry in Self.tours.entries() {
      let tour = try TourDecoder.load(path: entry.path)
      let results = try TourChecker.check(tour, presets: Self.presets, threads: 2)
      #expect(!results.isEmpty, "\(entry.name) checks nothing")
      for result in results where !result.outcome.passed {
        Issue.record("\(entry.name): \(result.line)")
      }
    }
  }

  @Test("a false claim fails, with both sides measured")
  func falseClaimFails() throws {
    let tour = try TourDecoder.decode(
      """
      title = "wrong"
      [[step]]
      title = "x"
      preset = "bias-and-variance"
      caption = "x"
      samples = 20000
      checks = ["gumbel-softmax.variance[0] > 10 * score-function.variance[0]"]
      """, name: "wrong", source: "wrong.toml")
    let results = try TourChecker.check(tour, presets: Self.presets)
    #expect(results.count == 1 && !results[0].outcome.passed)
    #expect(results[0].line.hasPrefix("FAIL  step 1 (x): gumbel-softmax.variance[0] > 10 *"))
  }
}
