/// A row of key hints (`←→ point  Enter go there ...`), as many as fit: the highest priority
/// number is dropped first, the rest keep their order. Returns what was left out.
struct KeyHints: Widget, Sendable {
  var items: [KeyMap.FooterItem]

  @discardableResult
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) -> [KeyMap.FooterItem] {
    guard !rect.isEmpty else { return [] }
    var shown = items
    func length(_ list: [KeyMap.FooterItem]) -> Int {
      list.reduce(0) { $0 + $1.keys.count + 1 + $1.text.count + 2 } - 2
    }
    while length(shown) > rect.width - 2, shown.count > 1 {
      let worst = shown.indices.max { shown[$0].priority < shown[$1].priority }!
      shown.remove(at: worst)
    }
    var x = rect.x + 1
    for item in shown {
      x = buffer.write(
        item.keys, x: x, y: rect.y, style: theme.style(.key), maxWidth: rect.maxX - x)
      x = buffer.write(
        " " + item.text, x: x, y: rect.y, style: theme.style(.hint), maxWidth: rect.maxX - x)
      x += 2
    }
    return items.filter { item in !shown.contains { $0.keys == item.keys } }
  }
}

extension KeyHints {
  /// The hints of a full-screen view's own keys, in the theme's glyphs, with a tour's keys
  /// first while one plays.
  init(_ keys: [ViewKey], theme: Theme, tour: TourChrome? = nil) {
    let ascii = theme.glyphs.isASCII
    let own = keys.map {
      KeyMap.FooterItem(
        keys: ascii ? $0.asciiKeys : $0.keys, text: theme.glyphs.text($0.text),
        priority: $0.priority)
    }
    items = tour?.footer(own, ascii: ascii) ?? own
  }
}

/// A key of a full-screen view (the sweep, the race) as its footer lists it.
struct ViewKey: Sendable {
  let keys: String
  /// The keys as `--ascii` spells them.
  let asciiKeys: String
  let text: String
  /// Lower is more important; the footer drops the highest first.
  let priority: Int

  init(_ keys: String, ascii: String? = nil, _ text: String, priority: Int) {
    self.keys = keys
    self.asciiKeys = ascii ?? keys
    self.text = text
    self.priority = priority
  }
}
