import Foundation
import SampleGradCore
import SampleGradEngine

/// The training race (`T`), the whole screen: what is racing and how fast, the exact loss of
/// every lane against step (log x for long races) with the optimum line, the scoreboard with
/// each lane's parameters, and the keys. It draws the snapshot's `race` part once the engine
/// has it on screen (`isOpen`); until then (a frame or two after `T`) a line says the race is
/// starting, rather than showing a race of the scenario as it was before.
struct RaceScreen: Widget, Sendable {
  var snapshot: Snapshot
  /// The explorer's own message (a refused key), shown above the keys.
  var message: String?
  /// The tour playing, if any: its step in the header, its keys in the footer.
  var tour: TourChrome? = nil

  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let (header, rest) = screen.splitTop(2)
    let (body, bottom) = rest.splitBottom(2)
    let dropped = KeyHints(RaceView.keys, theme: theme, tour: tour).draw(
      into: &buffer, in: bottom.row(1), theme: theme)
    guard let race = snapshot.race, race.isOpen else {
      buffer.write(
        "starting the race", in: body.row(body.height / 2), align: .center,
        style: theme.style(.hint))
      // A tour's step shows its caption from its first frame.
      tour?.drawHint(into: &buffer, in: bottom.row(0).inset(dx: 1), theme: theme)
      return
    }
    drawHeader(race, into: &buffer, in: header, theme: theme)
    drawStatus(race, dropped: dropped, into: &buffer, in: bottom.row(0), theme: theme)

    let lanes = LaneStyle.all(for: race, rows: snapshot.estimators.map(\.kind), theme: theme)
    let table = RaceTable(snapshot: race, lanes: lanes)
    let tableHeight = Self.tableHeight(lanes: race.lanes.count, body: body)
    let (chartArea, tableArea) = body.splitBottom(tableHeight)
    let decimals = LossFormat.decimals(
      scale: LossFormat.scale(startLoss: race.startLoss, optimum: race.optimum))
    let dots = "\(theme.glyphs.dot)\(theme.glyphs.dot)"
    SectionTitle(
      title: "Exact loss against step" + (race.hasLogSteps ? " (log scale)" : ""),
      info: race.optimum.map { "\(dots) optimum \(LossFormat.fixed($0, decimals: decimals))" }
        ?? "no finite optimum", shortTitle: "Exact loss"
    ).draw(into: &buffer, in: chartArea.row(0), theme: theme)
    LossChart(snapshot: race, lanes: lanes).draw(
      into: &buffer, in: chartArea.splitTop(1).rest.inset(dx: 1), theme: theme)
    table.draw(into: &buffer, in: tableArea, theme: theme)
  }

  /// The scoreboard's rows in `body`: the chart keeps at least 8 rows; the table takes what
  /// is left, up to a header and all its lanes.
  static func tableHeight(lanes: Int, body: Rect) -> Int {
    min(1 + lanes, max(body.height - 1 - 8, 3))
  }

  private func drawHeader(
    _ race: RaceSnapshot, into buffer: inout Buffer, in rect: Rect, theme: Theme
  ) {
    let glyphs = theme.glyphs
    let state: ViewChrome.State =
      race.isFinished
      ? ("finished", .running)
      : race.isPaused ? (glyphs.paused, .paused) : (glyphs.running, .running)
    ViewChrome.drawTitle(
      [tour?.label(glyphs), "Training race", race.title], state: state, into: &buffer,
      in: rect.row(0), theme: theme)

    var items = facts(race, theme: theme, compact: false)
    let second = rect.row(1).inset(dx: 1)
    if items.reduce(0, { $0 + $1.label.count + $1.value.count + 3 }) > second.width {
      items = facts(race, theme: theme, compact: true)
    }
    var x = second.x
    for (label, value) in items {
      guard x < second.maxX else { break }
      x = buffer.write(
        label, x: x, y: second.y, style: theme.style(.label), maxWidth: second.maxX - x)
      x = buffer.write(
        value, x: x, y: second.y, style: theme.style(.title), maxWidth: second.maxX - x)
      x += 3
    }
  }

  /// Label and value pairs of the second header row, in long or compact words.
  private func facts(_ race: RaceSnapshot, theme: Theme, compact: Bool) -> [(
    label: String, value: String
  )] {
    let settings = race.settings
    let steps = "\(ScreenFormat.count(race.step)) / \(ScreenFormat.count(settings.steps))"
    var items: [(label: String, value: String)] = [
      ("", settings.optimizer.rawValue),
      (compact ? "lr " : "learning rate ", ScreenFormat.short(settings.learningRate)),
      ("batch ", String(settings.batch)),
      ("step ", compact ? steps.replacingOccurrences(of: " ", with: "") : steps),
      ("", ScreenFormat.compactCount(race.stepsPerSecond) + (compact ? "/s" : " steps/s")),
    ]
    if let t = race.temperature {
      let annealed = settings.anneal == .none ? "" : compact ? "*" : " (annealed)"
      items.append(("\(theme.glyphs.tau) ", ScreenFormat.short(t) + annealed))
    }
    return items
  }

  /// The explorer's message or the race's, else what the state asks for, else the keys the
  /// footer had no room for.
  private func drawStatus(
    _ race: RaceSnapshot, dropped: [KeyMap.FooterItem], into buffer: inout Buffer, in rect: Rect,
    theme: Theme
  ) {
    let area = rect.inset(dx: 1)
    if let text = message ?? race.message, !text.isEmpty {
      buffer.write(text, in: area, style: theme.style(.error))
    } else if race.isPaused, !race.isFinished {
      buffer.write(
        "paused: \(TourChrome.pauseKey(inTour: tour != nil)) resumes", in: area,
        style: theme.style(.hint))
    } else if let tour {
      // In a tour the step's caption stays, finished or not (the header says finished).
      tour.drawHint(into: &buffer, in: area, theme: theme)
    } else if race.isFinished {
      buffer.write(
        "finished: r races again, + - change the learning rate", in: area,
        style: theme.style(.hint))
    } else {
      ViewChrome.drawDropped(dropped, into: &buffer, in: area, theme: theme)
    }
  }
}
