import SampleGradCore
import SampleGradEngine

/// The overview (`o`), the whole screen: every method as a row, the columns of the classic
/// summary table, each cell measured on the scenario on screen, refined while it is open.
///
/// Wide screens show every cell's full evidence, the variance and SD/|g|, a few lines on how
/// to read the table and, in a tour, the step's caption. Narrow ones show each answer with its
/// brief evidence and spell out the selected method's evidence below (↑↓ choose it).
struct OverviewScreen: Widget, Sendable {
  var view: OverviewView
  var snapshot: Snapshot
  /// The gradient component the numbers are for.
  var component: Int
  /// The explorer's own message (a refused key), shown above the keys.
  var message: String?
  var tour: TourChrome? = nil

  /// The detail of the selected method needs a title line and this many lines of text.
  static let detailLines = 4

  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let (header, rest) = screen.splitTop(2)
    let (body, bottom) = rest.splitBottom(2)
    let part = snapshot.overview.flatMap { $0.isOpen ? $0 : nil }
    let overview = part?.overview(component: component)
    let wide = overview.flatMap { Self.wideRows($0, view: view, body: body, theme: theme) }
    drawHeader(into: &buffer, in: header, snapshot: snapshot, part: part, theme: theme)
    let dropped = KeyHints(OverviewView.keys, theme: theme, tour: tour).draw(
      into: &buffer, in: bottom.row(1), theme: theme)
    drawStatus(
      part: part, captionShown: wide != nil, dropped: dropped, into: &buffer,
      in: bottom.row(0), theme: theme)

