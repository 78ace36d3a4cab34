import Foundation
import SampleGradCore

/// The live training race, drawn from a `RaceSnapshot` into a buffer: what is racing and how
/// fast, the exact loss of every lane against step (log x for long races) with the optimum
/// line, and the scoreboard with each lane's parameters. Like the explorer's panels it owns
/// no thread and no terminal; tests render hand-built snapshots.
public struct RaceView: Sendable {
  public var options: DisplayOptions
  /// The screen's own message (a refused key), shown above the footer.
  public var message: String?

  public init(options: DisplayOptions = DisplayOptions(), message: String? = nil) {
    self.options = options
    self.message = message
  }

  public func render(_ snapshot: RaceSnapshot, into buffer: inout Buffer) {
    buffer.clear()
    let theme = Theme(options: options)
    guard ScreenLayout.fits(width: buffer.width, height: buffer.height) else {
      TooSmallNotice().draw(into: &buffer, theme: theme)
      return
    }
    let screen = Rect(buffer)
    let (header, afterHeader) = screen.splitTop(2)
    let (aboveFooter, footer) = afterHeader.splitBottom(1)
    let (body, status) = aboveFooter.splitBottom(1)
    let table = RaceTable(snapshot: snapshot)
    // The chart keeps at least 8 rows; the table takes what is left, up to all its lanes.
    let tableHeight = min(table.height, max(body.height - 1 - 8, 3))
    let (chartArea, tableArea) = body.splitBottom(tableHeight)

    drawHeader(snapshot, into: &buffer, in: header, theme: theme)
    let axis = StepAxis(snapshot, width: chartArea.width)
    let decimals = LossFormat.decimals(
      scale: LossFormat.scale(startLoss: snapshot.startLoss, optimum: snapshot.optimum))
    SectionTitle(
      title: "Exact loss against step" + (axis.isLog ? " (log scale)" : ""),
      info: snapshot.optimum.map {
        "\(theme.glyphs.dot)\(theme.glyphs.dot) optimum \(LossFormat.fixed($0, decimals: decimals))"
      } ?? "no finite optimum", shortTitle: "Exact loss"
    ).draw(into: &buffer, in: chartArea.row(0), theme: theme)
    LossChart(snapshot: snapshot).draw(
      into: &buffer, in: chartArea.splitTop(1).rest.inset(dx: 1), theme: theme)
    table.draw(into: &buffer, in: tableArea, theme: theme)
    drawStatus(snapshot, into: &buffer, in: status, theme: theme)
    drawFooter(into: &buffer, in: footer, theme: theme)
  }

  private func drawHeader(
    _ snapshot: RaceSnapshot, into buffer: inout Buffer, in rect: Rect, theme: Theme
  ) {
    let first = rect.row(0)
    let state: (String, Role) =
      snapshot.isFinished
      ? ("finished", .unbiased)
      : snapshot.isPaused
        ? (theme.glyphs.paused, .paused) : (theme.glyphs.running, .running)
    let stateRect = first.splitLeft(first.width - state.0.count - 1).rest
    buffer.write(state.0, in: stateRect, style: theme.style(state.1))
    let titleRoom = first.splitLeft(max(stateRect.x - first.x - 2, 0)).left.inset(dx: 1)
    let end = buffer.write("training race", in: titleRoom, style: theme.style(.hint))
    buffer.write(
      "  " + snapshot.title, in: titleRoom.splitLeft(end - titleRoom.x).rest,
      style: theme.style(.title))

    var items = facts(snapshot, theme: theme, compact: false)
    let second = rect.row(1).inset(dx: 1)
    if items.reduce(0, { $0 + $1.0.count + $1.1.count + 3 }) > second.width {
      items = facts(snapshot, theme: theme, compact: true)
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
  private func facts(_ snapshot: RaceSnapshot, theme: Theme, compact: Bool) -> [(String, String)] {
    let settings = snapshot.settings
    let steps = "\(ScreenFormat.count(snapshot.step)) / \(ScreenFormat.count(settings.steps))"
    var items: [(String, String)] = [
      ("", settings.optimizer.rawValue),
      (compact ? "lr " : "learning rate ", ScreenFormat.short(settings.learningRate)),
      ("batch ", String(settings.batch)),
      ("step ", compact ? steps.replacingOccurrences(of: " ", with: "") : steps),
      ("", ScreenFormat.rate(snapshot.stepsPerSecond) + (compact ? "/s" : " steps/s")),
    ]
    if let t = snapshot.temperature {
      let annealed = settings.anneal == .none ? "" : compact ? "*" : " (annealed)"
      items.append(("\(theme.glyphs.tau) ", ScreenFormat.short(t) + annealed))
    }
    return items
  }

  private func drawStatus(
    _ snapshot: RaceSnapshot, into buffer: inout Buffer, in rect: Rect, theme: Theme
  ) {
    let area = rect.inset(dx: 1)
    if let text = message ?? snapshot.message, !text.isEmpty {
      buffer.write(text, in: area, style: theme.style(.error))
    } else if snapshot.isFinished {
      buffer.write(
        "finished: r races again, + - change the learning rate", in: area, style: theme.style(.hint)
      )
    } else if snapshot.isPaused {
      buffer.write("paused: space resumes", in: area, style: theme.style(.hint))
    }
  }

  private func drawFooter(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    var x = rect.x + 1
    for (keys, text) in RaceKeys.footer {
      guard x < rect.maxX else { break }
      x = buffer.write(keys, x: x, y: rect.y, style: theme.style(.key), maxWidth: rect.maxX - x)
      x = buffer.write(
        " " + text, x: x, y: rect.y, style: theme.style(.hint), maxWidth: rect.maxX - x)
      x += 2
    }
  }
}
