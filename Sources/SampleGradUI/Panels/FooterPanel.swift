/// The bottom row: the main keys, as many as fit (lowest priority dropped first).
struct FooterPanel: Sendable {
  /// False for a gaussian, whose footer then leaves out the temperature keys.
  var hasTemperature = true
  /// The selected parameter is a std, which the arrows multiply.
  var scalesSelection = false

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let items = KeyMap.footer(
      ascii: theme.glyphs.isASCII, hasTemperature: hasTemperature,
      scalesSelection: scalesSelection)
    KeyHints(items: items).draw(into: &buffer, in: rect, theme: theme)
  }
}
