import SampleGradCore
import SampleGradEngine

extension Explorer {
  /// Draws the whole screen for `snapshot` into `buffer` (already sized to the terminal):
  /// the panels for its size, the status line, the footer and any open overlay. Below
  /// 80x24 it draws a "too small" notice instead; it never traps on any size.
  package func render(_ snapshot: Snapshot, into buffer: inout Buffer) {
    render(snapshot, into: &buffer, overlays: true)
  }

  /// `render`, optionally without the open overlay (what `x` exports).
  func render(_ snapshot: Snapshot, into buffer: inout Buffer, overlays: Bool) {
    buffer.clear()
    let theme = Theme(options: options)
    defer { buffer.paintBase(theme.base) }
    guard ScreenLayout.fits(width: buffer.width, height: buffer.height) else {
      TooSmallNotice().draw(into: &buffer, in: Rect(buffer), theme: theme)
      return
    }
    let chrome = tour?.chrome
    defer {
      if overlays, tour?.showsCaption == true, let chrome {
        CaptionBox(chrome: chrome).draw(into: &buffer, in: Rect(buffer), theme: theme)
      }
    }
    switch overlay {
    case .sweep(let view):
      SweepScreen(view: view, message: message, tour: chrome).draw(
        into: &buffer, snapshot: snapshot, theme: theme)
      return
    case .race:
      RaceScreen(message: message, tour: chrome).draw(
        into: &buffer, snapshot: snapshot, theme: theme)
      return
    case .overview(let view):
      OverviewScreen(
        view: view, component: Self.clamp(selectedParameter, snapshot), message: message,
        tour: chrome
      ).draw(into: &buffer, snapshot: snapshot, theme: theme)
      return
    default:
      break
    }
    let frame = PanelFrame(
      snapshot: snapshot, selected: Self.clamp(selectedParameter, snapshot), pin: pin)
    let lesson = lessonContent(snapshot)
    let layout = ScreenLayout(
      width: buffer.width, height: buffer.height, snapshot: snapshot, lesson: lesson?.text,
      lessonShown: showsLesson, middle: middle)
    HeaderPanel(frame: frame, tourLabel: chrome?.label(theme.glyphs)).draw(
      into: &buffer, in: layout.header, theme: theme)
    ParametersPanel(frame: frame).draw(into: &buffer, in: layout.parameters, theme: theme)
    if let histogram = layout.histogram {
      SamplesPanel(frame: frame).draw(into: &buffer, in: histogram, theme: theme)
    }
    if let samples = layout.samples {
      if !snapshot.scenario.distribution.isDiscrete {
        DensityPanel(frame: frame).draw(into: &buffer, in: samples, theme: theme)
      } else {
        RelaxedPanel(frame: frame).draw(into: &buffer, in: samples, theme: theme)
      }
    }
    if let objective = layout.objective {
      ObjectivePanel(frame: frame).draw(into: &buffer, in: objective, theme: theme)
    }
    if let chart = layout.chart {
      VarianceChartPanel(frame: frame).draw(into: &buffer, in: chart, theme: theme)
    }
    if let pane = layout.lesson, let lesson {
      LessonPanel(content: lesson).draw(into: &buffer, in: pane, theme: theme)
    }
    if let table = layout.table {
      MeanSquaredErrorTablePanel(frame: frame).draw(into: &buffer, in: table, theme: theme)
    }
    EstimatorsPanel(frame: frame, collapsesOffRows: layout.collapsesOffRows).draw(
      into: &buffer, in: layout.estimators, theme: theme)
    StatusLine(
      frame: frame, message: message, lessonHint: layout.lessonInStatus ? lesson : nil,
      pauseKey: pauseKey
    ).draw(into: &buffer, in: layout.status, theme: theme)
    FooterPanel(
      hasTemperature: snapshot.distribution.temperature != nil,
      scalesSelection: selectionScales(snapshot), cyclesMiddle: layout.needsMiddle, tour: chrome
    ).draw(into: &buffer, in: layout.footer, theme: theme)
    guard overlays else { return }
    switch overlay {
    case .none, .sweep, .race, .overview: break
    case .help(let page, let scroll):
      HelpOverlay(page: page, scroll: scroll, rows: snapshot.estimators)
        .draw(into: &buffer, in: Rect(buffer), theme: theme)
    case .presets(let picker):
      PresetPickerOverlay(presets: presets, picker: picker, shown: filteredPresets(picker))
        .draw(into: &buffer, in: Rect(buffer), theme: theme)
    case .prompt(let prompt):
      PromptOverlay(frame: frame, prompt: prompt).draw(
        into: &buffer, in: Rect(buffer), theme: theme)
    case .estimators(let selected):
      EstimatorChooserOverlay(frame: frame, selected: selected).draw(
        into: &buffer, in: Rect(buffer), theme: theme)
    }
  }
}
