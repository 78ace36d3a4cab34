import SampleGradCore

/// The overview table itself: the column titles, then one row per method, each answer in the
/// colour of its tone (a property to have, a limitation, or nothing measured) and the
/// evidence beside it. The rows measured on a built-in scenario (methods for another kind of
/// distribution) follow under a line that names it. A method measured nowhere takes one dim
/// line, or, when `folds` is set, joins the others on one line at the end.
struct OverviewRows: Widget, Sendable {
  var overview: Overview
  var columns: OverviewColumns
  /// The highlighted row (the selection), by index into `overview.rows`.
  var selected: Int?
  var folds = false
  /// The first row drawn, by index into `overview.rows`: a narrow screen scrolls the table so
  /// that the selection and the detail under it stay in view.
  var firstRow = 0
  /// At most this many lines of method rows (nil: as many as fit), so the folded line after
  /// them stays in view.
  var rowLines: Int?

  /// Lines the table takes at its width.
  func height(width: Int) -> Int {
    let rows = overview.rows.indices.filter { !folds || overview.rows[$0].isMeasured }
    return columns.headerHeight + rows.reduce(0) { $0 + lines(ofRow: $1) }
      + (folds ? foldedLines(width: width).count : 0)
  }

  /// Whether row `index` starts a built-in scenario's rows (a line naming it goes above).
  func startsSection(_ index: Int) -> Bool {
    let row = overview.rows[index]
    guard let section = row.section, section > 0 else { return false }
    return index == 0 || overview.rows[index - 1].section != section
  }

  /// Lines row `index` takes, with the line above it that names its scenario.
  func lines(ofRow index: Int) -> Int {
    columns.height(of: overview.rows[index]) + (startsSection(index) ? 1 : 0)
  }

  /// `on the built-in gaussian: N(1, 1), f = x²; numbers for mean`.
  func sectionLine(_ row: Overview.Row) -> String {
    guard let section = overview.section(of: row) else { return "" }
    return columns.glyphs.text("on the \(section.label); numbers for \(section.componentName)")
  }

  /// Draws the titles and as many rows as fit; returns the rows written. The columns were
  /// laid out for a width: in a narrower area they are cut at its edge.
  @discardableResult
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Int {
    buffer.clipped(to: rect) { drawRows(into: &$0, in: rect, theme: theme) }
  }

