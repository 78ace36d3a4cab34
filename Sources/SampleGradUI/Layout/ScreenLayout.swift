import SampleGradCore
import SampleGradEngine

/// Where each panel goes for a screen size and scenario shape.
///
/// From 120 columns, at any height from 24 rows, the screen has two columns above the
/// estimator rows: the parameters with the histogram, the variance chart and the MSE table on
/// the left; the relaxed vectors (or the gaussian's density), the lesson and the objective on
/// the right. Below 120 columns the panes stack in one column. Either way each pane asks for
/// rows by priority (`ColumnAllocator`): what does not fit is dropped, least important first,
/// and `middle` (cycled by `c`) decides which of the samples, the chart and the lesson comes
/// first when not all of them fit. The estimator rows always show, switched-off rows folded
/// into one line when space is short. D variables have their own arrangement
/// (`ScreenLayout+ManyVariables`): the marginals across the top, the selected variable in
/// place of the relaxed vectors.
struct ScreenLayout: Sendable {
  enum Pane: Hashable { case band, samples, chart, lesson, table, objective }

  var header: Rect
  var status: Rect
  var footer: Rect
  var estimators: Rect
  /// The parameters (beside the histogram, or above the objective for a gaussian).
  var parameters: Rect
  /// The histogram of discrete samples, right of the parameters.
  var histogram: Rect?
  /// D variables: every variable's marginals in one strip (in place of the parameters and
  /// the histogram).
  var marginals: Rect?
  /// Relaxed vectors (discrete) or the density (gaussian).
  var samples: Rect?
  var objective: Rect?
  var chart: Rect?
  var lesson: Rect?
  var table: Rect?
  /// Switched-off estimator rows share one line.
  var collapsesOffRows: Bool
  var isWide: Bool
  /// The lesson is on but has no pane: its hint goes in the status line.
  var lessonInStatus: Bool
  /// Some of samples, chart and lesson are not on screen (so `c` has something to show).
  var needsMiddle: Bool

  static let wideWidth = 120

  /// Whether the screen is big enough for the full layout.
  static func fits(width: Int, height: Int) -> Bool {
    width >= Explorer.minimumWidth && height >= Explorer.minimumHeight
  }

  /// `lesson` is the text of the lesson pane (the scenario's lesson, or a tour step's caption).
  init(
    width: Int, height: Int, snapshot: Snapshot, lesson lessonText: String?, lessonShown: Bool,
    middle: MiddleView
  ) {
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    let (headerRect, afterHeader) = screen.splitTop(2)
    let (aboveFooter, footerRect) = afterHeader.splitBottom(1)
    let (body, statusRect) = aboveFooter.splitBottom(1)
    header = headerRect
    footer = footerRect
    status = statusRect
    isWide = width >= Self.wideWidth

    let rows = snapshot.estimators
    let off = rows.filter { !$0.isEnabled }.count
    let fullLines = max(rows.count, 1)
    let foldedLines = max(rows.count - off + (off > 0 ? 1 : 0), 1)
    let many = VariableSelection(snapshot.distribution).isMany
    // D variables want their rows of totals and the marginals above them, so switched-off
    // rows fold sooner on a wide screen; one variable's wide layout needs 12 rows above them
    // for the parameters and the variance chart side by side with the samples.
    collapsesOffRows = body.height - (2 + fullLines) < (isWide ? (many ? 14 : 12) : 11)
    let estimatorHeight = 2 + (collapsesOffRows ? foldedLines : fullLines)
    let (top, estimatorRect) = body.splitBottom(estimatorHeight)
    estimators = estimatorRect

    let lessonText = lessonText ?? ""
    let wantsLesson = lessonShown && !lessonText.isEmpty
    let outcomes = snapshot.histogram.edges.isEmpty ? snapshot.probabilities.count : 0
    // A continuous distribution has a density instead of a histogram and relaxed vectors.
    let gaussian = !snapshot.scenario.distribution.isDiscrete
    var shape = Shape(
      outcomes: outcomes, rows: rows.count - off, gaussian: gaussian,
      lesson: wantsLesson ? lessonText : nil,
      middle: middle)
    if many { shape.strip = Self.stripHeight(VariableSelection(snapshot.distribution)) }

    parameters = Rect(x: 0, y: top.y, width: 0, height: 0)
    lessonInStatus = false
    needsMiddle = false
    if many {
      placeManyVariables(top, shape)
    } else if isWide {
      placeWide(top, shape)
    } else {
      placeNarrow(top, shape)
    }
    lessonInStatus = wantsLesson && lesson == nil
    let shown: [Bool] = [samples != nil, chart != nil, !wantsLesson || lesson != nil]
    needsMiddle = shown.contains(false)
  }

  /// What the layout needs to know of the scenario.
  struct Shape {
    var outcomes: Int
    /// Enabled estimator rows (the MSE table lists only those).
    var rows: Int
    var gaussian: Bool
    var lesson: String?
    var middle: MiddleView
    /// D variables: the rows the marginals strip can use (its title and axis included).
    var strip = 0

