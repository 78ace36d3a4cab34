/// A panel or a chart: a value that holds what it shows and draws it into `area` of a buffer,
/// in the theme's glyphs and colours, and never outside `area`, at any size down to 0x0.
///
/// Screens are composed by splitting their rect into areas, one widget each (ratatui's
/// `Widget`), so a widget that keeps to its area cannot spoil a neighbour. One generic test
/// (`WidgetBoundsTests`) draws every widget at many sizes into a buffer filled with a marker
/// and fails on any cell written outside the area.
protocol Widget {
  /// What drawing tells the caller for laying out the rest: the inside of a box, the rows a
  /// table used. Most widgets tell nothing.
  associatedtype Drawn = Void

  @discardableResult
  func draw(into buffer: inout Buffer, in area: Rect, theme: Theme) -> Drawn
}