    guard let overview else {
      let progress = part.map { " \(Int(($0.progress * 100).rounded(.down)))%" } ?? ""
      buffer.write(
        "measuring every method on this scenario\(progress)", in: body.row(body.height / 2),
        align: .center, style: theme.style(.hint))
      return
    }
    if let wide {
      drawWide(overview, rows: wide, into: &buffer, in: body, theme: theme)
      return
    }
    let selected = view.row(in: overview)
    let columns = OverviewColumns.compact(overview, width: body.width, glyphs: theme.glyphs)
    var rows = OverviewRows(overview: overview, columns: columns, selected: selected)
    let detail = 1 + Self.detailLines
    if rows.height(width: body.width) + detail > body.height { rows.folds = true }
    if let selected, rows.height(width: body.width) + detail > body.height {
      Self.scroll(&rows, to: selected, room: body.height - detail, width: body.width)
    }
    let used = rows.draw(into: &buffer, in: body, theme: theme)
    if let selected {
      OverviewDetail(overview: overview, row: overview.rows[selected]).draw(
        into: &buffer, in: body.splitTop(used).rest, theme: theme)
    }
  }

  /// Still too tall with the other distributions' methods folded: the method rows take
  /// `room` lines less the titles and the folded line, scrolled so the selection is the last
  /// row shown at most.
  static func scroll(_ rows: inout OverviewRows, to selected: Int, room: Int, width: Int) {
    let lines = room - rows.columns.headerHeight - rows.foldedLines(width: width - 1).count
    rows.rowLines = max(lines, 1)
    var first = selected
    // A line to spare for the name of a built-in scenario whose rows the table starts in.
    let row = rows.overview.rows[selected]
    var used = rows.lines(ofRow: selected) + ((row.section ?? 0) > 0 ? 1 : 0)
    while first > 0 {
      let previous = rows.overview.rows[first - 1]
      let height = previous.isMeasured ? rows.lines(ofRow: first - 1) : 0
      guard used + height <= lines else { break }
      used += height
      first -= 1
    }
    rows.firstRow = first
  }

  /// The wide table, if the screen is wide and tall enough for every cell's full evidence.
  static func wideRows(_ overview: Overview, view: OverviewView, body: Rect, theme: Theme)
    -> OverviewRows?
  {
    guard body.width >= ScreenLayout.wideWidth,
      let columns = OverviewColumns.full(overview, width: body.width, glyphs: theme.glyphs)
    else { return nil }
    var rows = OverviewRows(overview: overview, columns: columns, selected: view.row(in: overview))
    let height = 1 + rows.height(width: body.width)
    guard height <= body.height else { return nil }
    // The methods for other distributions fold into one line where that leaves room for how
    // to read the table.
    if height + 1 + OverviewReading.height > body.height { rows.folds = true }
    return rows
  }

  /// The table under a title line, then the tour's caption and how to read the table, as
  /// room allows.
  private func drawWide(
    _ overview: Overview, rows: OverviewRows, into buffer: inout Buffer, in body: Rect,
    theme: Theme
  ) {
    let g = theme.glyphs
    SectionTitle(
      title: "Every method, measured on this \(overview.distribution)"
        + (overview.sections.count > 1 ? " (the others on built-ins)" : ""),
      info: g.text("df/dx measured on \(overview.probeDescription)"),
      shortInfo: g.text("df/dx measured on a probe")
    ).draw(into: &buffer, in: body.row(0), theme: theme)
    var rest = body.splitTop(1).rest
    let used = rows.draw(into: &buffer, in: rest, theme: theme)
    rest = rest.splitTop(used + 1).rest
    if let tour {
      let lesson = tour.lesson(g)
      let lines = WordWrap.lines(lesson.text, width: max(rest.width - 2, 1))
      let height = min(1 + lines.count, rest.height)
      if height >= 2 {
        let pane = rest.splitTop(height).top
        LessonPanel(content: lesson, pages: false).draw(into: &buffer, in: pane, theme: theme)
        rest = rest.splitTop(height + 1).rest
      }
    }
    if rest.height >= OverviewReading.height {
      OverviewReading(overview: overview).draw(into: &buffer, in: rest, theme: theme)
    }
  }

  private func drawHeader(
    into buffer: inout Buffer, in rect: Rect, snapshot: Snapshot, part: OverviewSnapshot?,
    theme: Theme
  ) {
    let g = theme.glyphs
    let state = ViewChrome.refining(
      finished: part?.isFinished == true, paused: part?.isPaused == true,
      progress: part?.progress ?? 0, glyphs: g)
    ViewChrome.drawTitle(
      [tour?.label(g), "Overview", snapshot.scenario.displayTitle], state: state, into: &buffer,
      in: rect.row(0), theme: theme)

    let second = rect.row(1).inset(dx: 1)
    let names = snapshot.parameterNames
    let name = names.indices.contains(component) ? names[component] : ""
    let compact = second.width < ScreenLayout.wideWidth
    var facts = [distribution(snapshot, glyphs: g, compact: compact), "numbers for \(name)"]
    if let part, part.samples > 0 {
      facts.append(
        "\(ScreenFormat.count(part.samples)) samples" + (compact ? "" : " per method"))
      if !compact, !part.isFinished {
        facts.append("next: \(ScreenFormat.count(part.target))")
      }
    }
    ViewChrome.drawFacts(facts, into: &buffer, in: second, theme: theme)
  }

  /// `categorical, K = 4, temperature 0.5` (compact: `categorical K=4, τ 0.5`).
  private func distribution(_ snapshot: Snapshot, glyphs: Glyphs, compact: Bool) -> String {
    let temperature = compact ? glyphs.tau + " " : "temperature "
    let d = snapshot.distribution
    guard let t = d.temperature else {
      return "\(d.shape(compact: compact)), objective \(snapshot.scenario.objective.kind.rawValue)"
    }
    // A single bit needs no K.
    let shape = d.kind == .bernoulli && d.variables == 1 ? "bernoulli" : d.shape(compact: compact)
    return shape + ", " + temperature + ScreenFormat.short(t)
  }

  /// The explorer's message, else the paused state, else the tour's hint, else the keys the
  /// footer had no room for.
  private func drawStatus(
    part: OverviewSnapshot?, captionShown: Bool, dropped: [KeyMap.FooterItem],
    into buffer: inout Buffer, in rect: Rect, theme: Theme
  ) {
    let area = rect.inset(dx: 1)
    if let message {
      buffer.write(message, in: area, style: theme.style(.error), ellipsis: theme.glyphs.ellipsis)
    } else if part?.isPaused == true {
      buffer.write(
        "paused: \(TourChrome.pauseKey(inTour: tour != nil)) resumes the refinement", in: area,
        style: theme.style(.hint))
    } else if let tour, !captionShown {
      tour.drawHint(into: &buffer, in: area, theme: theme)
    } else {
      ViewChrome.drawDropped(dropped, into: &buffer, in: area, theme: theme)
    }
  }
}
