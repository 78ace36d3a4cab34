/// What the middle of a narrow screen shows, where there is no room for every pane: the
/// samples (relaxed vectors or the density), the variance chart, or the lesson. `c` cycles.
package enum MiddleView: Sendable, Equatable, CaseIterable {
  case samples, chart, lesson

  var next: MiddleView {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}
