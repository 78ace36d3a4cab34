import SampleGradCore
import SampleGradEngine

/// Every estimator row in a list (`e`), so rows past the ninth, which have no digit key, can be
/// turned on and off too: a check box, the row's key and chart glyph, its name and its verdict
/// on the selected parameter (or why it cannot run here), and what the highlighted one does.
struct EstimatorChooserOverlay: Widget, Sendable {
  var frame: PanelFrame
  var selected: Int

  static func box(screen: Rect, rows: Int) -> Rect {
    screen.centered(width: min(screen.width - 4, 72), height: min(rows + 5, screen.height - 2))
  }

  /// The rows of the list inside the box.
  static func list(screen: Rect, rows: Int) -> Rect {
    box(screen: screen, rows: rows).inset(dx: 2, dy: 1).splitBottom(2).rest
  }

  /// Draws the box centred in `screen`.
  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    let rows = context.snapshot.estimators
    let box = Self.box(screen: screen, rows: rows.count)
    let inside = Box(title: "Estimators").draw(into: &buffer, in: box, theme: context.theme)
    guard inside.height >= 3 else { return }
    let (list, hintRow) = inside.splitBottom(2)
    let visible = list.height
    let start = ScrollWindow.start(keeping: selected, visible: visible, count: rows.count)
    let g = context.glyphs
    for row in 0..<min(visible, rows.count - start) {
      let i = start + row
      let e = rows[i]
      let line = list.row(row)
      let check = e.isEnabled ? (g.isASCII ? "[x]" : "[✓]") : "[ ]"
      let key = i < 9 ? "\(i + 1)" : " "
      let marker = i == selected ? String(g.selection) : " "
      let verdict =
        e.unavailable ?? (e.isEnabled ? (e.summary(context.selected)?.verdict.text ?? "") : "off")
      let text =
        "\(marker) \(check) \(key) \(context.theme.seriesGlyph(e.kind)) "
        + ScreenFormat.pad(EstimatorLabel.name(e.kind, wide: true), 26) + verdict
      let style =
        i == selected ? context.style(.selected) : context.style(e.isEnabled ? .plain : .off)
      buffer.write(ScreenFormat.pad(text, line.width), in: line, style: style)
    }
    if rows.indices.contains(selected) {
      buffer.write(
        rows[selected].kind.descriptor.summary, in: hintRow.row(0), style: context.style(.hint),
        ellipsis: g.ellipsis)
    }
    var hint = "\(g.upDown) move   space or Enter turns on/off   Esc closes"
    if rows.count > visible {
      hint = "\(start + 1)-\(start + min(visible, rows.count)) of \(rows.count)   " + hint
    }
    buffer.write(hint, in: hintRow.row(1), align: .right, style: context.style(.hint))
  }
}
