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

  @Test("ASCII mode draws only ASCII characters")
  func asciiOnly() {
    var explorer = Explorer(presets: Fixtures.presets, options: DisplayOptions(ascii: true))
    for scenario in [Fixtures.categorical, Fixtures.bernoulli, Fixtures.gaussian] {
      let snapshot = Fixtures.snapshot(scenario, batches: 3)
      for (w, h) in [(80, 24), (160, 48)] {
        for key in [Key.escape, .character("?"), .escape, .character("p")] {
          _ = explorer.handle(key, snapshot: snapshot)
          let screen = Fixtures.screen(snapshot, width: w, height: h, explorer: explorer)
          #expect(screen.cells.allSatisfy { $0.character.isASCII }, "\(scenario.name) \(w)x\(h)")
        }
        _ = explorer.handle(.escape, snapshot: snapshot)
      }
    }
  }

  @Test("styles: selected parameter reversed, biased rows apart from unbiased, off rows dim")
  func styles() {
    let snapshot = Fixtures.snapshot(Fixtures.categorical, batches: 3) { state in
      state.apply(.toggleEstimator(.rebar))
    }
    let screen = Fixtures.screen(snapshot, width: 80, height: 24)
    let lines = screen.lines
    func row(containing text: String) -> Int { lines.firstIndex { $0.contains(text) } ?? -1 }
    let selected = row(containing: "▶ logit 1")
    #expect(screen[2, selected].style.reverse)
    let unbiased = row(containing: "score function unbiased")
    let biased = row(containing: "Gumbel-softmax biased")
    let off = row(containing: "REBAR")
    #expect(lines[off].contains("off"))
    #expect(screen[20, unbiased].style.foreground == .green)
    #expect(screen[20, biased].style.foreground == .yellow)
    #expect(screen[3, off].style.dim)
    let plain = Fixtures.screen(
      snapshot, width: 80, height: 24,
      explorer: Explorer(presets: [], options: DisplayOptions(color: false)))
    #expect(plain.cells.allSatisfy { $0.style.foreground == .default })
  }
}
