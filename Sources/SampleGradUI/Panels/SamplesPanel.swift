import SampleGradCore
import SampleGradEngine

/// The histogram of discrete samples: one bar per outcome, with a marker where the exact
/// probability ends, plus the sample count and the chi-square p-value in the title.
struct SamplesPanel: Widget, Sendable {
  var frame: PanelFrame
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard !rect.isEmpty else { return }
    let snapshot = context.snapshot
    let histogram = snapshot.histogram
    SectionTitle(
      title: "Samples", info: Self.summary(snapshot, glyphs: context.glyphs),
      shortInfo: Self.test(snapshot, glyphs: context.glyphs)
    ).draw(into: &buffer, in: rect, theme: context.theme)
    let count = histogram.counts.count
    guard count > 0 else { return }
    let total = Double(max(histogram.total, 1))
    let frequencies = histogram.counts.map { Double($0) / total }
    let exact = histogram.probabilities
    let scale = max(frequencies.max() ?? 0, exact.max() ?? 0, 1e-12)
    let visible = rect.height - 1
    let start = context.windowStart(visible: visible)
    let labelWidth = context.outcomeLabel(count - 1).count
    for row in 0..<min(visible, count - start) {
      let i = start + row
      let line = rect.row(row + 1)
      buffer.write(
        ScreenFormat.pad(context.outcomeLabel(i), labelWidth, align: .right), in: line,
        style: context.style(.label))
      let (barArea, numberArea) = line.splitLeft(line.width - 8)
      let bar = barArea.splitLeft(labelWidth + 1).rest
      HistogramBar(observed: frequencies[i] / scale, exact: exact[i] / scale)
        .draw(into: &buffer, in: bar, theme: context.theme)
      buffer.write(
        ScreenFormat.probability(frequencies[i]), in: numberArea, align: .right,
        style: context.style(.plain))
    }
  }

  /// "n 20,000 · χ² p 0.42" (or "too few" before the test means anything).
  static func summary(_ snapshot: Snapshot, glyphs: Glyphs) -> String {
    "n \(ScreenFormat.count(snapshot.samples)) \(glyphs.dot) " + test(snapshot, glyphs: glyphs)
  }

  /// "χ² p 0.42": the chi-square test of the counts against the exact probabilities ("n/a"
  /// where the bins are finer than doubles resolve).
  static func test(_ snapshot: Snapshot, glyphs: Glyphs) -> String {
    let test = snapshot.chiSquare
    let p =
      test.skipped != nil ? "n/a" : test.pValue.map { "p " + ScreenFormat.short($0) } ?? "too few"
    return "\(glyphs.chiSquare) \(p)"
  }
}
