import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

/// The model presets' lessons (the digits VAE). Each claim is a check in the tour's check
/// language in the preset's own `checks`, read in a race of the preset's settings (its last
/// trace point per lane: exact negative ELBOs and NLL, never sampled) and in a `run` of each
/// estimator's encoder gradient at the start (`VAECheckContext`), at the preset's seed, which
/// `samplegrad train --preset NAME` and `samplegrad run --preset NAME` print.
@Suite("Preset lessons: the digits VAE")
struct ModelPresetLessonTests {
  static func preset(_ name: String) throws -> VAEPreset {
    try VAEPreset.load(path: PresetLab.path(name))
  }

  /// The race (only when a check reads it) and the run of `preset`.
  static func context(_ preset: VAEPreset) throws -> VAECheckContext {
    try VAERunner.checkContext(preset, checks: preset.checks, threads: 2)
  }

  @Test("every model preset: a title, a 3 to 6 sentence lesson, seed 7, checks for its claims")
  func everyModelPresetHasALesson() throws {
    let names = try PresetLab.modelNames()
    #expect(names == ["digits-vae", "digits-vae-16"])
    for name in names {
      let preset = try Self.preset(name)
      #expect(preset.name == name)
      #expect(!preset.title.isEmpty)
      let sentences = LessonText.sentences(preset.lesson)
      #expect((3...6).contains(sentences.count), "\(name): \(sentences.count) sentences")
      #expect(preset.race.seed == PresetLab.seed)
      #expect(preset.checks.count >= 4, "\(name): the lesson's claims are its checks")
    }
  }

  @Test(
    "digits-vae: every claim of the lesson holds in its race and its run",
    arguments: [
      "digits-vae", "digits-vae-16",
    ])
  func lessonHolds(name: String) throws {
    let preset = try Self.preset(name)
    let context = try Self.context(preset)
    for check in preset.checks {
      #expect(context.problem(check) == nil, "\(name): \(context.problem(check) ?? "")")
      let outcome = context.evaluate(check)
      #expect(outcome.passed, "\(name): \(check.text) measured \(outcome.measured)")
    }
  }
}
