import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// The model race view on a small race stepped by hand: what each part of the screen shows
/// at 80x24 and 160x48, in Unicode and ASCII, and what its keys do.
@Suite("Model race view")
struct ModelRaceViewTests {
  static func text(_ buffer: Buffer) -> String {
    (0..<buffer.height).map { buffer.line($0) }.joined(separator: "\n")
  }

  @Test("80x24 and 160x48: header, chart, scoreboard, digits and keys")
  func layout() {
    let part = ModelRaceFixtures.part()
    for (w, h) in [(80, 24), (160, 48)] {
      let screen = Self.text(ModelRaceFixtures.screen(part, width: w, height: h))
      #expect(screen.contains("Model race"))
      #expect(screen.contains("step 10 / 20"))
      #expect(screen.contains("Negative ELBO (train)"))
      #expect(screen.contains("test digits"))
      #expect(screen.contains("DisARM"))
      #expect(screen.contains("g quality now"))
      // The scoreboard's numbers are the trace's last point.
      let last = part.lanes[0].trace.last!
      #expect(
        screen.contains(
          String(format: "%6.2f", last.trainElbo).trimmingCharacters(in: .whitespaces)))
    }
    // 160x48 shows every lane's reconstructions; 80x24 the selected one's only.
    let big = Self.text(ModelRaceFixtures.screen(part, width: 160, height: 48))
    #expect(big.contains("● exact") && big.contains("■ DisARM") && big.contains("▲ ST-Gumbel"))
  }

  @Test("digits are half blocks, or a 4-level ramp with --ascii")
  func digitGlyphs() {
    #expect(DigitRow.glyph(top: 1, bottom: 0, ascii: false) == "▀")
    #expect(DigitRow.glyph(top: 0, bottom: 0.9, ascii: false) == "▄")
    #expect(DigitRow.glyph(top: 0.6, bottom: 0.7, ascii: false) == "█")
    #expect(DigitRow.glyph(top: 0.2, bottom: 0.1, ascii: false) == " ")
    #expect(DigitRow.glyph(top: 1, bottom: 1, ascii: true) == "#")
    #expect(DigitRow.glyph(top: 0.5, bottom: 0.5, ascii: true) == ":")
    #expect(DigitRow.glyph(top: 0.3, bottom: 0, ascii: true) == " ")
    let ascii = Self.text(
      ModelRaceFixtures.screen(ModelRaceFixtures.part(), width: 80, height: 24, ascii: true))
    #expect(!ascii.unicodeScalars.contains { $0.value > 127 })
    #expect(ascii.contains("#"))
  }

  @Test("g switches the chart to gradient quality now, measured against the exact gradient")
  func quality() {
    let part = ModelRaceFixtures.part(quality: true)
    let q = part.quality!
    #expect(q.count == 3)
    #expect(q[0].relativeNoise == 0 && q[0].meanCosine == 1)
    #expect(q[1].relativeNoise > 0 && q[1].meanCosine < 1)
    let screen = Self.text(ModelRaceFixtures.screen(part, width: 80, height: 24))
    #expect(screen.contains("Gradient quality now (step 10)"))
    #expect(screen.contains("SD/|g|"))
  }

  @Test("keys: space, g and r reach the job; t and arrows change the view; Esc closes")
  func keys() {
    let snapshot = ModelRaceFixtures.snapshot(ModelRaceFixtures.part())
    var explorer = Explorer(presets: [])
    explorer.view = ModelRaceView()
    #expect(explorer.handle(.character(" "), snapshot: snapshot) == [.job(.model(.togglePause))])
    #expect(explorer.handle(.character("g"), snapshot: snapshot) == [.job(.model(.toggleQuality))])
    #expect(explorer.handle(.character("r"), snapshot: snapshot) == [.job(.model(.restart))])
    #expect(explorer.handle(.character("t"), snapshot: snapshot).isEmpty)
    _ = explorer.handle(.down, snapshot: snapshot)
    let view = explorer.view as? ModelRaceView
    #expect(view?.showsTest == true && view?.selected == 1)
    #expect(explorer.handle(.escape, snapshot: snapshot).contains(.job(.model(.close))))
    #expect(explorer.viewName == LiveView.name)
  }

  @Test("x exports the race so far as samplegrad train prints it")
  func export() {
    let part = ModelRaceFixtures.part()
    let json = VAETrainingReport.json(part.setup, name: part.title, lanes: part.result).render()
    #expect(json.contains("\"trainElbo\"") && json.contains("\"evaluations\""))
  }
}

/// Keys the model race cannot honour say why, and the race keeps its state.
@Suite("Model race view: refusals")
struct ModelRaceRefusalTests {
  @Test("g on a race without the exact gradient (D > 16) is a message, not a change")
  func qualityNeedsExact() {
    var job = ModelRaceJob(
      setup: VAERaceSetup(
        latents: 17, estimators: [.disarm], steps: 4, batch: 2, learningRate: 0.01,
        temperature: 0.5, seed: 7, every: 2),
      title: "D = 17")
    job.advance(1)
    var part = job.publish()
    part.isOpen = true
    let snapshot = ModelRaceFixtures.snapshot(part)
    var explorer = Explorer(presets: [])
    explorer.view = ModelRaceView()
    #expect(explorer.handle(.character("g"), snapshot: snapshot).isEmpty)
    #expect(explorer.message?.contains("needs the exact gradient") == true)
    #expect(explorer.viewName == ModelRaceView.name)
    #expect(explorer.handle(.character("z"), snapshot: snapshot).isEmpty)
    #expect(explorer.message?.contains("Esc returns") == true)
    var buffer = Buffer(width: 80, height: 24)
    explorer.render(snapshot, into: &buffer)
    let screen = (0..<24).map { buffer.line($0) }.joined(separator: "\n")
    #expect(screen.contains("Esc returns"))
    #expect(screen.contains("D = 17"))
  }
}
