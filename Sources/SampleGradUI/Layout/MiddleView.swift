/// What the middle of a narrow screen shows, where there is no room for every pane: the
/// samples (relaxed vectors or the density), the lesson, or the variance chart. `c` cycles,
/// the lesson first: the status line's one-line lesson says "(c: all)", so the first `c`
/// must show it (a tour, whose caption box takes the lesson's place, skips it).
package enum MiddleView: Sendable, Equatable, CaseIterable {
  case samples, lesson, chart

  var next: MiddleView {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}