    /// `base`, or `first` for the view `c` chose, so its requests are served early.
    func priority(_ view: MiddleView, _ base: Double, first: Double) -> Double {
      view == middle ? first : base
    }

    /// Rows the lesson needs at `width` (a title and the wrapped text).
    func lessonHeight(width: Int) -> Int {
      guard let lesson else { return 0 }
      return 1 + WordWrap.lines(lesson, width: max(width - 2, 1)).count
    }
  }

  private mutating func placeNarrow(_ top: Rect, _ shape: Shape) {
    var plan = ColumnAllocator<Pane>()
    let bandFull = shape.gaussian ? 4 : 1 + min(shape.outcomes, 12)
    plan.request(.band, shape.gaussian ? 3 : 1 + min(shape.outcomes, 3), priority: 0)
    plan.request(
      .samples, shape.gaussian ? 7 : 6, priority: shape.priority(.samples, 5, first: 1))
    plan.request(
      .samples, shape.gaussian ? 10 : 8, priority: shape.priority(.samples, 5.5, first: 1.5))
    plan.request(.chart, 8, priority: shape.priority(.chart, 6, first: 1))
    if shape.lesson != nil {
      plan.request(.lesson, 4, priority: shape.priority(.lesson, 6.5, first: 1))
      plan.request(
        .lesson, shape.lessonHeight(width: top.width),
        priority: shape.priority(.lesson, 7, first: 1.5))
    }
    plan.request(.band, bandFull, priority: 1.2)
    plan.request(.samples, shape.gaussian ? 16 : 18, priority: 8)
    if shape.gaussian { plan.request(.band, 7, priority: 8.5) }
    plan.request(.table, 2 + shape.rows, priority: 9)
    if !shape.gaussian { plan.request(.objective, 7, priority: 10) }
    let filler: Pane = shape.middle == .lesson && shape.lesson != nil ? .lesson : .chart
    let rects = ColumnAllocator.stack(
      top, heights: plan.allocate(total: top.height, filler: filler),
      order: [.band, .samples, .chart, .lesson, .table, .objective])
    if let band = rects[.band] {
      let split = band.splitLeft(shape.gaussian ? 34 : band.width / 2, gap: 1)
      parameters = split.left
      if shape.gaussian { objective = split.rest } else { histogram = split.rest }
    }
    samples = rects[.samples]
    chart = rects[.chart]
    lesson = rects[.lesson]
    table = rects[.table]
    if !shape.gaussian { objective = rects[.objective] }
  }

  private mutating func placeWide(_ top: Rect, _ shape: Shape) {
    let (leftColumn, rightColumn) = top.splitLeft(
      top.width * (shape.gaussian ? 1 : 3) / (shape.gaussian ? 2 : 5), gap: 1)
    var left = ColumnAllocator<Pane>()
    var right = ColumnAllocator<Pane>()
    if shape.gaussian {
      left.request(.band, 3, priority: 0)
      left.request(.chart, 8, priority: 1)
      left.request(.objective, 4, priority: 2)
      left.request(.chart, 11, priority: 2.5)
      left.request(.objective, 7, priority: 3)
      left.request(.table, 2 + shape.rows, priority: 4)
      right.request(.samples, 8, priority: shape.priority(.samples, 0, first: 0))
      right.request(.samples, 14, priority: shape.priority(.samples, 1, first: 0.6))
    } else {
      left.request(.band, 1 + min(shape.outcomes, 3), priority: 0)
      left.request(.chart, 8, priority: 1)
      left.request(.band, 1 + min(shape.outcomes, 12), priority: 1.5)
      left.request(.chart, 11, priority: 2)
      left.request(.table, 2 + shape.rows, priority: 3)
      right.request(.samples, 6, priority: 0)
      right.request(.samples, 9, priority: shape.priority(.samples, 1, first: 0.6))
    }
    if shape.lesson != nil {
      right.request(.lesson, 4, priority: shape.priority(.lesson, 2, first: 0.5))
      right.request(
        .lesson, shape.lessonHeight(width: rightColumn.width),
        priority: shape.priority(.lesson, 3, first: 0.7))
    }
    right.request(.samples, shape.gaussian ? 20 : 19, priority: 4)
    if !shape.gaussian { right.request(.objective, 7, priority: 5) }
    let leftRects = ColumnAllocator.stack(
      leftColumn, heights: left.allocate(total: leftColumn.height, filler: .chart),
      order: [.band, .chart, .objective, .table])
    let rightRects = ColumnAllocator.stack(
      rightColumn,
      heights: right.allocate(
        total: rightColumn.height, filler: shape.lesson != nil ? .lesson : .samples),
      order: [.samples, .lesson, .objective])
    if let band = leftRects[.band] {
      if shape.gaussian {
        parameters = band
      } else {
        let split = band.splitLeft(band.width / 2, gap: 1)
        parameters = split.left
        histogram = split.rest
      }
    }
    chart = leftRects[.chart]
    table = leftRects[.table]
    samples = rightRects[.samples]
    lesson = rightRects[.lesson]
    objective = shape.gaussian ? leftRects[.objective] : rightRects[.objective]
  }
}
