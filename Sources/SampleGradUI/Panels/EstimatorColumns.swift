import SampleGradCore

/// Column positions of the estimators table for a width: fixed columns for names and
/// numbers, the rest shared by the log-scale variance bar and the sparkline. At 80 columns
/// the exact value moves to the panel title (it is the same for every row).
struct EstimatorColumns: Sendable {
  struct Column: Sendable {
    var x: Int
    var width: Int
    func rect(row y: Int) -> Rect { Rect(x: x, y: y, width: width, height: 1) }
  }

  var key: Column
  var name: Column
  var tag: Column
  var mean: Column
  var spread: Column
  var exact: Column?
  var bias: Column
  var variance: Column
  var bar: Column
  /// The sparkline: on the same row, or (taller layouts) across the rows below.
  var history: Column
  var isWide: Bool

  init(rect: Rect, twoLines: Bool) {
    isWide = rect.width >= 120
    var x = rect.x + 1
    func next(_ width: Int, gap: Int = 1) -> Column {
      defer { x += width + gap }
      return Column(x: x, width: width)
    }
    key = next(1)
    name = next(isWide ? 25 : 14)
    tag = next(8)
    mean = next(isWide ? 9 : 8, gap: 0)
    spread = next(isWide ? 11 : 9)
    exact = isWide ? next(9) : nil
    bias = next(isWide ? 9 : 8)
    variance = next(isWide ? 9 : 8)
    let rest = rect.maxX - 1 - x
    if twoLines {
      bar = Column(x: x, width: max(rest, 0))
      history = Column(x: tag.x, width: max(rect.maxX - 1 - tag.x, 0))
    } else {
      let barWidth = min(max(rest * 2 / 5, 8), 24)
      bar = next(barWidth)
      history = Column(x: x, width: max(rect.maxX - 1 - x, 0))
    }
  }

  /// The row label of an estimator: short at 80 columns, full when wide.
  func displayName(_ kind: EstimatorKind) -> String { Self.displayName(kind, wide: isWide) }

  /// Short names fit 14 columns; wide ones 25.
  static func displayName(_ kind: EstimatorKind, wide isWide: Bool) -> String {
    isWide ? kind.descriptor.longName : kind.descriptor.shortName
  }
}
