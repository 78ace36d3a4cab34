/// The bottom row: the main keys, as many as fit (lowest priority dropped first).
struct FooterPanel: Widget, Sendable {
  /// False for a gaussian, whose footer then leaves out the temperature keys.
  var hasTemperature = true
  /// The selected parameter is a std, which the arrows multiply.
  var scalesSelection = false

  /// Whether some pane is left out, so `c` has something to show.
  var cyclesMiddle = true
  /// The tour playing, whose keys come first.
  var tour: TourChrome? = nil
  /// D variables, whose arrows select a variable (nil or one variable: parameters).
  var variables: VariableSelection? = nil

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let ascii = theme.glyphs.isASCII
    // In a tour `c` also shows the caption.
    let items = KeyMap.footer(
      ascii: ascii, hasTemperature: hasTemperature, scalesSelection: scalesSelection,
      cyclesMiddle: cyclesMiddle || tour != nil, variables: variables)
    KeyHints(items: tour?.footer(items, ascii: ascii) ?? items).draw(
      into: &buffer, in: rect, theme: theme)
  }
}
