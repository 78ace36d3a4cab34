/// The bottom row: the main keys, as many as fit (lowest priority dropped first).
struct FooterPanel: Sendable {
  /// False for a gaussian, whose footer then leaves out the temperature keys.
  var hasTemperature = true
  /// The selected parameter is a std, which the arrows multiply.
  var scalesSelection = false

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    var items = KeyMap.footer(
      ascii: theme.glyphs.isASCII, hasTemperature: hasTemperature,
      scalesSelection: scalesSelection)
    func length(_ list: [KeyMap.FooterItem]) -> Int {
      list.reduce(0) { $0 + $1.keys.count + 1 + $1.text.count + 2 } - 2
    }
    while length(items) > rect.width - 2, items.count > 1 {
      let worst = items.indices.max { items[$0].priority < items[$1].priority }!
      items.remove(at: worst)
    }
    var x = rect.x + 1
    for item in items {
      x = buffer.write(
        item.keys, x: x, y: rect.y, style: theme.style(.key), maxWidth: rect.maxX - x)
      x = buffer.write(
        " " + item.text, x: x, y: rect.y, style: theme.style(.hint), maxWidth: rect.maxX - x)
      x += 2
    }
  }
}
