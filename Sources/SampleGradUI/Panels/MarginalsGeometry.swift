/// Where the marginals strip puts each variable: a column (or a few) per variable, a label
/// column for a categorical's categories, and pages of as many variables as fit, the page
/// holding the selected variable on screen. Drawing and mouse clicks both ask here, so a
/// click lands on the variable drawn under it.
struct MarginalsGeometry: Sendable, Equatable {
  /// The bars (bits) or heat cells (categories), between the title and the axis row.
  let cells: Rect
  /// The row under the cells: variable numbers and the selection mark.
  let axis: Rect
  /// Cells per variable, the gap after it included.
  let stride: Int
  /// Cells a variable's bar or heat cell covers (`stride` less its gap).
  let width: Int
  /// The variables on this page.
  let shown: Range<Int>
  /// The categories shown, a window keeping the selected one (every one for a bit's strip).
  let categories: Range<Int>

  /// The widest a bit's column grows, its gap included.
  static let widestBar = 4
  /// The widest a categorical's column grows: a shade and its p (`▓▓ 0.4551`), and a gap.
  static let widestCell = 10

  /// The label column of a categorical's rows (`k12 `).
  static func labelWidth(_ selection: VariableSelection) -> Int {
    selection.isBits ? 0 : 2 + String(selection.logitsPerVariable).count
  }

  init(rect: Rect, selection: VariableSelection, selected: Int) {
    let body = rect.splitTop(1).rest.inset(dx: 1)
    let (upper, axisRow) = body.splitBottom(1)
    let label = Self.labelWidth(selection)
    let room = max(upper.width - label, 0)
    let d = selection.variables
    stride = min(
      max(room / max(d, 1), 1), selection.isBits ? Self.widestBar : Self.widestCell)
    width = stride > 1 ? stride - 1 : 1
    let perPage = max(room / stride, 1)
    let variable = selection.variable(of: selected)
    let start = min(variable / perPage * perPage, max(d - 1, 0))
    shown = start..<min(start + perPage, d)
    cells = upper.splitLeft(label).rest
    axis = axisRow.splitLeft(label).rest
    let k = selection.isBits ? 1 : selection.logitsPerVariable
    let visible = max(upper.height, 1)
    let first = ScrollWindow.start(
      keeping: selection.logit(of: selected), visible: visible, count: k)
    categories = selection.isBits ? 0..<1 : first..<min(first + visible, k)
  }

  /// Whether every variable fits on one page.
  func showsAll(_ selection: VariableSelection) -> Bool {
    shown.count == selection.variables
  }

  /// The first column of variable `d` (on this page).
  func x(ofVariable d: Int) -> Int { cells.x + (d - shown.lowerBound) * stride }

  /// The variable drawn at column `x`, if any.
  func variable(atX x: Int) -> Int? {
    guard x >= cells.x, x < cells.maxX else { return nil }
    let d = shown.lowerBound + (x - cells.x) / stride
    return shown.contains(d) ? d : nil
  }

  /// The category drawn at row `y` (a categorical's heat cells), if any.
  func category(atY y: Int) -> Int? {
    guard y >= cells.y, y < cells.maxY else { return nil }
    let k = categories.lowerBound + y - cells.y
    return categories.contains(k) ? k : nil
  }
}
