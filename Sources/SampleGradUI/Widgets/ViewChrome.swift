/// The frame the full-screen views (sweep, race, overview) share: a title row with the state
/// word at the right, a row of facts, and the status line's "also:" keys. One drawing, so the
/// three views look like one program.
enum ViewChrome {
  typealias State = (text: String, role: Role)

  /// The state of a job that refines in rounds: done, paused, or `▶ refining N%`.
  static func refining(finished: Bool, paused: Bool, progress: Double, glyphs: Glyphs) -> State {
    if finished { return ("done", .running) }
    if paused { return (glyphs.paused, .paused) }
    let percent = Int((progress * 100).rounded(.down))
    return ((glyphs.isASCII ? "refining " : "▶ refining ") + "\(percent)%", .running)
  }

  /// `samplegrad  ` and the title's parts joined by dots (nil parts left out), cut to fit
  /// before `state`, which sits at the right of `row`.
  static func drawTitle(
    _ parts: [String?], state: State, into buffer: inout Buffer, in row: Rect, theme: Theme
  ) {
    let glyphs = theme.glyphs
    let stateRect = row.splitLeft(row.width - state.text.count - 1).rest
    buffer.write(state.text, in: stateRect, style: theme.style(state.role))
    let titleRoom = row.splitLeft(max(stateRect.x - row.x - 2, 0)).left.inset(dx: 1)
    let end = buffer.write("samplegrad  ", in: titleRoom, style: theme.style(.hint))
    let room = titleRoom.splitLeft(end - titleRoom.x).rest
    buffer.write(
      fitted(parts.compactMap { $0 }, width: room.width, glyphs: glyphs), in: room,
      style: theme.style(.title))
  }

  /// The parts joined by dots in `width` characters: the first parts whole (a tour's step,
  /// the view's name) where they leave room for a readable last part (the scenario's title),
  /// which is cut in its middle so that two titles sharing a start stay apart.
  static func fitted(_ parts: [String], width: Int, glyphs: Glyphs) -> String {
    let dot = " \(glyphs.dot) "
    let whole = parts.joined(separator: dot)
    guard whole.count > width, let last = parts.last, parts.count > 1 else {
      return ScreenFormat.clipKeepingEnd(whole, width, ellipsis: glyphs.ellipsis)
    }
    let head = parts.dropLast().joined(separator: dot) + dot
    let room = width - head.count
    guard room >= 20 else {
      return ScreenFormat.clipKeepingEnd(whole, width, ellipsis: glyphs.ellipsis)
    }
    return head + ScreenFormat.clipKeepingEnd(last, room, ellipsis: glyphs.ellipsis)
  }

  /// `facts` joined by `  ·  `, the first as a label, up to the first that does not fit.
  static func drawFacts(_ facts: [String], into buffer: inout Buffer, in row: Rect, theme: Theme) {
    var x = row.x
    for (i, fact) in facts.enumerated() {
      let text = (i > 0 ? "  \(theme.glyphs.dot)  " : "") + fact
      guard x + text.count <= row.maxX else { break }
      x = buffer.write(
        text, x: x, y: row.y, style: theme.style(i == 0 ? .label : .hint),
        maxWidth: row.maxX - x)
    }
  }

  /// The keys the footer had no room for, as the status line's last resort.
  static func drawDropped(
    _ dropped: [KeyMap.FooterItem], into buffer: inout Buffer, in rect: Rect, theme: Theme
  ) {
    guard !dropped.isEmpty else { return }
    let text = dropped.map { "\($0.keys) \($0.text)" }.joined(separator: "  ")
    buffer.write("also: " + text, in: rect, style: theme.style(.hint))
  }
}
