import SampleGradCore
import SampleGradEngine

/// The top two rows: what is running (title, distribution, temperature) and how far it has
/// got (samples, rate, running or paused). In a tour the step comes first.
struct HeaderPanel: Widget, Sendable {
  var frame: PanelFrame
  /// `step 3/14 · A baseline` while a tour plays.
  var tourLabel: String? = nil

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    let snapshot = context.snapshot
    let first = rect.row(0)
    let state =
      snapshot.isPaused
      ? (text: context.glyphs.paused, role: Role.paused)
      : (text: context.glyphs.running, role: Role.running)
    let stateRect = first.splitLeft(first.width - state.text.count - 1).rest
    buffer.write(state.text, in: stateRect, style: context.style(state.role))
    let titleRoom = first.splitLeft(max(stateRect.x - first.x - 2, 0)).left
    let end = buffer.write("samplegrad", in: titleRoom.inset(dx: 1), style: context.style(.hint))
    let title = snapshot.scenario.displayTitle
    let after = titleRoom.splitLeft(end - titleRoom.x).rest
    let ellipsis = context.glyphs.ellipsis
    // A title is whole or visibly cut (…), in its middle so that titles sharing a start
    // (mohamed-quadratic and mohamed-cosine) stay apart.
    let room = after.splitLeft(2).rest
    if let tourLabel {
      let label = ScreenFormat.clip(tourLabel, room.width, ellipsis: ellipsis)
      let stepEnd = buffer.write(label, in: room, style: context.style(.title))
      let rest = room.splitLeft(stepEnd - room.x).rest
      let dot = " \(context.glyphs.dot) "
      if rest.width >= dot.count + 16 {
        let suffix =
          dot + ScreenFormat.clipKeepingEnd(title, rest.width - dot.count, ellipsis: ellipsis)
        buffer.write(suffix, in: rest, style: context.style(.hint))
      }
    } else {
      buffer.write(
        ScreenFormat.clipKeepingEnd(title, room.width, ellipsis: ellipsis), in: room,
        style: context.style(.title))
    }

    let second = rect.row(1).inset(dx: 1)
    var items = facts(snapshot, glyphs: context.glyphs, compact: false)
    if items.reduce(0, { $0 + $1.0.count + $1.1.count + 3 }) > second.width {
      items = facts(snapshot, glyphs: context.glyphs, compact: true)
    }
    var x = second.x
    for (label, value) in items {
      guard x < second.maxX else { break }
      x = buffer.write(label, in: second.splitLeft(x - second.x).rest, style: context.style(.label))
      x = buffer.write(value, in: second.splitLeft(x - second.x).rest, style: context.style(.title))
      x += 3
    }
  }

  /// Label and value pairs of the second row, in long or compact words.
  private func facts(_ snapshot: Snapshot, glyphs: Glyphs, compact: Bool) -> [(String, String)] {
    var items: [(String, String)] = []
    let d = snapshot.distribution
    items.append(("", d.shape(compact: compact)))
    items.append((compact ? "" : "objective ", snapshot.scenario.objective.kind.rawValue))
    if let t = d.temperature {
      items.append((compact ? "temperature " : "temperature \(glyphs.tau) ", ScreenFormat.short(t)))
    }
    items.append(("samples ", ScreenFormat.count(snapshot.samples)))
    items.append(
      ("", ScreenFormat.compactCount(snapshot.samplesPerSecond) + (compact ? "/s" : " samples/s")))
    return items
  }
}
