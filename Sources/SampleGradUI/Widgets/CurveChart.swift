import Foundation
import SampleGradCore

/// Curves over a swept setting on a log y axis, the x axis linear or log, both with labelled
/// ticks. Each curve has a mark at its points (told apart without colour) and a style; a
/// dotted line follows it between points, straight in the chart's own scales. Floors (an
/// estimator's noise floor) are dashed and drawn under every curve. A solid vertical line is
/// the cursor, whose marks are drawn in reverse; a dotted one labelled `now` is the setting's
/// current value.
struct CurveChart: Widget, Sendable {
  struct Curve: Sendable {
    /// One value per x; one that is not finite or not above 0 leaves a gap.
    var values: [Double]
    var mark: Character
    var style: Style
    /// Drawn as a dashed line without marks.
    var isFloor = false
    /// Written at the right end of the line, where no curve is.
    var label: String? = nil
  }

  /// Decades the y axis spans at most: a value further below the top (a variance that is 0
  /// up to rounding) is drawn on the bottom row.
  static let maximumDecades = 10.0

  /// The swept values, increasing.
  var xs: [Double]
  var scale: SweepScale
  var curves: [Curve]
  var cursor: Int?
  /// The setting's current value, if it lies in range.
  var now: Double?

  /// What fills a plot cell, lowest priority first: a later kind overwrites an earlier one.
  private enum Layer: Int, Comparable {
    case empty, now, cursor, floor, line, mark
    static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }
  }

  /// The y axis over every positive value, padded, at least one decade tall.
  private func yAxis() -> LogAxis? {
    LogAxis.fitting(
      curves.lazy.flatMap(\.values), minimumSpan: 1, pad: 0.03,
      maximumDecades: Self.maximumDecades, countingFrom: .top)
  }

  /// Ticks of a linear axis from `a` to `b` in `cells` cells: steps of 1, 2 or 5 times a power
  /// of ten, as many as fit `gap` cells apart.
  static func linearTicks(from a: Double, to b: Double, cells: Int, gap: Int) -> [Double] {
    let span = b - a
    guard span > 0 else { return [] }
    let most = max(Double(cells) / Double(gap), 1)
    let raw = span / most
    let power = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
    let first = Int((a / step - 1e-9).rounded(.up))
    let last = Int((b / step + 1e-9).rounded(.down))
    guard first <= last else { return [] }
    return (first...last).map { Double($0) * step }
  }

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.width >= 20, rect.height >= 6, let xFirst = xs.first, let xLast = xs.last else {
      return
    }
    buffer.fill(rect)
    let glyphs = theme.glyphs
    let hint = theme.style(.hint)
    guard let yScale = yAxis() else {
      buffer.write(
        "nothing above 0 to draw on a log scale", in: rect.row(rect.height / 2), align: .center,
        style: hint)
      return
    }
    let plotRows = rect.height - 2
    let yTicks = yScale.ticks(rows: plotRows, gap: 2)
    let labelWidth = max(yTicks.map { LogAxis.label($0).count }.max() ?? 1, 1)
    let axisX = rect.x + labelWidth + 1
    let plot = Rect(x: axisX + 1, y: rect.y, width: rect.maxX - axisX - 1, height: plotRows)
    guard plot.width >= 8, plot.height >= 3 else { return }

    func row(_ v: Double) -> Int? { yScale.row(v, in: plot) }
    func position(_ x: Double) -> Double? {
      switch scale {
      case .linear: return (x - xFirst) / (xLast - xFirst)
      case .log:
        guard x > 0 else { return nil }
        return (log10(x) - log10(xFirst)) / (log10(xLast) - log10(xFirst))
      }
    }
    func column(_ x: Double) -> Int? {
      guard let t = position(x), (-1e-9...(1 + 1e-9)).contains(t) else { return nil }
      return plot.x + Int((min(max(t, 0), 1) * Double(plot.width - 1)).rounded())
    }

    // The plot is composed in layers first, so a mark is never hidden by a line.
    var layer = [Layer](repeating: .empty, count: plot.width * plot.height)
    var cells = [Cell](repeating: .blank, count: plot.width * plot.height)
    func put(_ x: Int, _ y: Int, _ kind: Layer, _ cell: Cell) {
      guard x >= plot.x, x < plot.maxX, y >= plot.y, y < plot.maxY else { return }
      let i = (y - plot.y) * plot.width + (x - plot.x)
      guard kind >= layer[i] else { return }
      layer[i] = kind
      cells[i] = cell
    }
    if let now, let x = column(now) {
      for y in plot.y..<plot.maxY { put(x, y, .now, Cell(glyphs.nowLine, style: hint)) }
    }
    let cursorColumn = cursor.flatMap { xs.indices.contains($0) ? column(xs[$0]) : nil }
    if let x = cursorColumn {
      for y in plot.y..<plot.maxY {
        put(x, y, .cursor, Cell(glyphs.vertical, style: theme.style(.marker)))
      }
    }
    let columns = xs.map(column)
    if theme.braille {
      // The lines between the points in braille dots, 2x4 to a cell, under the marks.
      var canvas = BrailleCanvas(width: plot.width, height: plot.height, series: curves.count)
      func dot(_ i: Int, _ curve: Curve) -> (x: Int, y: Int)? {
        guard i < curve.values.count, let t = position(xs[i]), (-1e-9...(1 + 1e-9)).contains(t),
          curve.values[i].isFinite, curve.values[i] > 0
        else { return nil }
        let x = Int((min(max(t, 0), 1) * Double(canvas.dotWidth - 1)).rounded())
        let y = Int(yScale.offset(curve.values[i], rows: canvas.dotHeight).rounded())
        return (x, y)
      }
      for (k, curve) in curves.enumerated() where !curve.isFloor {
        for i in xs.indices.dropLast() {
          guard let a = dot(i, curve), let b = dot(i + 1, curve) else { continue }
          canvas.line(from: a.x, a.y, to: b.x, b.y, series: k)
        }
      }
      for (x, y, cell) in canvas.cells(styles: curves.map(\.style)) {
        put(plot.x + x, plot.y + y, .line, cell)
      }
    }
    for curve in curves.sorted(by: { $0.isFloor && !$1.isFloor })
    where !theme.braille || curve.isFloor {
      let kind: Layer = curve.isFloor ? .floor : .line
      let line = Cell(curve.isFloor ? glyphs.floorLine : glyphs.curveLine, style: curve.style)
      for i in xs.indices.dropLast() {
        guard let c0 = columns[i], let c1 = columns[i + 1], i + 1 < curve.values.count,
          let r0 = row(curve.values[i]), let r1 = row(curve.values[i + 1]), c1 > c0
        else { continue }
        let from = curve.isFloor ? c0 : c0 + 1
        let to = curve.isFloor ? c1 : c1 - 1
        guard from <= to else { continue }
        for x in from...to {
          let t = Double(x - c0) / Double(c1 - c0)
          put(x, Int((Double(r0) + Double(r1 - r0) * t).rounded()), kind, line)
        }
      }
    }
    // A floor's label goes at its right end, else its left, where no curve passes.
    for curve in curves where curve.isFloor {
      guard let text = curve.label, text.count + 2 < plot.width else { continue }
      let ends = [
        (curve.values.last, plot.maxX - text.count), (curve.values.first, plot.x + 1),
      ]
      for (value, start) in ends {
        guard let value, let y = row(value) else { continue }
        let free = (start..<(start + text.count)).allSatisfy {
          layer[(y - plot.y) * plot.width + $0 - plot.x] <= .floor
        }
        guard free else { continue }
        for (k, character) in text.enumerated() {
          put(start + k, y, .floor, Cell(character, style: curve.style))
        }
        break
      }
    }
    // Marks last, the first curve on top.
    for curve in curves.reversed() where !curve.isFloor {
      for (i, x) in columns.enumerated() {
        guard let x, i < curve.values.count, let y = row(curve.values[i]) else { continue }
        var style = curve.style
        if i == cursor { style.reverse = true }
        put(x, y, .mark, Cell(curve.mark, style: style))
      }
    }
    for y in 0..<plot.height {
      for x in 0..<plot.width where layer[y * plot.width + x] != .empty {
        buffer[plot.x + x, plot.y + y] = cells[y * plot.width + x]
      }
    }

    yScale.drawTicks(
      yTicks, into: &buffer, axisX: axisX, plot: plot, labelWidth: labelWidth, labelGap: 1,
      labelStyle: hint, theme: theme)
    // The x axis, its ticks and labels (the cursor's value over them, in reverse).
    let axisY = plot.maxY
    buffer[axisX, axisY] = Cell(glyphs.corners.bottomLeft, style: hint)
    buffer.repeatCharacter(
      glyphs.horizontal, in: Rect(x: plot.x, y: axisY, width: plot.width, height: 1), style: hint)
    let xTicks: [Double]
    switch scale {
    case .log:
      xTicks = LogAxis.ticks(range: log10(xFirst)...log10(xLast), rows: plot.width, gap: 8)
    case .linear:
      xTicks = Self.linearTicks(from: xFirst, to: xLast, cells: plot.width, gap: 8)
    }
    var taken = Set<Int>()
    func label(_ text: String, at x: Int, style: Style) {
      let start = min(max(x - text.count / 2, rect.x), rect.maxX - text.count)
      let span = Set((start - 1)...(start + text.count))
      guard taken.isDisjoint(with: span) || style == theme.style(.selected) else { return }
      taken.formUnion(span)
      buffer.write(text, x: start, y: axisY + 1, style: style, maxWidth: rect.maxX - start)
    }
    if let x = cursorColumn, let i = cursor {
      buffer[x, axisY] = Cell(glyphs.xTick, style: theme.style(.marker))
      label(ScreenFormat.short(xs[i]), at: x, style: theme.style(.selected))
    }
    for value in xTicks {
      guard let x = column(value) else { continue }
      if x != cursorColumn { buffer[x, axisY] = Cell(glyphs.xTick, style: hint) }
      label(scale == .log ? LogAxis.label(value) : ScreenFormat.short(value), at: x, style: hint)
    }
    if let now, let x = column(now) {
      // Beside the line's top, where no curve is.
      let start = min(x + 1, plot.maxX - 3) - plot.x
      if (start..<(start + 3)).allSatisfy({ layer[$0] <= .cursor }) {
        buffer.write("now", x: plot.x + start, y: plot.y, style: hint)
      }
    }
  }
}
