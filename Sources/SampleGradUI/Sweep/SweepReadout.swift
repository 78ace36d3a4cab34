import SampleGradCore
import SampleGradEngine

/// The numbers at the sweep's cursor: the value there, the exact gradient, and per estimator
/// its variance, bias², noise floor SE² and MSE, the lowest MSE marked; then where the drawn
/// error is lowest over the whole sweep (or, for bias², where a bias shows at all).
struct SweepReadout: Widget, Sendable {
  var view: SweepView
  var result: SweepResult
  var curves: SweepCurves
  /// One line per estimator under a narrow chart, rather than a column beside a wide one.
  var compact = false

  /// Columns a wide screen gives the numbers.
  static let width = 70
  static let nameWidth = 17
  static let numberWidth = 9

  /// A bias shows beyond `BiasVerdict.threshold` standard errors: bias² above this many SE².
  static let seenAbove = Int(BiasVerdict.threshold * BiasVerdict.threshold)

  /// Rows the compact form takes: one for the point, a header, a row per estimator, two for
  /// the summary.
  static func lineCount(estimators: Int) -> Int { estimators + 4 }

  /// Draws the readout; its columns are cut at the area's edge where they do not fit.
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    buffer.clipped(to: rect) { drawReadout(into: &$0, in: rect, theme: theme) }
  }

  private func drawReadout(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard rect.height >= 3, result.points.indices.contains(view.cursor) else { return }
    let scenario = result.plan.scenario
    let point = result.points[view.cursor]
    let i = view.component
    let names = scenario.distribution.parameterNames
    guard names.indices.contains(i) else { return }
    let label = view.setting.label(in: scenario)
    let exact = point.exact.gradient[i]
    let at =
      "\(label) \(ScreenFormat.short(point.value)), point \(view.cursor + 1) of \(result.points.count)"
    var lines: [(String, Role)] = []
    let norm = point.exact.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
    if view.measure.isTotal {
      lines.append((at + "   |g| \(ScreenFormat.short(norm)) over all components", .label))
      if !compact { lines.append(("", .plain)) }
    } else if compact {
      lines.append(
        (
          at + "   exact \(ScreenFormat.short(exact))   answer 0: MSE "
            + ScreenFormat.short(exact * exact), .label
        ))
    } else {
      lines.append((at, .title))
      if let now = result.plan.current {
        lines.append(("the live view is at \(ScreenFormat.short(now))", .hint))
      }
      lines.append(("exact gradient on \(names[i]): \(ScreenFormat.short(exact))", .label))
      lines.append(
        ("answer 0 always: MSE = exact² = \(ScreenFormat.short(exact * exact))", .hint))
      lines.append(("", .plain))
    }
    var row = 0
    for (text, role) in lines {
      buffer.write(text, in: rect.row(row), style: theme.style(role))
      row += 1
    }
    if view.measure.isTotal {
      drawTotals(into: &buffer, in: rect, from: row, point: point, theme: theme)
      return
    }
    let headers = ["variance", "bias²", "SE²", "MSE"].map(theme.glyphs.text)
    var x = rect.x + 2 + Self.nameWidth
    for header in headers {
      buffer.write(
        ScreenFormat.pad(header, Self.numberWidth, align: .right), x: x, y: rect.y + row,
        style: theme.style(.hint))
      x += Self.numberWidth + 1
    }
    row += 1
    let lowest = point.lowestMeanSquaredError(component: i, leavingOut: view.hidden)
    for (e, curve) in curves.rows.enumerated() {
      guard row < rect.height else { break }
      let y = rect.y + row
      let dim = curve.isHidden ? theme.style(.off) : theme.style(.plain)
      buffer[rect.x, y] = Cell(curve.mark, style: curve.isHidden ? theme.style(.off) : curve.style)
      let name = "\(e + 1) " + curve.kind.descriptor.shortName
      buffer.write(ScreenFormat.pad(name, Self.nameWidth), x: rect.x + 2, y: y, style: dim)
      let p = view.cursor
      let cells: [(Double, Style)] = [
        (curve.variance[p], dim),
        (
          curve.squaredBias[p],
          curve.isHidden ? dim : theme.style(curve.isBiased[p] ? .biased : .hint)
        ),
        (curve.noiseFloor[p], curve.isHidden ? dim : theme.style(.hint)),
        (curve.meanSquaredError[p], e == lowest ? theme.style(.title) : dim),
      ]
      var x = rect.x + 2 + Self.nameWidth
      for (value, style) in cells {
        buffer.write(
          ScreenFormat.pad(
            ScreenFormat.number(value, width: Self.numberWidth), Self.numberWidth, align: .right),
          x: x, y: y, style: style)
        x += Self.numberWidth + 1
      }
      if e == lowest {
        buffer.write(
          theme.glyphs.isASCII ? "< lowest" : "◀ lowest", x: x, y: y, style: theme.style(.title),
          maxWidth: rect.maxX - x)
      }
      row += 1
    }
    if !compact { row += 1 }
    let summary = WordWrap.lines(summaryText(theme: theme), width: rect.width)
    for line in summary.prefix(max(rect.height - row, 0)) {
      buffer.write(line, in: rect.row(row), style: theme.style(.hint))
      row += 1
    }
    if !compact {
      drawKey(into: &buffer, in: rect.splitTop(row + 1).rest, theme: theme)
    }
  }

  /// The all-component numbers at the cursor: SD/|g|, the mean cosine and the total MSE, the
  /// lowest total MSE marked.
  private func drawTotals(
    into buffer: inout Buffer, in rect: Rect, from start: Int, point: SweepPoint, theme: Theme
  ) {
    var row = start
    var x = rect.x + 2 + Self.nameWidth
    for header in ["SD/|g|", "cosine", "MSE all"] {
      buffer.write(
        ScreenFormat.pad(header, Self.numberWidth, align: .right), x: x, y: rect.y + row,
        style: theme.style(.hint))
      x += Self.numberWidth + 1
    }
    row += 1
    let visible = curves.rows.indices.filter { !curves.rows[$0].isHidden }
    let totals = visible.map { point.estimators[$0].total }
    let samples = visible.map { point.estimators[$0].moments.count }
    let lowest = TotalSummary.lowest(totals, samples: samples).map { visible[$0] }
    let p = view.cursor
    for (e, curve) in curves.rows.enumerated() {
      guard row < rect.height else { break }
      let y = rect.y + row
      let dim = curve.isHidden ? theme.style(.off) : theme.style(.plain)
      buffer[rect.x, y] = Cell(curve.mark, style: curve.isHidden ? theme.style(.off) : curve.style)
      buffer.write(
        ScreenFormat.pad("\(e + 1) " + curve.kind.descriptor.shortName, Self.nameWidth),
        x: rect.x + 2, y: y, style: dim)
      let cells = [curve.relativeNoise[p], curve.meanCosine[p], curve.totalError[p]]
      var x = rect.x + 2 + Self.nameWidth
      for (c, value) in cells.enumerated() {
        let style = c == 2 && e == lowest ? theme.style(.title) : dim
        buffer.write(
          ScreenFormat.pad(
            ScreenFormat.number(value, width: Self.numberWidth), Self.numberWidth, align: .right),
          x: x, y: y, style: style)
        x += Self.numberWidth + 1
      }
      if e == lowest {
        buffer.write(
          theme.glyphs.isASCII ? "< lowest" : "◀ lowest", x: x, y: y, style: theme.style(.title),
          maxWidth: rect.maxX - x)
      }
      row += 1
    }
  }

  /// How to read the chart, where there is room (wide screens).
  private func drawKey(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let glyphs = theme.glyphs
    let marks = curves.rows.map { String($0.mark) }.joined(separator: " ")
    let label = view.setting.label(in: result.plan.scenario)
    let floorKey =
      view.measure == .squaredBias ? String(repeating: glyphs.floorLine, count: 3) : "SE²"
    var entries: [(String, String)] = [
      (marks, "a mark per point, a shape per estimator (1-9 hide)"),
      (
        floorKey,
        view.measure == .squaredBias
          ? "SE², the noise floor: a bias² on it is noise"
          : "the noise floor of bias²: under \(Self.seenAbove) SE², no bias is seen"
      ),
    ]
    if view.measure != .variance {
      entries.append(("answer 0", "the error of always answering 0: exact²"))
    }
    entries += [
      ("\(glyphs.nowLine) now", "where the live view is"),
      ("\(glyphs.vertical)", "the cursor: Enter moves the live view there"),
    ]
    let note =
      "The same random numbers are used at every point, so neighbours differ only through the "
      + "\(label): a bump in a curve is real, not luck."
    let noteLines = WordWrap.lines(note, width: rect.width)
    guard rect.height >= entries.count + noteLines.count + 2 else { return }
    buffer.write("How to read it", in: rect.row(0), style: theme.style(.title))
    let keyWidth = max(entries.map(\.0.count).max() ?? 0, 8) + 2
    for (k, entry) in entries.enumerated() {
      let line = rect.row(k + 1)
      let key = glyphs.text(entry.0)
      buffer.write(key, in: line.inset(dx: 1), style: theme.style(.label))
      buffer.write(
        glyphs.text(entry.1),
        in: line.splitLeft(keyWidth + 1).rest, style: theme.style(.hint))
    }
    for (k, text) in noteLines.enumerated() {
      buffer.write(text, in: rect.row(entries.count + 2 + k), style: theme.style(.hint))
    }
  }

  /// Where the drawn error is lowest over the sweep; for bias², where a bias shows.
  private func summaryText(theme: Theme) -> String {
    let label = view.setting.label(in: result.plan.scenario)
    let visible = curves.rows.indices.filter { !curves.rows[$0].isHidden }
    guard !visible.isEmpty else { return "every curve is hidden: 1-9 shows them" }
    if view.measure == .squaredBias {
      let counts = visible.map { e in
        "\(curves.rows[e].kind.descriptor.shortName) \(curves.rows[e].isBiased.count(where: { $0 }))"
      }
      return "bias > \(Int(BiasVerdict.threshold)) SE at: " + counts.joined(separator: ", ")
        + " of \(result.points.count) points"
    }
    // Only estimates that could be named lowest at a point compete (not exact, not a
    // constant that misses): argmax's 0 has no variance and is not the best estimator.
    var best: (e: Int, p: Int, value: Double)?
    for e in visible {
      let curve = curves.rows[e]
      for (p, value) in curve.series(view.measure).enumerated() {
        guard value.isFinite, value < (best?.value ?? .infinity), curve.competes[p] else {
          continue
        }
        best = (e, p, value)
      }
    }
    guard let best else { return "" }
    let measure =
      switch view.measure {
      case .variance: "variance"
      case .relativeNoise: "SD/|g|"
      default: "MSE"
      }
    return "lowest \(measure) of the sweep: \(curves.rows[best.e].kind.descriptor.shortName), "
      + "\(ScreenFormat.short(best.value)) at \(label) "
      + ScreenFormat.short(result.points[best.p].value)
  }
}
