import SampleGradCore

/// Where the overview table's columns go at a width. Wide: every cell's full evidence
/// ("yes: χ² p 0.62"), wrapped to at most two lines, with the long method names and the
/// variance and SD/|g| columns. Compact: the answer and its brief evidence ("yes p 0.62") on one
/// line, with the short names; the numbers join where they fit, and the selected row's full
/// evidence goes below the table.
struct OverviewColumns: Sendable {
  let isFull: Bool
  /// Blank columns between two columns: two, or one where a narrow screen needs it.
  let gap: Int
  let nameWidth: Int
  /// One width per `Overview.Column`, in order.
  let widths: [Int]
  /// 0 when the column is left out.
  let varianceWidth: Int
  let noiseWidth: Int
  /// Each column's title, wrapped to at most two lines.
  let titles: [[String]]
  let glyphs: Glyphs

  static let gap = 2
  /// The most lines a wide cell wraps to.
  static let fullLines = 2
  static let numberWidth = 8
  static let noiseTitle = "SD/|g|"

  /// The wide layout, or nil when some cell's evidence would need more than two lines.
  static func full(_ overview: Overview, width: Int, glyphs: Glyphs) -> OverviewColumns? {
    let shown = overview.rows.filter(\.isMeasured)
    let nameWidth = max(
      overview.rows.map { EstimatorLabel.name($0.kind, wide: true).count }.max() ?? 0, 6)
    let numbers = gap + numberWidth + gap + noiseTitle.count
    let room = width - 2 - nameWidth - numbers - gap * Overview.Column.allCases.count
    var minimum: [Int] = []
    var longest: [Int] = []
    for column in Overview.Column.allCases {
      let texts = shown.map { glyphs.text($0.cells[column]?.text ?? "") }
      let long = (texts + [glyphs.text(column.rawValue)]).map(\.count).max() ?? 1
      let words = texts.flatMap { $0.split(separator: " ").map(\.count) }.max() ?? 1
      let narrowest = max(words, titleWidth(column, glyphs: glyphs))
      guard
        let fits = (narrowest...max(long, narrowest)).first(where: { w in
          texts.allSatisfy { WordWrap.lines($0, width: w).count <= fullLines }
        })
      else { return nil }
      minimum.append(fits)
      longest.append(long)
    }
    let needed = minimum.reduce(0, +)
    guard needed <= room else { return nil }
    // Spare columns first put whole columns on one line, the cheapest first; the rest goes
    // to the others in proportion to what they still lack.
    var widths = minimum
    var spare = room - needed
    for i in widths.indices.sorted(by: { longest[$0] - minimum[$0] < longest[$1] - minimum[$1] })
    where longest[i] - widths[i] <= spare {
      spare -= longest[i] - widths[i]
      widths[i] = longest[i]
    }
    let lacking = widths.indices.map { longest[$0] - widths[$0] }
    let totalLack = max(lacking.reduce(0, +), 1)
    widths = widths.indices.map { widths[$0] + min(lacking[$0], spare * lacking[$0] / totalLack) }
    return OverviewColumns(
      isFull: true, gap: gap, nameWidth: nameWidth, widths: widths, varianceWidth: numberWidth,
      noiseWidth: noiseTitle.count, titles: titles(widths, glyphs: glyphs), glyphs: glyphs)
  }

