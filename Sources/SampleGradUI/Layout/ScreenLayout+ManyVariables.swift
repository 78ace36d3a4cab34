/// The live screen on D variables: the marginals of every variable in one strip across the
/// top (in place of the parameters and the histogram, which would list D rows), the selected
/// variable's parameters and relaxed values in place of the relaxed vectors, then the chart,
/// the lesson and the objective as room allows. No per-component MSE table: on D variables
/// the rows themselves rank the totals.
extension ScreenLayout {
  /// The most rows the strip uses: six rows of bars, or a row per category (up to six), with
  /// its title and axis.
  static func stripHeight(_ selection: VariableSelection) -> Int {
    2 + (selection.isBits ? 6 : min(selection.logitsPerVariable, 6))
  }

  mutating func placeManyVariables(_ top: Rect, _ shape: Shape) {
    if isWide {
      placeManyWide(top, shape)
    } else {
      placeManyNarrow(top, shape)
    }
  }

  /// One column: the strip, the selected variable, then the middle pane `c` chose.
  private mutating func placeManyNarrow(_ top: Rect, _ shape: Shape) {
    // Ten rows of estimators at 80x24 leave seven: a strip of one row of bars and the
    // selected variable's logits, p and E[y] still fit.
    var plan = ColumnAllocator<Pane>()
    plan.request(.band, 3, priority: 0)
    plan.request(.samples, 4, priority: shape.priority(.samples, 1, first: 0.5))
    plan.request(.chart, 6, priority: shape.priority(.chart, 2, first: 0.5))
    if shape.lesson != nil {
      plan.request(.lesson, 3, priority: shape.priority(.lesson, 2.5, first: 0.5))
      plan.request(
        .lesson, shape.lessonHeight(width: top.width),
        priority: shape.priority(.lesson, 3.5, first: 0.7))
    }
    plan.request(.band, min(5, shape.strip), priority: 1.2)
    plan.request(.samples, 5, priority: 1.5)
    plan.request(.samples, 7, priority: 3)
    plan.request(.chart, 11, priority: 4)
    plan.request(.samples, 10, priority: 5)
    plan.request(.objective, 6, priority: 6)
    plan.request(.band, shape.strip, priority: 7)
    let filler: Pane = shape.middle == .lesson && shape.lesson != nil ? .lesson : .chart
    let rects = ColumnAllocator.stack(
      top, heights: plan.allocate(total: top.height, filler: filler),
      order: [.band, .samples, .chart, .lesson, .objective])
    marginals = rects[.band]
    samples = rects[.samples]
    chart = rects[.chart]
    lesson = rects[.lesson]
    objective = rects[.objective]
  }

  /// The strip across the whole width (128 bits fit on one page from 140 columns), then the
  /// chart on the left and the selected variable, the lesson and the objective on the right.
  private mutating func placeManyWide(_ top: Rect, _ shape: Shape) {
    let (strip, below) = top.splitTop(min(shape.strip, max(4, top.height - 8)))
    marginals = strip
    let (leftColumn, rightColumn) = below.splitLeft(below.width * 3 / 5, gap: 1)
    var left = ColumnAllocator<Pane>()
    left.request(.chart, 6, priority: 0)
    left.request(.objective, 6, priority: 1)
    var right = ColumnAllocator<Pane>()
    right.request(.samples, 6, priority: 0)
    right.request(.samples, 9, priority: shape.priority(.samples, 1, first: 0.6))
    if shape.lesson != nil {
      right.request(.lesson, 4, priority: shape.priority(.lesson, 2, first: -1))
      right.request(
        .lesson, shape.lessonHeight(width: rightColumn.width),
        priority: shape.priority(.lesson, 3, first: 0.7))
    }
    right.request(.samples, 12, priority: 4)
    let leftRects = ColumnAllocator.stack(
      leftColumn, heights: left.allocate(total: leftColumn.height, filler: .chart),
      order: [.chart, .objective])
    let rightRects = ColumnAllocator.stack(
      rightColumn,
      heights: right.allocate(
        total: rightColumn.height, filler: shape.lesson != nil ? .lesson : .samples),
      order: [.samples, .lesson])
    chart = leftRects[.chart]
    objective = leftRects[.objective]
    samples = rightRects[.samples]
    lesson = rightRects[.lesson]
  }
}
