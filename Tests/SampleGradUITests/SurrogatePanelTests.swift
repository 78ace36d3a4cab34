import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// The learned surrogate beside `f` (RELAX, LAX): the marks land on the rows their values
/// map to on one linear axis, the axes are labelled, and the live screen shows the panel when
/// a learned control variate is on.
@Suite("Learned surrogate panel")
struct SurrogatePanelTests {
  /// RELAX on a bit: f at the hard sample steps from 0.2 to 0.3 at z = 0; c rises linearly
  /// from 0.2 to 0.3 across the line.
  static let relax: SurrogateCurve = {
    let xs = (0..<41).map { -6 + 12 * Double($0) / 40 }
    return SurrogateCurve(
      kind: .relax, variable: "z1", xs: xs, objective: xs.map { $0 > 0 ? 0.3 : 0.2 },
      surrogate: xs.map { 0.25 + $0 / 120 }, network: xs.map { $0 / 120 })
  }()

  static let lax = SurrogateCurve(
    kind: .lax, variable: "x", xs: [-4, 0, 4], objective: [0, 0, 1], surrogate: [0, 0.5, 1],
    network: [0, 0.5, 1])

  @Test("f and c on one axis: f's step on the top and bottom plot rows, c between, labelled")
  func cells() {
    var buffer = Canvas.make(width: 44, height: 10)
    let area = Rect(x: 2, y: 1, width: 40, height: 8)
    SurrogatePanel(curve: Self.relax).draw(into: &buffer, in: area, theme: Canvas.ascii)
    let lines = buffer.lines
    // Title row, 5 plot rows (y 2...6), the x axis (7), the legend (8).
    #expect(lines[1].contains("What RELAX learned"))
    // "0.3" labels the top row, "0.2" the bottom; the plot starts after the label column.
    #expect(lines[2].dropFirst(2).hasPrefix("0.3"))
    #expect(lines[6].dropFirst(2).hasPrefix("0.2"))
    let plotX = 2 + 4
    let plotWidth = 40 - 4
    // Left of z = 0, f = 0.2 sits on the bottom row; right of it, 0.3 on the top row.
    #expect(buffer[plotX + 8, 6].character == SurrogatePanel.objectiveMark)
    #expect(buffer[plotX + 27, 2].character == SurrogatePanel.objectiveMark)
    // c from 0.2 to 0.3 crosses the middle row (0.25) at the middle column.
    #expect(buffer[plotX + plotWidth / 2, 4].character == SurrogatePanel.surrogateMark)
    // Where both land in one cell (the left end, 0.2), c's mark wins.
    #expect(buffer[plotX, 6].character == SurrogatePanel.surrogateMark)
    #expect(lines[7].contains("-6") && lines[7].contains("z1") && lines[7].hasSuffix("6··"))
    #expect(lines[8].contains("f at the hard sample"))
    // Nothing outside the area.
    #expect(lines[0].allSatisfy { $0 == Canvas.marker })
    #expect(lines[9].allSatisfy { $0 == Canvas.marker })
    for line in lines { #expect(line.hasPrefix("··") && line.hasSuffix("··")) }
  }

  @Test("LAX's panel is along x; a flat curve still draws; too small an area draws nothing")
  func laxAndSmall() {
    var buffer = Canvas.make(width: 40, height: 8)
    SurrogatePanel(curve: Self.lax).draw(
      into: &buffer, in: Rect(x: 0, y: 0, width: 40, height: 8), theme: Canvas.unicode)
    #expect(buffer.lines[0].contains("What LAX learned") && buffer.lines[0].contains("along x"))
    #expect(buffer.lines[7].contains("c(x), the learned network"))
    let flat = SurrogateCurve(
      kind: .lax, variable: "x", xs: [0, 1], objective: [1, 1], surrogate: [1, 1],
      network: [1, 1])
    var small = Canvas.make(width: 40, height: 8)
    SurrogatePanel(curve: flat).draw(
      into: &small, in: Rect(x: 0, y: 0, width: 40, height: 8), theme: Canvas.ascii)
    #expect(small.lines.contains { $0.contains("o") })
    var tiny = Canvas.make(width: 40, height: 4)
    SurrogatePanel(curve: Self.relax).draw(
      into: &tiny, in: Rect(x: 0, y: 0, width: 40, height: 4), theme: Canvas.ascii)
    #expect(tiny.lines.allSatisfy { $0.allSatisfy { $0 == Canvas.marker } })
  }

  @Test("the live screen shows it with the samples at 160x48 and in their place at 80x24")
  func liveScreen() {
    var snapshot = HandBuilt.categorical(after: true)
    snapshot.surrogate = Self.relax
    let wide = Fixtures.screen(snapshot, width: 160, height: 48).lines.joined(separator: "\n")
    #expect(wide.contains("What RELAX learned"))
    #expect(wide.contains("Relaxed samples"))
    let plain = HandBuilt.categorical(after: true)
    let none = Fixtures.screen(plain, width: 160, height: 48).lines.joined(separator: "\n")
    #expect(!none.contains("learned"))
  }

  @Test("the engine publishes relax's curve when relax is on, and none without it")
  func engine() throws {
    let scenario = try Scenario(
      name: "relax", estimators: [.exact, .relax],
      distribution: .bernoulli(logOdds: 0, temperature: 0.5), objective: .quadratic(target: [0.45]))
    var state = EngineState(scenario: scenario, seed: 7)
    state.step(samples: 2_000)
    let curve = try #require(state.snapshot().surrogate)
    #expect(curve.kind == .relax && curve.xs.count == 41)
    #expect(curve.objective.first == 0.45 * 0.45 && abs(curve.objective.last! - 0.3025) < 1e-15)
    #expect(curve.surrogate.allSatisfy { $0.isFinite })
    let plain = try Scenario(
      name: "rebar", estimators: [.exact, .rebar],
      distribution: .bernoulli(logOdds: 0, temperature: 0.5), objective: .quadratic(target: [0.45]))
    var other = EngineState(scenario: plain, seed: 7)
    other.step(samples: 10)
    #expect(other.snapshot().surrogate == nil)
  }
}
