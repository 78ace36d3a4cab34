import Foundation
import SampleGradCore
import SampleGradEngine

/// The model race, the whole screen: the race's settings, the negative ELBO (train or test)
/// of every lane against step with the exact lane as the reference, or "gradient quality
/// now" (`g`); the scoreboard beside it; and under them a row of test digits with each lane's
/// reconstruction (the decoder's means at the encoder's most likely z), as many lanes as fit,
/// the selected one first.
struct ModelRaceScreen: Widget, Sendable {
  var snapshot: Snapshot
  var view: ModelRaceView
  var message: String?
  /// The tour playing, if any: its step in the header, its keys in the footer.
  var tour: TourChrome? = nil

  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let (header, rest) = screen.splitTop(2)
    let (body, bottom) = rest.splitBottom(2)
    KeyHints(ModelRaceView.keys, theme: theme, tour: tour).draw(
      into: &buffer, in: bottom.row(1), theme: theme)
    guard let part = snapshot.modelRace, part.isOpen else {
      buffer.write(
        "starting the race", in: body.row(body.height / 2), align: .center,
        style: theme.style(.hint))
      return
    }
    drawHeader(part, into: &buffer, in: header, theme: theme)
    let status = bottom.row(0).inset(dx: 1)
    if let text = message, !text.isEmpty {
      buffer.write(text, in: status, style: theme.style(.error))
    } else if part.isFinished {
      buffer.write(
        "finished: r races again, g measures each estimator now", in: status,
        style: theme.style(.hint))
    } else if part.isPaused {
      buffer.write(
        "paused: \(TourChrome.pauseKey(inTour: tour != nil)) resumes", in: status,
        style: theme.style(.hint))
    } else if let tour {
      tour.drawHint(into: &buffer, in: status, theme: theme)
    }
    let styles = part.lanes.enumerated().map { i, _ in
      LaneStyle(glyph: theme.seriesGlyph(i), style: theme.seriesStyle(i))
    }
    // Digits: the originals and as many lanes as fit, 4 rows each, after a chart of 10.
    let rowsForDigits = max(body.height - 11, 0)
    let digitRows = min(rowsForDigits / DigitRow.height, 1 + part.lanes.count)
    let (top, digits) = body.splitBottom(digitRows * DigitRow.height)
    let tableWidth = top.width >= 120 ? 62 : 38
    let chartArea = Rect(
      x: top.x, y: top.y, width: max(top.width - tableWidth - 1, 0), height: top.height)
    let tableArea = Rect(
      x: top.x + chartArea.width + 1, y: top.y, width: top.width - chartArea.width - 1,
      height: top.height)
    if part.showsQuality {
      SectionTitle(
        title: "Gradient quality now (step \(part.quality == nil ? part.step : part.qualityStep))",
        info: "\(ModelRaceJob.qualitySamples) estimates per lane", shortTitle: "Quality now"
      ).draw(into: &buffer, in: chartArea.row(0), theme: theme)
      QualityTable(quality: part.quality, styles: styles, step: part.step).draw(
        into: &buffer, in: chartArea.splitTop(1).rest.inset(dx: 1), theme: theme)
    } else {
      let what = view.showsTest ? "test" : "train"
      SectionTitle(
        title: "Negative ELBO (\(what)) against step", info: "exact lane drawn last",
        shortTitle: "-ELBO (\(what))"
      ).draw(into: &buffer, in: chartArea.row(0), theme: theme)
      // The exact lane (the reference) drawn last, over the others.
      let order =
        part.lanes.indices.filter { part.lanes[$0].kind != .exact }
        + part.lanes.indices.filter { part.lanes[$0].kind == .exact }
      let ordered = order.map { i in
        ElboChart.Series(
          steps: part.lanes[i].trace.map(\.step),
          values: part.lanes[i].trace.map { view.showsTest ? $0.testElbo : $0.trainElbo },
          glyph: styles[i].glyph, style: styles[i].style)
      }
      ElboChart(series: ordered, lastStep: part.setup.steps).draw(
        into: &buffer, in: chartArea.splitTop(1).rest, theme: theme)
    }
    ModelLaneTable(part: part, styles: styles, selected: view.selected).draw(
      into: &buffer, in: tableArea, theme: theme)
    drawDigits(part, styles: styles, into: &buffer, in: digits, theme: theme)
  }

  private func drawHeader(
    _ part: ModelRacePart, into buffer: inout Buffer, in rect: Rect, theme: Theme
  ) {
    let glyphs = theme.glyphs
    let state: ViewChrome.State =
      part.isFinished
      ? ("finished", .running)
      : part.isPaused ? (glyphs.paused, .paused) : (glyphs.running, .running)
    ViewChrome.drawTitle(
      [tour?.label(glyphs), "Model race", part.title], state: state, into: &buffer, in: rect.row(0),
      theme: theme)
    let s = part.setup
    let facts =
      "adam  lr \(ScreenFormat.short(s.learningRate))   batch \(s.batch)   D = \(s.latents)   "
      + "step \(ScreenFormat.count(part.step)) / \(ScreenFormat.count(s.steps))   "
      + "\(glyphs.tau) \(ScreenFormat.short(s.temperature))"
    buffer.write(facts, in: rect.row(1).inset(dx: 1), style: theme.style(.title))
  }

  private func drawDigits(
    _ part: ModelRacePart, styles: [LaneStyle], into buffer: inout Buffer, in area: Rect,
    theme: Theme
  ) {
    guard area.height >= DigitRow.height else { return }
    let labelWidth = min(18, area.width)
    var rows: [(String, Style, [[Double]])] = [
      ("test digits", theme.style(.label), part.originals)
    ]
    let count = part.lanes.count
    for offset in 0..<count {
      let i = (view.selected + offset) % count
      let lane = part.lanes[i]
      rows.append(
        (
          "\(styles[i].glyph) \(lane.kind.descriptor.shortName)", styles[i].style,
          lane.reconstructions
        ))
    }
    for (n, row) in rows.enumerated() where (n + 1) * DigitRow.height <= area.height {
      let y = area.y + n * DigitRow.height
      buffer.write(row.0, x: area.x, y: y + 1, style: row.1, maxWidth: labelWidth - 1)
      DigitRow(images: row.2, style: n == 0 ? theme.style(.plain) : row.1).draw(
        into: &buffer,
        in: Rect(
          x: area.x + labelWidth, y: y, width: max(area.width - labelWidth, 0),
          height: DigitRow.height), theme: theme)
    }
  }
}
