@preconcurrency import CNcursesw
import Foundation
import SampleGradUI

/// Copies a `Buffer` to the curses screen, writing only the cells that differ from the
/// previous frame, then refreshes once.
///
/// A buffer holds one character per column. A wide character (two columns) is drawn over
/// its own cell and the next one, whose content is dropped, so the rest of the row stays
/// where the layout put it. Rows that hold a wide character are redrawn whole when any of
/// their cells change.
struct ScreenPainter {
  private var previous: Buffer?
  private var rowsWithWide: [Bool] = []
  private var palette: ColorPalette
  /// False in a locale that cannot show non-ASCII characters: they are drawn as `?`.
  let unicode: Bool

  init(palette: ColorPalette, unicode: Bool) {
    self.palette = palette
    self.unicode = unicode
  }

  /// Forgets the last frame, so the next one is drawn in full on a cleared screen.
  mutating func invalidate() { previous = nil }

  /// Draws `buffer` and refreshes the terminal. Returns the number of cells written.
  @discardableResult
  mutating func paint(_ buffer: Buffer) -> Int {
    var written = 0
    if let old = previous, old.width == buffer.width, old.height == buffer.height {
      buffer.cells.withUnsafeBufferPointer { newCells in
        old.cells.withUnsafeBufferPointer { oldCells in
          for y in 0..<buffer.height {
            written += paintChanges(y, of: buffer, cells: newCells, over: oldCells)
          }
        }
      }
    } else {
      werase(sg_stdscr())
      clearok(sg_stdscr(), true)
      rowsWithWide = [Bool](repeating: false, count: buffer.height)
      for y in 0..<buffer.height { written += paintRow(y, of: buffer) }
    }
    previous = buffer
    wrefresh(sg_stdscr())
    return written
  }

  /// Draws the cells of row `y` that differ from the last frame (the whole row if it holds
  /// a wide character, before or now).
  private mutating func paintChanges(
    _ y: Int, of buffer: Buffer, cells: UnsafeBufferPointer<Cell>,
    over oldCells: UnsafeBufferPointer<Cell>
  ) -> Int {
    let width = buffer.width
    let start = y * width
    var written = 0
    for x in 0..<width where Self.differ(cells, oldCells, at: start + x) {
      if rowsWithWide[y] { return paintRow(y, of: buffer) }
      written += 1
      if put(cells[start + x], x: x, y: y, lastColumn: width - 1) == 2 {
        return paintRow(y, of: buffer)
      }
    }
    return written
  }

  /// Whether the cells at `index` differ. Identical bytes mean identical cells, which
  /// settles almost every cell with one `memcmp`; different bytes may still hold equal
  /// cells (a string stored another way), so those are compared properly.
  private static func differ(
    _ cells: UnsafeBufferPointer<Cell>, _ oldCells: UnsafeBufferPointer<Cell>, at index: Int
  ) -> Bool {
    let new = cells.baseAddress! + index
    let old = oldCells.baseAddress! + index
    if memcmp(new, old, MemoryLayout<Cell>.size) == 0 { return false }
    return new.pointee != old.pointee
  }

  /// Draws every cell of row `y` and notes whether it holds a wide character.
  private mutating func paintRow(_ y: Int, of buffer: Buffer) -> Int {
    var x = 0
    var hasWide = false
    let start = y * buffer.width
    while x < buffer.width {
      let columns = put(buffer.cells[start + x], x: x, y: y, lastColumn: buffer.width - 1)
      if columns == 2 { hasWide = true }
      x += columns
    }
    rowsWithWide[y] = hasWide
    return buffer.width
  }

  /// Draws one cell; returns the columns it took (2 for a wide character).
  private mutating func put(_ cell: Cell, x: Int, y: Int, lastColumn: Int) -> Int {
    let style = palette.attributes(for: cell.style)
    let scalars = cell.character.unicodeScalars
    var first = scalars.first?.value ?? 0x20
    let columns = (0x20..<0x7F).contains(first) ? 1 : Int(sg_scalar_width(first))
    if columns < 1 || columns > 2 || (columns == 2 && x == lastColumn) {
      first = 0x20  // nothing printable, or no room for a wide character
    } else if !unicode && first >= 0x80 {
      first = 0x3F  // no way to show it: `?`
    } else if unicode && scalars.count > 1 {
      // A base character with combining marks: curses takes up to five scalars.
      let all = scalars.prefix(5).map(\.value)
      _ = all.withUnsafeBufferPointer {
        sg_put_cell(
          Int32(y), Int32(x), $0.baseAddress, Int32($0.count), style.attributes, style.pair)
      }
      return columns
    } else {
      _ = sg_put_cell(Int32(y), Int32(x), &first, 1, style.attributes, style.pair)
      return columns
    }
    _ = sg_put_cell(Int32(y), Int32(x), &first, 1, style.attributes, style.pair)
    return 1
  }
}
