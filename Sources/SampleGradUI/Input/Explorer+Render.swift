import SampleGradCore
import SampleGradEngine

extension Explorer {
  /// Draws the whole screen for `snapshot` into `buffer` (already sized to the terminal):
  /// the panels for its size, the status line, the footer and any open overlay. Below
  /// 80x24 it draws a "too small" notice instead; it never traps on any size.
  public func render(_ snapshot: Snapshot, into buffer: inout Buffer) {
    buffer.clear()
    let theme = Theme(options: options)
    guard ScreenLayout.fits(width: buffer.width, height: buffer.height) else {
      TooSmallNotice().draw(into: &buffer, theme: theme)
      return
    }
    if isRaceOpen, let race = snapshot.race {
      RaceView(options: options, message: message).render(race, into: &buffer)
      return
    }
    let context = PanelContext(
      snapshot: snapshot, theme: theme, selected: Self.clamp(selectedParameter, snapshot))
    let layout = ScreenLayout(
      width: buffer.width, height: buffer.height,
      isDiscrete: snapshot.distribution.capabilities.contains(.discrete),
      outcomes: context.outcomeCount, estimatorRows: snapshot.estimators.count)
    HeaderPanel().draw(into: &buffer, in: layout.header, context: context)
    ParametersPanel().draw(into: &buffer, in: layout.parameters, context: context)
    if !snapshot.distribution.capabilities.contains(.discrete) {
      DensityPanel().draw(into: &buffer, in: layout.samples, context: context)
    } else {
      SamplesPanel().draw(into: &buffer, in: layout.samples, context: context)
    }
    if let relaxed = layout.relaxed {
      RelaxedPanel().draw(into: &buffer, in: relaxed, context: context)
    }
    if let table = layout.varianceTable {
      VarianceTablePanel().draw(into: &buffer, in: table, context: context)
    }
    if let objective = layout.objective {
      ObjectivePanel().draw(into: &buffer, in: objective, context: context)
    }
    EstimatorsPanel(lines: layout.estimatorLines).draw(
      into: &buffer, in: layout.estimators, context: context)
    StatusLine(message: message).draw(into: &buffer, in: layout.status, context: context)
    FooterPanel(hasTemperature: snapshot.distribution.temperature != nil).draw(
      into: &buffer, in: layout.footer, theme: theme)
    switch overlay {
    case .none: break
    case .help: HelpOverlay().draw(into: &buffer, theme: theme)
    case .presets(let selected):
      PresetPickerOverlay(presets: presets, selected: selected).draw(into: &buffer, theme: theme)
    case .prompt(let prompt): PromptOverlay(prompt: prompt).draw(into: &buffer, context: context)
    }
  }
}