  private func drawRows(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> Int {
    let x = rect.x
    var y = rect.y
    drawTitles(into: &buffer, in: rect, theme: theme)
    y += columns.headerHeight
    let rowsEnd = rowLines.map { min(y + $0, rect.maxY) } ?? rect.maxY
    for (index, row) in overview.rows.enumerated() where index >= firstRow {
      guard y < rowsEnd else { break }
      // A table scrolled into a built-in scenario's rows still names it at the top.
      let names = startsSection(index) || (index == firstRow && (row.section ?? 0) > 0)
      if names, y < rowsEnd {
        buffer.write(
          ScreenFormat.clip(sectionLine(row), rect.maxX - x - 1, ellipsis: columns.glyphs.ellipsis),
          x: x + 1, y: y, style: theme.style(.label), maxWidth: rect.maxX - x - 1)
        y += 1
        guard y < rowsEnd else { break }
      }
      if !row.isMeasured {
        if !folds {
          drawUnavailable(row, into: &buffer, x: x, y: y, maxX: rect.maxX, theme: theme)
          y += 1
        }
        continue
      }
      let height = min(columns.height(of: row), rowsEnd - y)
      drawRow(
        row, selected: index == selected, into: &buffer,
        in: Rect(x: x, y: y, width: rect.width, height: height), theme: theme)
      y += height
    }
    if folds {
      for line in foldedLines(width: rect.width - 1) where y < rect.maxY {
        buffer.write(line, x: x + 1, y: y, style: theme.style(.off), maxWidth: rect.maxX - x - 1)
        y += 1
      }
    }
    return y - rect.y
  }

  private func drawTitles(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let style = theme.style(.label)
    buffer.write("method", x: rect.x + 1, y: rect.y, style: style)
    for (i, title) in columns.titles.enumerated() {
      for (line, text) in title.enumerated() {
        buffer.write(text, x: rect.x + columns.offset(of: i), y: rect.y + line, style: style)
      }
    }
    if columns.varianceWidth > 0 {
      writeRight(
        "variance", x: rect.x + columns.varianceOffset, width: columns.varianceWidth,
        y: rect.y, style: style, into: &buffer)
    }
    if columns.noiseWidth > 0 {
      writeRight(
        OverviewColumns.noiseTitle, x: rect.x + columns.noiseOffset, width: columns.noiseWidth,
        y: rect.y, style: style, into: &buffer)
    }
  }

  private func drawRow(
    _ row: Overview.Row, selected: Bool, into buffer: inout Buffer, in rect: Rect, theme: Theme
  ) {
    let nameStyle = selected ? theme.style(.selected) : theme.style(.plain)
    let name = ScreenFormat.pad(columns.name(row.kind), columns.nameWidth)
    if selected {
      buffer[rect.x, rect.y] = Cell(theme.glyphs.selection, style: theme.style(.marker))
    }
    buffer.write(name, x: rect.x + 1, y: rect.y, style: nameStyle, maxWidth: columns.nameWidth)
    for (i, column) in Overview.Column.allCases.enumerated() {
      let cell = row.cells[column]
      let lines = columns.lines(cell, column: i)
      let x = rect.x + columns.offset(of: i)
      let answer = columns.glyphs.text(cell?.answer ?? "")
      for (line, text) in lines.prefix(rect.height).enumerated() {
        let y = rect.y + line
        guard line == 0, text.hasPrefix(answer) else {
          buffer.write(text, x: x, y: y, style: theme.style(.plain), maxWidth: columns.widths[i])
          continue
        }
        let end = buffer.write(
          answer, x: x, y: y, style: Self.answerStyle(cell, column: column, theme: theme),
          maxWidth: columns.widths[i])
        buffer.write(
          String(text.dropFirst(answer.count)), x: end, y: y, style: theme.style(.plain),
          maxWidth: x + columns.widths[i] - end)
      }
    }
    if columns.varianceWidth > 0 {
      writeRight(
        row.variance.map { ScreenFormat.number($0, width: columns.varianceWidth) } ?? "-",
        x: rect.x + columns.varianceOffset, width: columns.varianceWidth, y: rect.y,
        style: theme.style(.value), into: &buffer)
    }
    if columns.noiseWidth > 0 {
      writeRight(
        row.relativeNoise.map { ScreenFormat.number($0, width: columns.noiseWidth) } ?? "-",
        x: rect.x + columns.noiseOffset, width: columns.noiseWidth, y: rect.y,
        style: theme.style(.value), into: &buffer)
    }
  }

  /// The style of a cell's answer: by its tone, except the kind of samples, which is a fact
  /// rather than a merit.
  static func answerStyle(_ cell: Overview.Cell?, column: Overview.Column, theme: Theme) -> Style {
    guard let cell else { return theme.style(.off) }
    switch cell.tone {
    case .good: return theme.style(column == .samples ? .plain : .asset)
    case .bad: return theme.style(.limitation)
    case .none: return theme.style(.off)
    }
  }

  /// A method measured on no scenario: its name and why, dim, on one line.
  private func drawUnavailable(
    _ row: Overview.Row, into buffer: inout Buffer, x: Int, y: Int, maxX: Int, theme: Theme
  ) {
    let style = theme.style(.off)
    buffer.write(columns.name(row.kind), x: x + 1, y: y, style: style, maxWidth: columns.nameWidth)
    let start = x + columns.offset(of: 0)
    buffer.write(
      columns.glyphs.text(row.cells[.samples]?.text ?? ""), x: start, y: y, style: style,
      maxWidth: maxX - start)
  }

  /// The methods measured on no scenario, on as few lines as `width` allows:
  /// `not measured here: reparameterize, measure-valued (continuous); ARM, DisARM (discrete)`.
  func foldedLines(width: Int) -> [String] {
    let others = overview.rows.filter { !$0.isMeasured }
    guard !others.isEmpty else { return [] }
    var groups: [(kind: String, names: [String])] = []
    for row in others {
      let kind = row.cells[.samples]?.answer ?? ""
      let name = EstimatorLabel.name(row.kind, wide: false)
      if let g = groups.firstIndex(where: { $0.kind == kind }) {
        groups[g].names.append(name)
      } else {
        groups.append((kind, [name]))
      }
    }
    let list = groups.map { "\($0.names.joined(separator: ", ")) (\($0.kind))" }
      .joined(separator: "; ")
    let text = "not measured here: \(list)"
    let lines = WordWrap.lines(text, width: max(width, 1))
    guard lines.count > 2 else { return lines }
    return [
      lines[0],
      ScreenFormat.clip(
        lines[1...].joined(separator: " "), width, ellipsis: columns.glyphs.ellipsis),
    ]
  }

  private func writeRight(
    _ text: String, x: Int, width: Int, y: Int, style: Style, into buffer: inout Buffer
  ) {
    buffer.write(text, in: Rect(x: x, y: y, width: width, height: 1), align: .right, style: style)
  }
}
