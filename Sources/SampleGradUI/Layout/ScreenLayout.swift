import SampleGradCore
import SampleGradEngine

/// Where each panel goes for a screen size and scenario shape. At 80x24 panels stack in
/// one column (a tall screen adds the variance table and the objective below); from 120x36 the screen splits into two columns (parameters, samples and a
/// per-component variance table beside the relaxed vectors or the density), bars and
/// sparklines grow, and each estimator gets a second line for a long variance history.
struct ScreenLayout: Sendable {
  var header: Rect
  var parameters: Rect
  var samples: Rect
  /// Relaxed vectors (discrete scenarios).
  var relaxed: Rect?
  /// The objective and exact gradient (gaussian; discrete ones when there is room).
  var objective: Rect?
  /// Variance of every estimator for every parameter (wide screens).
  var varianceTable: Rect?
  var estimators: Rect
  /// Rows per estimator: 1, or 2 or 3 with a long variance history below the numbers.
  var estimatorLines: Int
  var status: Rect
  var footer: Rect
  var isWide: Bool

  /// Whether the screen is big enough for the full layout.
  static func fits(width: Int, height: Int) -> Bool {
    width >= Explorer.minimumWidth && height >= Explorer.minimumHeight
  }

  /// - Parameters:
  ///   - outcomes: rows of the discrete panels (K, or 2 for a Bernoulli); 0 for a gaussian.
  ///   - estimatorRows: rows of the estimators panel.
  init(width: Int, height: Int, isDiscrete: Bool, outcomes: Int, estimatorRows: Int) {
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    let (headerRect, afterHeader) = screen.splitTop(2)
    let (aboveFooter, footerRect) = afterHeader.splitBottom(1)
    let (body, statusRect) = aboveFooter.splitBottom(1)
    header = headerRect
    footer = footerRect
    status = statusRect
    isWide = width >= 120 && height >= 36
    let rows = max(estimatorRows, 1)
    let spare = { (lines: Int) in body.height - (2 + lines * rows) }
    estimatorLines = !isWide ? 1 : spare(3) >= 22 ? 3 : spare(2) >= 16 ? 2 : 1
    let (top, estimatorRect) = body.splitBottom(2 + rows * estimatorLines)
    estimators = estimatorRect
    (parameters, samples) = (top, top)
    let tableHeight = 2 + rows

    if !isDiscrete {
      let (left, right) = top.splitLeft(isWide ? width * 2 / 5 : 34, gap: 1)
      var rest: Rect
      (parameters, rest) = left.splitTop(3)
      if isWide, rest.height >= tableHeight + 8 {
        (rest, varianceTable) = rest.splitBottom(tableHeight)
        rest = rest.splitBottom(1).rest
      }
      objective = rest
      samples = right
      return
    }
    guard isWide else {
      let band = min(1 + outcomes, max(3, top.height - 5))
      var (bandRect, rest) = top.splitTop(band)
      (parameters, samples) = Self.splitBand(bandRect)
      // A tall screen: the relaxed panel takes what it can show, spare rows go to the
      // variance table and the objective.
      let relaxedRect: Rect
      (relaxedRect, rest) = rest.splitTop(4 + EngineState.relaxedRowLimit)
      relaxed = relaxedRect
      if rest.height >= tableHeight + 1 {
        var table: Rect
        (table, rest) = rest.splitTop(1).rest.splitTop(tableHeight)
        varianceTable = table
      }
      if rest.height >= 6 { objective = rest.splitTop(1).rest }
      return
    }
    let (left, right) = top.splitLeft(width * 3 / 5, gap: 1)
    relaxed = right
    // The band shows every outcome if it can; it gives rows to the variance table only
    // while it keeps at least 4 (a title and 3 outcomes).
    var band = min(1 + outcomes, left.height)
    if left.height - band < tableHeight + 1 {
      let squeezed = left.height - tableHeight - 1
      band = squeezed >= 4 ? squeezed : left.height
    }
    var (bandRect, rest) = left.splitTop(band)
    (parameters, samples) = Self.splitBand(bandRect)
    if rest.height >= tableHeight + 1 {
      var table: Rect
      (table, rest) = rest.splitTop(1).rest.splitTop(tableHeight)
      varianceTable = table
    }
    if rest.height >= 6 { objective = rest.splitTop(1).rest }
  }

  /// Parameters on the left, samples on the right, one row per outcome in both.
  private static func splitBand(_ band: Rect) -> (Rect, Rect) {
    let split = band.splitLeft(band.width / 2, gap: 1)
    return (split.left, split.rest)
  }
}
