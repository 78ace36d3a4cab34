import Foundation
import Testing

@testable import SampleGradCore

/// The values a sweep visits: exact ends, even spacing on the scale, clear refusals.
@Suite("Sweep grid")
struct SweepGridTests {
  @Test("the default temperature grid: 0.01 to 100, six points a decade, 1 in the middle")
  func logGrid() throws {
    let grid = try SweepGrid(from: 0.01, to: 100, points: 25, scale: .log)
    let values = grid.values
    #expect(values.count == 25)
    #expect(values.first == 0.01 && values.last == 100)
    #expect(values[12] == 1)
    #expect(values[6] == 0.1 && values[18] == 10)
    // Even in log10: each step is a factor 10^(1/6), to rounding (1e-12 relative).
    let factor = pow(10, 1.0 / 6)
    for i in 1..<values.count {
      #expect(abs(values[i] / values[i - 1] / factor - 1) < 1e-12)
    }
    // Never outside the ends, so a grid inside a setting's allowed range stays inside it.
    #expect(values.allSatisfy { (0.01...100).contains($0) })
  }

  @Test("a linear grid from -3 to 3 steps by 0.25 and hits 1 exactly")
  func linearGrid() throws {
    let grid = try SweepGrid(from: -3, to: 3, points: 25, scale: .linear)
    #expect(grid.values.first == -3 && grid.values.last == 3)
    #expect(grid.value(16) == 1)
    #expect(grid.value(12) == 0)
    for i in 1..<25 { #expect(abs(grid.value(i) - grid.value(i - 1) - 0.25) < 1e-12) }
  }

  @Test("positions on the scale and the nearest point")
  func positions() throws {
    let log = try SweepGrid(from: 0.01, to: 100, points: 25, scale: .log)
    #expect(log.position(of: 1) == 0.5)
    #expect(log.position(of: 0) == nil)
    #expect(log.nearestPoint(to: 0.5) == 10)  // 0.464 is nearer than 0.681 in log terms
    #expect(log.nearestPoint(to: 1e9) == 24)
    let linear = try SweepGrid(from: -3, to: 3, points: 7, scale: .linear)
    #expect(linear.position(of: 0) == 0.5)
    #expect(linear.nearestPoint(to: -2.4) == 1)
  }

  @Test(
    "a bad grid is refused with the key of the value at fault",
    arguments: [
      (1.0, 1.0, 25, SweepScale.linear, "to: must be greater than from (1), got 1"),
      (2.0, 1.0, 25, .linear, "to: must be greater than from (2), got 1"),
      (-1.0, 1.0, 25, .log, "from: a log scale needs values above 0, got -1 (use a linear scale)"),
      (0.0, 1.0, 25, .log, "from: a log scale needs values above 0, got 0 (use a linear scale)"),
      (0.1, 1.0, 1, .log, "points: must be between 2 and 200, got 1"),
      (0.1, 1.0, 201, .log, "points: must be between 2 and 200, got 201"),
      (Double.nan, 1.0, 25, .linear, "from: must be a finite number, got nan"),
      (0.0, Double.infinity, 25, .linear, "to: must be a finite number, got inf"),
    ])
  func refusals(from: Double, to: Double, points: Int, scale: SweepScale, expected: String) {
    #expect(throws: InvalidScenario.self) {
      try SweepGrid(from: from, to: to, points: points, scale: scale)
    }
    do {
      _ = try SweepGrid(from: from, to: to, points: points, scale: scale)
    } catch {
      #expect(error.problems.map(\.description).contains(expected), "\(error.problems)")
    }
  }
}
