import Foundation

/// A fixed log scale for variances: `10^lowDecade` draws an empty bar and `10^highDecade` a
/// full one, each decade the same length, so 1e-4 and 1e2 both read on one row and bars of
/// different rows compare. Values beyond the range are clamped (the number beside says more).
struct LogScale: Sendable, Equatable {
  var lowDecade: Int
  var highDecade: Int

  /// The default scale for variances: 1e-4 to 1e4.
  static let variance = LogScale(lowDecade: -4, highDecade: 4)

  /// Where `value` falls, 0...1; zero, negative and non-finite values give 0.
  func fraction(_ value: Double) -> Double {
    guard value.isFinite, value > 0 else { return 0 }
    let span = Double(highDecade - lowDecade)
    return min(max((log10(value) - Double(lowDecade)) / span, 0), 1)
  }

  /// The label of a decade: `1e-4`, `1`, `1e4`.
  static func label(decade: Int) -> String {
    switch decade {
    case 0: "1"
    case 1: "10"
    default: "1e\(decade)"
    }
  }

  /// A row of tick labels for a bar `width` cells long: the two ends always (when they
  /// fit), then `1`, then the other decades at their positions where each leaves a space
  /// on both sides.
  func tickLabels(width: Int) -> String {
    guard width > 0 else { return "" }
    var row = [Character](repeating: " ", count: width)
    var used = [Bool](repeating: false, count: width)
    func place(_ decade: Int, at start: Int) {
      let text = Array(Self.label(decade: decade))
      let from = max(start - 1, 0)
      let to = min(start + text.count, width - 1)
      guard start >= 0, start + text.count <= width, !used[from...to].contains(true) else { return }
      for (j, c) in text.enumerated() {
        row[start + j] = c
        used[start + j] = true
      }
    }
    place(lowDecade, at: 0)
    place(highDecade, at: width - Self.label(decade: highDecade).count)
    let span = Double(highDecade - lowDecade)
    // 1 first, then every other decade, then the rest.
    func rank(_ decade: Int) -> Int { decade == 0 ? 0 : decade % 2 == 0 ? 1 : 2 }
    let inner = ((lowDecade + 1)..<highDecade).sorted { a, b in
      rank(a) != rank(b) ? rank(a) < rank(b) : a < b
    }
    for decade in inner {
      place(decade, at: Int((Double(decade - lowDecade) / span * Double(width)).rounded()))
    }
    return String(row)
  }
}

/// A variance drawn as a bar on a `LogScale`.
struct LogBar: Sendable {
  var value: Double
  var scale: LogScale = .variance

  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme, style: Style) {
    HorizontalBar(fraction: scale.fraction(value)).draw(
      into: &buffer, in: rect, theme: theme, style: style)
  }
}
