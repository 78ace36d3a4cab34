import SampleGradCore

/// Under the wide table, what each column measures and what the colours mean, so a class can
/// read the table without the teacher: one line per column.
struct OverviewReading: Widget, Sendable {
  var overview: Overview

  func lines(theme: Theme) -> [(label: String, text: String)] {
    let g = theme.glyphs
    let threshold = NumberFormat.short(BiasVerdict.threshold)
    let shift = NumberFormat.short(100 * OverviewFit.resolution)
    let colours =
      switch theme.name {
      case .dark: "green, a property to have; yellow, a limitation; dim, nothing measured here"
      case .light: "green, a property to have; red, a limitation; gray, nothing measured here"
      case .mono: "bold, a limitation; dim, nothing measured here"
      }
    return [
      (
        "samples",
        "the kind of distribution the method works on; one that does not run here is measured "
          + "on the built-in scenario named above its rows."
      ),
      (
        "differentiable in θ",
        "a gradient signal comes out: the mean of the estimates ± 2 SE (always 0 ± 0: none)."
      ),
      (
        "exact distribution",
        "the points the method's own forward pass evaluates f at: χ² p against p (yes once a "
          + "\(shift)% shift would show), or relaxed points (no)."
      ),
      (
        "needs df/dx",
        "measured on \(overview.probeDescription): a method that needs df/dx cannot run there, "
          + "or answers wrong."
      ),
      (
        "unbiased",
        "the mean over \(threshold) SE from the exact gradient is a bias; \"no bias seen\" only "
          + "once a \(Int(100 * OverviewDecision.resolution))% bias would show (? until then)."
      ),
      ("colours", "the answers: \(colours)."),
    ].map { (g.text($0.0), g.text($0.1)) }
  }

  /// Draws a title line and the lines that fit; returns the rows used. Lines are cut at the
  /// area's edge.
  @discardableResult
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Int {
    buffer.clipped(to: rect) { drawLines(into: &$0, in: rect, theme: theme) }
  }

  private func drawLines(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Int {
    guard rect.height >= 2 else { return 0 }
    SectionTitle(title: "Reading the table").draw(into: &buffer, in: rect.row(0), theme: theme)
    let all = lines(theme: theme)
    let labelWidth = all.map(\.label.count).max() ?? 0
    for (i, line) in all.enumerated() where i + 1 < rect.height {
      let y = rect.y + 1 + i
      buffer.write(line.label, x: rect.x + 1, y: y, style: theme.style(.label))
      buffer.write(
        ScreenFormat.clip(line.text, rect.width - labelWidth - 4, ellipsis: theme.glyphs.ellipsis),
        x: rect.x + 3 + labelWidth, y: y, style: theme.style(.plain))
    }
    return min(all.count + 1, rect.height)
  }

  /// Rows the whole reading takes.
  static let height = 7
}
