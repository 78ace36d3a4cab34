import Foundation
import SampleGradCore

/// Number formats for the screen, built on `NumberFormat` so values read as in the table.
/// Every number column has a fixed width and three significant digits with trailing zeros kept
/// (`0.0600` stays `0.0600`), so nothing jumps from frame to frame, and nothing is ever cut: a
/// value too long for fixed notation switches to scientific with fewer digits (`1e+308`). A
/// number that is not finite prints as a dash.
enum ScreenFormat {
  static let missing = "-"

  /// Three significant digits (`NumberFormat.short`), or a dash if not finite: for text, not
  /// for columns.
  static func short(_ x: Double) -> String {
    x.isFinite ? NumberFormat.short(x) : missing
  }

  /// `x` in at most `width` characters when possible: three significant digits in fixed
  /// notation for 1e-3 <= |x| < 1e5 (`0.0602`, `12.3`), else scientific with three, two or
  /// one digits (`1.23e-05`, `1.2e-05`, `1e+308`). `signed` adds `+` to positive values.
  static func number(_ x: Double, width: Int = 8, signed: Bool = false) -> String {
    guard x.isFinite else { return missing }
    if x == 0 { return "0" }
    let sign = x < 0 ? "-" : signed ? "+" : ""
    let magnitude = abs(x)
    if magnitude >= 1e-3, magnitude < 1e5 {
      let text = sign + NumberFormat.significant(magnitude, digits: 3)
      if text.count <= width { return text }
    }
    for digits in [3, 2] {
      let text = sign + NumberFormat.scientific(magnitude, digits: digits)
      if text.count <= width { return text }
    }
    return sign + NumberFormat.scientific(magnitude, digits: 1)
  }

  /// A parameter value: two decimals while it is on the 0.01 grid and below 1e4 (`1.00`,
  /// `-0.50`, as typed and as the keys step it), else three significant digits (`0.410`,
  /// `1.00e-10`); eight characters at most.
  static func parameter(_ x: Double) -> String {
    guard x.isFinite else { return missing }
    let hundredths = (x * 100).rounded()
    let onGrid = abs(x * 100 - hundredths) < 1e-9 * max(abs(x * 100), 1)
    if abs(x) < 1e4, x == 0 || abs(x) >= 0.01, onGrid {
      let sign = hundredths < 0 ? "-" : ""
      let magnitude = Int(abs(hundredths))
      let fraction = magnitude % 100
      return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
    return number(x, width: 8)
  }

  /// A probability or frequency: four decimals (`0.4551`), or two significant digits when
  /// that would hide it (`1.2e-05`); seven characters at most.
  static func probability(_ x: Double) -> String {
    guard x.isFinite else { return missing }
    if x == 0 || abs(x) >= 1e-3 { return NumberFormat.fixed(x) }
    return NumberFormat.scientific(x, digits: 2)
  }

  /// A count with thousands separators: `1,234,567`.
  static func count(_ n: Int) -> String { NumberFormat.grouped(n) }

  /// A count or a rate in at most five characters: `950`, `12.3k`, `4.56M`, `1.2G`; one unit
  /// up just below it (999.7k is `1M`, not `1.00e+03k`).
  static func compactCount(_ x: Double) -> String {
    guard x.isFinite, x >= 0.5 else { return "0" }
    if x < 999.5 { return String(Int(x.rounded())) }
    let units: [(scale: Double, suffix: String)] = [
      (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"),
    ]
    for unit in units where x >= unit.scale * 0.9995 && x < unit.scale * 999.5 {
      return NumberFormat.short(x / unit.scale) + unit.suffix
    }
    return NumberFormat.scientific(x, digits: 1)
  }

  /// `text` cut to `width` characters at a word boundary, ending with `ellipsis` if cut.
  static func clip(_ text: String, _ width: Int, ellipsis: String) -> String {
    guard text.count > width else { return text }
    let room = width - ellipsis.count
    guard room > 0 else { return String(text.prefix(max(width, 0))) }
    var cut = String(text.prefix(room))
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > room / 2
    {
      cut = String(cut[..<space])
    }
    while let last = cut.last, ",;:".contains(last) { cut.removeLast() }
    return cut + ellipsis
  }

  /// `text` cut to `width` characters in its middle, at words, so that both its start and
  /// its end show: `Which gaussian gradient wins depends on the… cos(kx)`. Titles that share
  /// their start (two presets of one figure) stay apart. The end kept is what follows the
  /// last `: ` if that takes at most a third of the width, else the last words up to a third
  /// of it, so the start keeps most of the room.
  static func clipKeepingEnd(_ text: String, _ width: Int, ellipsis: String) -> String {
    guard text.count > width else { return text }
    var tail = ""
    if let colon = text.range(of: ": ", options: .backwards) {
      let after = String(text[colon.upperBound...])
      if after.count <= width / 3 { tail = after }
    }
    if tail.isEmpty {
      var kept: [Substring] = []
      for word in text.split(separator: " ").reversed() {
        guard ([word] + kept).joined(separator: " ").count <= width / 3 else { break }
        kept.insert(word, at: 0)
      }
      tail = kept.joined(separator: " ")
    }
    let room = width - tail.count - 1
    guard !tail.isEmpty, room >= 8 + ellipsis.count else {
      return clip(text, width, ellipsis: ellipsis)
    }
    var head = String(text.dropLast(tail.count))
    while head.last == " " { head.removeLast() }
    // Cut one character short, so the head always ends in the ellipsis.
    let cut = head.count > room ? clip(head, room, ellipsis: ellipsis) : head + ellipsis
    return cut + " " + tail
  }

  /// `text` padded with spaces (or cut) to exactly `width` characters.
  static func pad(_ text: String, _ width: Int, align: Alignment = .left) -> String {
    let length = text.count
    if length >= width { return String(text.prefix(width)) }
    let gap = String(repeating: " ", count: width - length)
    switch align {
    case .left: return text + gap
    case .right: return gap + text
    case .center:
      let left = (width - length) / 2
      return String(repeating: " ", count: left) + text
        + String(repeating: " ", count: width - length - left)
    }
  }
}
