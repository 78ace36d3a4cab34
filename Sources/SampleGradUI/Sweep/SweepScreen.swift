import SampleGradCore
import SampleGradEngine

/// The sweep view (`w`), the whole screen: what is swept and how far the refinement is, one
/// chart of the chosen error per estimator over the swept values, the numbers at the cursor,
/// and the keys. Wide screens put the numbers beside the chart, narrow ones under it.
struct SweepScreen: Widget, Sendable {
  var view: SweepView
  var snapshot: Snapshot
  /// The explorer's own message (a refused key), shown above the keys.
  var message: String?
  /// The tour playing, if any: its step in the header, its keys in the footer.
  var tour: TourChrome? = nil

  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let (header, rest) = screen.splitTop(2)
    let (body, bottom) = rest.splitBottom(2)
    let part = snapshot.sweep.flatMap { $0.plan.setting == view.setting ? $0 : nil }
    drawHeader(into: &buffer, in: header, snapshot: snapshot, part: part, theme: theme)
    let dropped = KeyHints(SweepView.keys, theme: theme, tour: tour).draw(
      into: &buffer, in: bottom.row(1), theme: theme)
    let status = bottom.row(0).inset(dx: 1)
    if let message {
      buffer.write(message, in: status, style: theme.style(.error))
    } else if part?.isPaused == true {
      buffer.write(
        "paused: \(TourChrome.pauseKey(inTour: tour != nil)) resumes the refinement", in: status,
        style: theme.style(.hint))
    } else if let tour {
      tour.drawHint(into: &buffer, in: status, theme: theme)
    } else {
      ViewChrome.drawDropped(dropped, into: &buffer, in: status, theme: theme)
    }

    guard let part, let result = part.result else {
      let label = view.setting.label(in: snapshot.scenario)
      let progress = part.map { " \(Int(($0.progress * 100).rounded(.down)))%" } ?? ""
      buffer.write(
        "computing the first curve over \(label)\(progress)", in: body.row(body.height / 2),
        align: .center, style: theme.style(.hint))
      return
    }
    let curves = SweepCurves(result: result, view: view, theme: theme)
    let readoutLines = SweepReadout.lineCount(estimators: result.plan.estimators.count)
    let wide = body.width >= 120 && body.height >= readoutLines + 2
    let chartRect: Rect
    let readoutRect: Rect
    if wide {
      let split = body.splitLeft(body.width - SweepReadout.width - 2, gap: 2)
      (chartRect, readoutRect) = (split.left, split.rest.inset(dx: 0, dy: 1))
    } else {
      let split = body.splitBottom(readoutLines)
      (chartRect, readoutRect) = (split.rest, split.bottom)
    }
    CurveChart(
      xs: result.plan.grid.values, scale: result.plan.grid.scale, curves: curves.chart,
      cursor: view.cursor, now: result.plan.current
    ).draw(into: &buffer, in: chartRect.inset(dx: 1), theme: theme)
    SweepReadout(view: view, result: result, curves: curves, compact: !wide).draw(
      into: &buffer, in: readoutRect.inset(dx: 1), theme: theme)
  }

  private func drawHeader(
    into buffer: inout Buffer, in rect: Rect, snapshot: Snapshot, part: SweepSnapshot?,
    theme: Theme
  ) {
    let glyphs = theme.glyphs
    let label = view.setting.label(in: snapshot.scenario)
    let state = ViewChrome.refining(
      finished: part?.isFinished == true, paused: part?.isPaused == true,
      progress: part?.progress ?? 0, glyphs: glyphs)
    ViewChrome.drawTitle(
      [tour?.label(glyphs), "Sweep over \(label)", snapshot.scenario.displayTitle], state: state,
      into: &buffer, in: rect.row(0), theme: theme)

    let second = rect.row(1).inset(dx: 1)
    let names = snapshot.parameterNames
    let component = names.indices.contains(view.component) ? names[view.component] : ""
    var facts = [
      glyphs.text(view.measure.title) + (view.measure.isTotal ? "" : " on \(component)")
    ]
    if let part {
      let grid = part.plan.grid
      facts.append("\(ScreenFormat.count(part.samples)) samples per point")
      facts.append("\(grid.points) points, \(grid.scale.rawValue) scale")
      facts.append("the same random numbers at every point")
      if part.estimatesPerSecond > 0 {
        facts.append(ScreenFormat.compactCount(part.estimatesPerSecond) + " estimates/s")
      }
    }
    ViewChrome.drawFacts(facts, into: &buffer, in: second, theme: theme)
  }
}
