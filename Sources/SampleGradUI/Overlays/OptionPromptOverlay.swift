import SampleGradCore

/// The options prompt (`O`): each option the estimators declare, with its value in this
/// scenario, what it does, its range and default and which estimators read it; then the
/// `KEY=VALUE` being typed, and either how to finish or why the last Enter was refused.
struct OptionPromptOverlay: Widget, Sendable {
  var scenario: Scenario
  var prompt: OptionPrompt

  /// Columns of the key (the longest key and a space) and of the value, before the help
  /// text.
  private static let keyWidth = (OptionPrompt.options.map(\.key.count).max() ?? 5) + 1
  private static let valueWidth = 7

  /// Draws the box centred in `screen`.
  func draw(into buffer: inout Buffer, in screen: Rect, theme: Theme) {
    let width = min(screen.width - 4, 78)
    let textWidth = max(width - 4 - Self.keyWidth - Self.valueWidth, 1)
    let options = OptionPrompt.options
    let entries = options.enumerated().map { i, option in
      (i, option, WordWrap.lines(theme.glyphs.text(describe(option)), width: textWidth))
    }
    let listHeight = entries.reduce(0) { $0 + $1.2.count }
    let box = screen.centered(width: width, height: listHeight + 5)
    let inside = Box(title: "Estimator options").draw(into: &buffer, in: box, theme: theme)
    guard inside.height >= 2 else { return }
    let (list, bottom) = inside.splitBottom(2)
    var y = list.y
    for (i, option, lines) in entries {
      guard y < list.maxY else { break }
      let row = list.row(y - list.y)
      let picked = i == prompt.selected && prompt.text.hasPrefix(option.key + "=")
      buffer.write(
        option.key, in: row, style: theme.style(picked ? .selected : .key))
      let value = scenario.options.value(option.key).map(NumericDomain.show) ?? "-"
      buffer.write(
        value, in: row.splitLeft(Self.keyWidth).rest, style: theme.style(.title))
      let applies = Self.applies(option, to: scenario)
      for (j, line) in lines.enumerated() where y + j < list.maxY {
        let text = list.row(y + j - list.y).splitLeft(Self.keyWidth + Self.valueWidth).rest
        buffer.write(line, in: text, style: theme.style(applies ? .plain : .off))
      }
      y += lines.count
    }
    let input = bottom.row(0)
    let end = buffer.write("set: ", in: input, style: theme.style(.label))
    let field = input.splitLeft(end - input.x).rest
    let typedEnd = buffer.write(prompt.text, in: field, style: theme.style(.title))
    if typedEnd < field.maxX {
      buffer[typedEnd, field.y] = Cell(" ", style: theme.style(.selected))
    }
    if let error = prompt.error {
      buffer.write(
        error, in: bottom.row(1), style: theme.style(.error), ellipsis: theme.glyphs.ellipsis)
    } else {
      let hint =
        "Enter sets KEY=VALUE \(theme.glyphs.dot) \(theme.glyphs.upDown) picks \(theme.glyphs.dot) Esc cancels"
      buffer.write(hint, in: bottom.row(1), style: theme.style(.hint))
    }
  }

  /// `draws per estimate, k, between 2 and 1024, default 4; read by RLOO, Gumbel-Rao`.
  private func describe(_ option: EstimatorOption) -> String {
    let readers = EstimatorRegistry.readers(of: option.key).map { $0.descriptor.shortName }
    let reason = ScenarioSetting.option(option.key).unavailable(in: scenario)
    let tail =
      reason == nil
      ? "; read by " + readers.joined(separator: ", ")
      : "; no estimator of this distribution reads it"
    return option.help + tail
  }

  /// Whether an estimator of this distribution reads `option`.
  private static func applies(_ option: EstimatorOption, to scenario: Scenario) -> Bool {
    ScenarioSetting.option(option.key).unavailable(in: scenario) == nil
  }
}
