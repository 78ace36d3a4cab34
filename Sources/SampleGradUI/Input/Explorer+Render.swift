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
      TooSmallNotice().draw(into: &buffer, theme: theme)
      return
    }
    let chrome = tour?.chrome
    defer {
      if overlays, tour?.showsCaption == true, let chrome {
        CaptionBox(chrome: chrome).draw(into: &buffer, theme: theme)
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
    let context = PanelContext(
      snapshot: snapshot, theme: theme, selected: Self.clamp(selectedParameter, snapshot),
      pin: pin)
    let lesson = lessonContent(snapshot)
    let layout = ScreenLayout(
      width: buffer.width, height: buffer.height, snapshot: snapshot, lesson: lesson?.text,
      lessonShown: showsLesson, middle: middle)
    HeaderPanel(tourLabel: chrome?.label(theme.glyphs)).draw(
      into: &buffer, in: layout.header, context: context)
    ParametersPanel().draw(into: &buffer, in: layout.parameters, context: context)
    if let histogram = layout.histogram {
      SamplesPanel().draw(into: &buffer, in: histogram, context: context)
    }
    if let samples = layout.samples {
      if !snapshot.scenario.distribution.isDiscrete {
        DensityPanel().draw(into: &buffer, in: samples, context: context)
      } else {
        RelaxedPanel().draw(into: &buffer, in: samples, context: context)
      }
    }
    if let objective = layout.objective {
      ObjectivePanel().draw(into: &buffer, in: objective, context: context)
    }
    if let chart = layout.chart {
      VarianceChartPanel().draw(into: &buffer, in: chart, context: context)
    }
    if let pane = layout.lesson, let lesson {
      LessonPanel(content: lesson).draw(into: &buffer, in: pane, theme: theme)
    }
    if let table = layout.table {
      MeanSquaredErrorTablePanel().draw(into: &buffer, in: table, context: context)
    }
    EstimatorsPanel(collapsesOffRows: layout.collapsesOffRows).draw(
      into: &buffer, in: layout.estimators, context: context)
    StatusLine(
      message: message, lessonHint: layout.lessonInStatus ? lesson : nil,
      pauseKey: pauseKey
    ).draw(into: &buffer, in: layout.status, context: context)
    FooterPanel(
      hasTemperature: snapshot.distribution.temperature != nil,
      scalesSelection: selectionScales(snapshot), cyclesMiddle: layout.needsMiddle, tour: chrome
    ).draw(into: &buffer, in: layout.footer, theme: theme)
    guard overlays else { return }
    switch overlay {
    case .none, .sweep, .race, .overview: break
    case .help(let page, let scroll):
      HelpOverlay(page: page, scroll: scroll, rows: snapshot.estimators)
        .draw(into: &buffer, theme: theme)
    case .presets(let picker):
      PresetPickerOverlay(presets: presets, picker: picker, shown: filteredPresets(picker))
        .draw(into: &buffer, theme: theme)
    case .prompt(let prompt): PromptOverlay(prompt: prompt).draw(into: &buffer, context: context)
    case .estimators(let selected):
      EstimatorChooserOverlay(selected: selected).draw(into: &buffer, context: context)
    }
  }
}
