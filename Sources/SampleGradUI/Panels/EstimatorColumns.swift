/// The columns of the estimator rows for a width: each column has a fixed width (numbers
/// never change width from frame to frame) and a priority, and the most important columns
/// that fit are kept, in screen order. With numbers pinned (`m`), the pinned value of the
/// bias, the variance and the relative noise sits right of the live one and the comparison
/// comes before the other columns.
struct EstimatorColumns: Sendable {
  enum Field: Sendable, CaseIterable {
    case key, glyph, name, verdict, meanAndSpread, exact, bias, biasPin, variance, variancePin
    case deviation, relative, relativePin, needed
    /// REBAR's control-variate scale (rebar-auto's moves as it learns); only when a row has one.
    case eta
  }

  struct Column: Sendable {
    var field: Field
    var x: Int
    var width: Int
    func rect(row y: Int) -> Rect { Rect(x: x, y: y, width: width, height: 1) }
  }

  private(set) var columns: [Column] = []
  let isWide: Bool
  let pinned: Bool

  /// Characters of the mean and of the ± 2 SE within `meanAndSpread`.
  static let meanWidth = 9
  static let spreadWidth = 10

  init(rect: Rect, pinned: Bool, showsEta: Bool = false) {
    isWide = rect.width >= ScreenLayout.wideWidth
    self.pinned = pinned
    let fields = Field.allCases.filter { (pinned || !Self.isPin($0)) && (showsEta || $0 != .eta) }
    let available = rect.width - 1
    var chosen = Set<Field>()
    var used = 0
    for field in fields.sorted(by: { priority($0) < priority($1) }) {
      let cost = width(field) + 1
      if used + cost <= available {
        chosen.insert(field)
        used += cost
      }
    }
    var x = rect.x + 1
    for field in fields where chosen.contains(field) {
      columns.append(Column(field: field, x: x, width: width(field)))
      x += width(field) + 1
    }
  }

  /// The column after the last one.
  var end: Int { columns.last.map { $0.x + $0.width } ?? 0 }

  static func isPin(_ field: Field) -> Bool {
    field == .biasPin || field == .variancePin || field == .relativePin
  }

  func width(_ field: Field) -> Int {
    switch field {
    case .key, .glyph: 1
    case .name: isWide ? 25 : 14
    case .verdict: isWide ? 21 : 14
    case .meanAndSpread: Self.meanWidth + Self.spreadWidth
    case .exact: 9
    case .bias: 9
    case .biasPin: 11
    case .variance, .deviation: 8
    case .variancePin: 10
    case .relative: 7
    case .relativePin: 9
    case .needed: 6
    case .eta: 7
    }
  }

  /// Lower is kept first. Pinned, the before-and-after comparison outranks the verdict. The
  /// samples a 10% error needs outrank the SD, which the variance beside it already gives:
  /// at 80 columns with REBAR's η on, `n 10%` stays and SD goes.
  private func priority(_ field: Field) -> Int {
    switch field {
    case .key, .name: 0
    case .verdict: pinned ? 4 : 1
    case .bias, .variance, .biasPin, .variancePin: pinned ? 1 : 2
    case .relative, .relativePin: pinned ? 2 : 3
    case .glyph, .eta: 5
    case .needed: 6
    case .deviation: 7
    case .meanAndSpread: 8
    case .exact: 9
    }
  }
}
