/// An area of the screen in cells. Widgets draw only inside the rect they are given, so
/// panels compose by splitting one rect into rows and columns.
package struct Rect: Sendable, Equatable {
  package var x: Int
  package var y: Int
  package var width: Int
  package var height: Int

  package init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(width, 0)
    self.height = max(height, 0)
  }

  /// The whole of a buffer.
  package init(_ buffer: Buffer) {
    self.init(x: 0, y: 0, width: buffer.width, height: buffer.height)
  }

  package var maxX: Int { x + width }
  package var maxY: Int { y + height }
  package var isEmpty: Bool { width <= 0 || height <= 0 }

  /// Row `index` of this rect as a one-row rect (empty when out of range).
  package func row(_ index: Int) -> Rect {
    guard index >= 0, index < height else { return Rect(x: x, y: y, width: 0, height: 0) }
    return Rect(x: x, y: y + index, width: width, height: 1)
  }

  /// The first `rows` rows, and the rest.
  package func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let top = min(max(rows, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: top),
      Rect(x: x, y: y + top, width: width, height: height - top)
    )
  }

  /// The last `rows` rows, and the rest.
  package func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let bottom = min(max(rows, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: height - bottom),
      Rect(x: x, y: y + height - bottom, width: width, height: bottom)
    )
  }

  /// The first `columns` columns, and the rest (after `gap` blank columns).
  package func splitLeft(_ columns: Int, gap: Int = 0) -> (left: Rect, rest: Rect) {
    let left = min(max(columns, 0), width)
    let skip = min(left + max(gap, 0), width)
    return (
      Rect(x: x, y: y, width: left, height: height),
      Rect(x: x + skip, y: y, width: width - skip, height: height)
    )
  }

  /// The rect shrunk by `dx` columns on each side and `dy` rows on top and bottom.
  package func inset(dx: Int, dy: Int = 0) -> Rect {
    Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// A rect of the given size centred in this one (clipped to it).
  package func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(max(w, 0), width)
    let ch = min(max(h, 0), height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }

  /// The part of this rect that is also inside `other`.
  package func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    return Rect(
      x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
  }
}
