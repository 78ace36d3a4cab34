import SampleGradCore

/// Below the compact table: the selected method's full evidence, column by column
/// (`exact distribution: no: f at relaxed y, max |E[y] - p| 0.0267`), with its variance and
/// SD/|g| in the title line, packed on as few lines as the width allows.
struct OverviewDetail: Widget, Sendable {
  var overview: Overview
  var row: Overview.Row

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.height >= 2 else { return }
    let g = theme.glyphs
    let numbers = [
      row.variance.map { "variance \(ScreenFormat.short($0))" },
      row.relativeNoise.map { "SD/|g| \(ScreenFormat.short($0))" },
    ].compactMap { $0 }.joined(separator: " \(g.dot) ")
    let section = overview.section(of: row)
    let scenario = section.map { $0.isCurrent ? "" : ", \($0.scenarioName)" } ?? ""
    SectionTitle(
      title: "\(EstimatorLabel.name(row.kind, wide: true)) on "
        + "\(section?.componentName ?? overview.componentName)\(scenario)",
      info: numbers
    ).draw(into: &buffer, in: rect.row(0), theme: theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    let separator = "   "
    var x = body.x
    var y = body.y
    for column in Overview.Column.allCases {
      guard let cell = row.cells[column] else { continue }
      let label = g.text(column.rawValue) + ": "
      let answer = g.text(cell.answer)
      let evidence = cell.evidence.isEmpty ? "" : ": " + g.text(cell.evidence)
      let length = label.count + answer.count + evidence.count
      if x > body.x, x + separator.count + length > body.maxX {
        x = body.x
        y += 1
      } else if x > body.x {
        x += separator.count
      }
      guard y < body.maxY else { return }
      x = buffer.write(label, x: x, y: y, style: theme.style(.label), maxWidth: body.maxX - x)
      x = buffer.write(
        answer, x: x, y: y, style: OverviewRows.answerStyle(cell, column: column, theme: theme),
        maxWidth: body.maxX - x)
      let fits = ScreenFormat.clip(evidence, body.maxX - x, ellipsis: g.ellipsis)
      x = buffer.write(fits, x: x, y: y, style: theme.style(.plain), maxWidth: body.maxX - x)
    }
  }
}
