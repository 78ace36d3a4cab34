/// Heights for panes stacked in one column of the screen, handed out by priority: each pane
/// asks for a minimum (below which it is not worth drawing), then for more in steps, and the
/// most important requests are served first. A pane whose minimum does not fit is dropped;
/// a later step may be served in part; a filler pane takes whatever is left. This is how the
/// screen drops and grows panels with its size, instead of a table of sizes.
struct ColumnAllocator<Pane: Hashable> {
  struct Request {
    var pane: Pane
    /// The height the pane wants after this request.
    var height: Int
    /// Lower is served first.
    var priority: Double
  }

  private(set) var requests: [Request] = []

  /// Asks for `pane` to be at least `height` rows (the first request for a pane is its
  /// minimum).
  mutating func request(_ pane: Pane, _ height: Int, priority: Double) {
    requests.append(Request(pane: pane, height: height, priority: priority))
  }

  /// Heights for a column of `total` rows; panes left out have no entry.
  func allocate(total: Int, filler: Pane? = nil) -> [Pane: Int] {
    var heights: [Pane: Int] = [:]
    var dropped = Set<Pane>()
    var used = 0
    let ordered = requests.enumerated().sorted {
      $0.element.priority != $1.element.priority
        ? $0.element.priority < $1.element.priority : $0.offset < $1.offset
    }.map(\.element)
    for request in ordered where !dropped.contains(request.pane) {
      if let current = heights[request.pane] {
        let grow = min(max(request.height - current, 0), total - used)
        heights[request.pane] = current + grow
        used += grow
      } else if used + request.height <= total, request.height > 0 {
        heights[request.pane] = request.height
        used += request.height
      } else {
        dropped.insert(request.pane)
      }
    }
    if let filler, let current = heights[filler] { heights[filler] = current + (total - used) }
    return heights
  }

  /// The panes' rects, stacked top down in `order` inside `column`.
  static func stack(_ column: Rect, heights: [Pane: Int], order: [Pane]) -> [Pane: Rect] {
    var rest = column
    var rects: [Pane: Rect] = [:]
    for pane in order {
      guard let h = heights[pane] else { continue }
      let part: Rect
      (part, rest) = rest.splitTop(h)
      rects[pane] = part
    }
    return rects
  }
}