  /// The compact layout: every column as wide as its title (in two lines) and its brief cells,
  /// narrowed if the screen is narrower still; SD/|g| and the variance where they fit.
  static func compact(_ overview: Overview, width: Int, glyphs: Glyphs) -> OverviewColumns {
    let shown = overview.rows.filter(\.isMeasured)
    let nameWidth = 14
    let titleWidths = Overview.Column.allCases.map { titleWidth($0, glyphs: glyphs) }
    var widths = Overview.Column.allCases.indices.map { i in
      let column = Overview.Column.allCases[i]
      let cells = shown.map { glyphs.text($0.cells[column]?.briefText ?? "").count }
      return max(titleWidths[i], cells.max() ?? 0)
    }
    // Two blank columns between columns if they fit, else one; then the brief evidence is
    // cut (never a title), and only on a screen narrower still the titles too.
    var gap = Self.gap
    if widths.reduce(0, +) > width - 2 - nameWidth - gap * widths.count { gap = 1 }
    let room = width - 2 - nameWidth - gap * widths.count
    for floor in [titleWidths, titleWidths.map { _ in 4 }] {
      while widths.reduce(0, +) > room,
        let widest = widths.indices.filter({ widths[$0] > floor[$0] })
          .max(by: { widths[$0] - floor[$0] < widths[$1] - floor[$1] })
      {
        widths[widest] -= 1
      }
    }
    var left = room - widths.reduce(0, +)
    var noise = 0
    var variance = 0
    if left >= gap + noiseTitle.count {
      noise = noiseTitle.count
      left -= gap + noise
    }
    if noise > 0, left >= gap + numberWidth { variance = numberWidth }
    return OverviewColumns(
      isFull: false, gap: gap, nameWidth: nameWidth, widths: widths, varianceWidth: variance,
      noiseWidth: noise, titles: titles(widths, glyphs: glyphs), glyphs: glyphs)
  }

  private static func titles(_ widths: [Int], glyphs: Glyphs) -> [[String]] {
    zip(Overview.Column.allCases, widths).map { title($0, width: $1, glyphs: glyphs) }
  }

  /// A column's title on one line if it fits `width`, else on two where it reads best
  /// (`differentiable` / `in θ`).
  static func title(_ column: Overview.Column, width: Int, glyphs: Glyphs) -> [String] {
    let whole = glyphs.text(column.rawValue)
    guard whole.count > width else { return [whole] }
    let words = whole.split(separator: " ").map(String.init)
    guard words.count > 1 else { return [whole] }
    let first = words.count > 2 ? words.count - 2 : 1
    return [words[..<first].joined(separator: " "), words[first...].joined(separator: " ")]
  }

  /// The narrowest width at which a column's title fits on two lines.
  static func titleWidth(_ column: Overview.Column, glyphs: Glyphs) -> Int {
    title(column, width: 0, glyphs: glyphs).map(\.count).max() ?? 0
  }

  /// The x of column `index` (of `Overview.Column.allCases`) from the table's left edge.
  func offset(of index: Int) -> Int {
    1 + nameWidth + gap + widths.prefix(index).reduce(0) { $0 + $1 + gap }
  }

  /// Where the variance column starts, and SD/|g|.
  var varianceOffset: Int { offset(of: widths.count) }
  var noiseOffset: Int { varianceOffset + (varianceWidth > 0 ? varianceWidth + gap : 0) }

  var headerHeight: Int { titles.map(\.count).max() ?? 1 }

  /// The label of a method's row.
  func name(_ kind: EstimatorKind) -> String { EstimatorLabel.name(kind, wide: isFull) }

  /// A cell's text as this layout shows it.
  func text(_ cell: Overview.Cell?) -> String {
    guard let cell else { return "" }
    return glyphs.text(isFull ? cell.text : cell.briefText)
  }

  /// A cell's lines at its column's width (at most two in the wide layout, one in the compact).
  func lines(_ cell: Overview.Cell?, column index: Int) -> [String] {
    let width = widths[index]
    let text = text(cell)
    guard isFull else { return [text] }
    let lines = WordWrap.lines(text, width: width)
    guard lines.count > Self.fullLines else { return lines }
    return Array(lines.prefix(Self.fullLines - 1))
      + [
        ScreenFormat.clip(
          lines[(Self.fullLines - 1)...].joined(separator: " "), width, ellipsis: glyphs.ellipsis)
      ]
  }

  /// Lines a row takes: one for a method measured nowhere, else its tallest cell.
  func height(of row: Overview.Row) -> Int {
    guard row.isMeasured else { return 1 }
    return Overview.Column.allCases.indices.map {
      lines(row.cells[Overview.Column.allCases[$0]], column: $0).count
    }.max() ?? 1
  }
}
