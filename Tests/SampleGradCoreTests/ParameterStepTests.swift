import Testing

@testable import SampleGradCore

/// The explorer's arrow and page keys: a grid for means and logits, a factor with bounds for a
/// standard deviation, and refusals in plain words.
@Suite("Parameter steps")
struct ParameterStepTests {
  let gaussian = DistributionSpec.gaussian(mean: 1, std: 1)

  private func step(
    _ d: DistributionSpec, _ index: Int, up: Bool, _ size: ParameterStep.Size = .small
  ) -> Double? {
    try? ParameterStep.next(d, parameter: index, up: up, size: size).get()
  }

  @Test("ten steps of -0.1 from 1 land on 0 exactly, not on 1.39e-16")
  func gridHasNoResidue() {
    var d = gaussian
    for _ in 0..<10 { d = d.with(parameter: 0, value: step(d, 0, up: false)!) }
    #expect(d.parameters[0] == 0)
    d = d.with(parameter: 0, value: step(d, 0, up: false)!)
    #expect(d.parameters[0] == -0.1)
    for _ in 0..<3 { d = d.with(parameter: 0, value: step(d, 0, up: true)!) }
    #expect(d.parameters[0] == 0.2)
  }

  @Test("an off-grid value steps to the next grid point in that direction")
  func offGrid() {
    let d = DistributionSpec.categorical(logits: [0.537, -6.5], temperature: 1)
    #expect(step(d, 0, up: true) == 0.6)
    #expect(step(d, 0, up: false) == 0.5)
    #expect(step(d, 1, up: false, .large) == -7.5)
    #expect(step(d, 1, up: true, .large) == -5.5)
    #expect(step(d, 0, up: true, .large) == 1.5)
    #expect(step(d, 0, up: false, .large) == -0.4)
  }

  @Test("the std scales by 1.25 (or 2), returns exactly, and stops at 0.01 with a message")
  func stdScales() {
    var d = gaussian
    var values: [Double] = []
    for _ in 0..<10 {
      d = d.with(parameter: 1, value: step(d, 1, up: false)!)
      values.append(d.parameters[1])
    }
    #expect(values[0] == 0.8 && values[1] == 0.64 && values[2] == 0.512)
    #expect(abs(values[9] - 0.1073741824) < 1e-12)
    for _ in 0..<10 { d = d.with(parameter: 1, value: step(d, 1, up: true)!) }
    #expect(d.parameters[1] == 1)
    for _ in 0..<30 {
      guard let next = step(d, 1, up: false) else { break }
      d = d.with(parameter: 1, value: next)
    }
    #expect(d.parameters[1] == 0.01)
    let refused = ParameterStep.next(d, parameter: 1, up: false, size: .small)
    #expect(refused == .failure(ParameterStep.Refusal("std cannot go below 0.01")))
    #expect(step(gaussian, 1, up: true, .large) == 2)
    // Every value the keys reach passes the scenario rules (std > 0).
    #expect(Distribution.problems(d).isEmpty)
  }

  @Test("a missing parameter is refused in words")
  func missing() {
    #expect(
      ParameterStep.next(gaussian, parameter: 2, up: true, size: .small)
        == .failure(ParameterStep.Refusal("there is no parameter 3")))
  }

  @Test("significant digits keep trailing zeros")
  func significant() {
    #expect(NumberFormat.significant(0.06) == "0.0600")
    #expect(NumberFormat.significant(0.0602) == "0.0602")
    #expect(NumberFormat.significant(12.3) == "12.3")
    #expect(NumberFormat.significant(99.96) == "100")
    #expect(NumberFormat.significant(-0.5) == "-0.500")
    #expect(NumberFormat.significant(0.001) == "0.00100")
  }
}
