import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

@Suite("Robustness")
struct RobustnessTests {
  private func text(_ buffer: Buffer) -> String { buffer.lines.joined(separator: "\n") }

  @Test("extreme logits at the lowest temperature: no cell shows nan or inf")
  func nanFree() {
    let snapshot = Fixtures.snapshot(Fixtures.extreme)
    for (w, h) in [(80, 24), (160, 48), (100, 30)] {
      for ascii in [false, true] {
        var explorer = Explorer(presets: [], options: DisplayOptions(ascii: ascii))
        for _ in 0..<3 {
          let screen = text(Fixtures.screen(snapshot, width: w, height: h, explorer: explorer))
          #expect(!screen.lowercased().contains("nan"), "\(w)x\(h)")
          #expect(!screen.lowercased().contains("inf"), "\(w)x\(h)")
          _ = explorer.handle(.right, snapshot: snapshot)
        }
      }
    }
  }

  @Test("a snapshot before any sample, and one with non-finite statistics, draw dashes")
  func empty() {
    var snapshot = Fixtures.snapshot(Fixtures.categorical, batches: 0)
    #expect(!text(Fixtures.screen(snapshot, width: 80, height: 24)).contains("nan"))
    snapshot = Fixtures.snapshot(Fixtures.categorical, batches: 2)
    for i in snapshot.estimators.indices {
      snapshot.estimators[i].mean = [.nan, .infinity, -.infinity, .nan]
      snapshot.estimators[i].variance = [.infinity, .nan, 1, 1]
      snapshot.estimators[i].varianceHistory = [[.nan, 1, 1, 1], [.infinity, 2, 2, 2]]
    }
    snapshot.relaxedMean = [.nan, 0.5, 0.5, 0]
    let screen = text(Fixtures.screen(snapshot, width: 160, height: 48)).lowercased()
    #expect(!screen.contains("nan") && !screen.contains("inf"))
  }

  @Test("every size from 0x0 up draws without trapping; below 80x24 a notice")
  func sizes() {
    let snapshots = [
      Fixtures.snapshot(Fixtures.categorical, batches: 2),
      Fixtures.snapshot(Fixtures.gaussian, batches: 2),
    ]
    var explorer = Explorer(presets: Fixtures.presets)
    _ = explorer.handle(.character("p"), snapshot: snapshots[0])
    for snapshot in snapshots {
      for (w, h) in [(0, 0), (1, 1), (0, 30), (200, 0), (10, 3), (79, 24), (80, 23)] {
        let screen = Fixtures.screen(snapshot, width: w, height: h, explorer: explorer)
        #expect(screen.width == w && screen.height == h)
        if w >= 40, h >= 3 { #expect(text(screen).contains("terminal too small")) }
      }
      for w in stride(from: 80, through: 240, by: 7) {
        for h in stride(from: 24, through: 72, by: 5) {
          let screen = Fixtures.screen(snapshot, width: w, height: h)
          #expect(screen.lines.count == h)
          #expect(screen.lines[h - 1].contains("q quit"))
        }
      }
    }
    let tooSmall = Fixtures.screen(snapshots[0], width: 50, height: 10)
    #expect(tooSmall.lines.contains { $0.contains("need 80x24, have 50x10") })
  }

  @Test("64 categories fit at 80 columns, keeping the selected logit in view")
  func manyCategories() throws {
    let k = 64
    let scenario = try Scenario(
      name: "k64",
      distribution: .categorical(logits: (0..<k).map { Double($0 % 5) }, temperature: 1),
      objective: .linear(weights: (0..<k).map { Double($0) / Double(k) }))
    let snapshot = Fixtures.snapshot(scenario, batches: 3)
    var explorer = Explorer(presets: [])
    for _ in 0..<40 { _ = explorer.handle(.right, snapshot: snapshot) }
    for (w, h) in [(80, 24), (160, 48)] {
      let lines = Fixtures.screen(snapshot, width: w, height: h, explorer: explorer).lines
      #expect(lines.contains { $0.contains("▶ logit 41") }, "\(w)x\(h)")
      #expect(lines.contains { $0.contains("dL/d logit 41") }, "\(w)x\(h)")
      #expect(lines.contains { $0.contains(" of 64") }, "\(w)x\(h)")
    }
  }

  @Test("ASCII mode draws only ASCII characters, overlays and chart included")
  func asciiOnly() {
    var explorer = Explorer(presets: Fixtures.presets, options: DisplayOptions(ascii: true))
    let snapshots = [
      HandBuilt.categorical(after: true), HandBuilt.bernoulli(), HandBuilt.gaussian(),
      Fixtures.snapshot(Fixtures.categorical, batches: 3),
    ]
    for snapshot in snapshots {
      for (w, h) in [(80, 24), (160, 48)] {
        for key in [
          Key.escape, .character("m"), .character("?"), .tab, .escape, .character("p"), .escape,
          .character("e"), .escape, .character("c"), .character("c"),
        ] {
          _ = explorer.handle(key, snapshot: snapshot)
          let screen = Fixtures.screen(snapshot, width: w, height: h, explorer: explorer)
          let odd = Set(screen.cells.map(\.character).filter { !$0.isASCII })
          #expect(odd.isEmpty, "\(snapshot.scenario.name) \(w)x\(h) after \(key): \(odd)")
        }
        _ = explorer.handle(.escape, snapshot: snapshot)
      }
    }
  }

  @Test("styles: selected parameter reversed, verdicts by colour, off rows dim, mono has none")
  func styles() {
    let snapshot = HandBuilt.categorical(after: false)
    let screen = Fixtures.screen(snapshot, width: 80, height: 24)
    let lines = screen.lines
    func position(of text: String) -> (x: Int, y: Int) {
      for (y, line) in lines.enumerated() {
        if let range = line.range(of: text) {
          return (line.distance(from: line.startIndex, to: range.lowerBound), y)
        }
      }
      return (-1, -1)
    }
    let selected = position(of: "▶ logit 1")
    #expect(screen[selected.x + 2, selected.y].style.reverse)
    let seen = position(of: "no bias")
    let glyph = Theme(options: DisplayOptions()).seriesGlyph(.gumbelSoftmax)
    let gumbel = position(of: "\(glyph) Gumbel-softmax")
    #expect(gumbel.y >= 0)
    let biased = (x: gumbel.x + 17, y: gumbel.y)
    #expect(lines[biased.y].dropFirst(biased.x).hasPrefix("bias "))
    let off = position(of: "off (press 3")
    #expect(screen[seen.x, seen.y].style.foreground == .green)
    #expect(screen[biased.x, biased.y].style.foreground == .yellow)
    #expect(screen[off.x, off.y].style.dim)
    let mono = Fixtures.screen(
      snapshot, width: 80, height: 24,
      explorer: Explorer(presets: [], options: DisplayOptions(color: false)))
    #expect(mono.cells.allSatisfy { $0.style.foreground == .default })
    #expect(mono[biased.x, biased.y].style.bold)
    let light = Fixtures.screen(
      snapshot, width: 80, height: 24,
      explorer: Explorer(presets: [], options: DisplayOptions(theme: .light)))
    #expect(light.cells.allSatisfy { $0.style.background == .brightWhite })
    #expect(light[biased.x, biased.y].style.foreground == .red)
  }
}
