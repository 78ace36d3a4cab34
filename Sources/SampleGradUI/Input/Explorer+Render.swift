import SampleGradCore
import SampleGradEngine

extension Explorer {
  /// Draws the whole screen for `snapshot` into `buffer` (already sized to the terminal): the
  /// view on screen and any overlay over it. Below 80x24 it draws a "too small" notice
  /// instead; it never traps on any size.
  package func render(_ snapshot: Snapshot, into buffer: inout Buffer) {
    render(snapshot, into: &buffer, overlays: true)
  }

  /// `render`, optionally without the open overlay (what `x` exports).
  func render(_ snapshot: Snapshot, into buffer: inout Buffer, overlays: Bool) {
    buffer.clear()
    let theme = Theme(options: options)
    defer { buffer.paintBase(theme.base) }
    let screen = Rect(buffer)
    guard ScreenLayout.fits(width: buffer.width, height: buffer.height) else {
      TooSmallNotice().draw(into: &buffer, in: screen, theme: theme)
      return
    }
    let context = renderContext(snapshot, theme: theme)
    current.render(into: &buffer, area: screen, context: context)
    guard overlays else { return }
    let frame = PanelFrame(
      snapshot: snapshot, selected: context.selectedParameter, pin: live.pin)
    switch overlay {
    case .none: break
    case .help(let page, let scroll):
      HelpOverlay(pages: current.help(context), page: page, scroll: scroll)
        .draw(into: &buffer, in: screen, theme: theme)
    case .presets(let picker):
      PresetPickerOverlay(presets: presets, picker: picker, shown: filteredPresets(picker))
        .draw(into: &buffer, in: screen, theme: theme)
    case .prompt(let prompt):
      PromptOverlay(frame: frame, prompt: prompt).draw(into: &buffer, in: screen, theme: theme)
    case .options(let prompt):
      OptionPromptOverlay(scenario: snapshot.scenario, prompt: prompt).draw(
        into: &buffer, in: screen, theme: theme)
    case .estimators(let selected):
      EstimatorChooserOverlay(frame: frame, selected: selected).draw(
        into: &buffer, in: screen, theme: theme)
    }
    if tour?.showsCaption == true, let chrome = context.tour {
      CaptionBox(chrome: chrome).draw(into: &buffer, in: screen, theme: theme)
    }
  }
}
