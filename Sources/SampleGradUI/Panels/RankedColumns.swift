/// The columns of the rows on D variables: the total error first (its MSE, the total noise
/// against |g| and the mean cosine with a bar, so "which estimate points the right way" shows
/// without reading a number), then with `d` the selected component's own numbers after a
/// rule. Like `EstimatorColumns`, each column has a fixed width and a priority, and the most
/// important that fit are kept in screen order.
struct RankedColumns: Sendable {
  enum Field: Sendable, CaseIterable {
    case key, glyph, name
    case meanSquaredError, relative, relativePin, cosine, cosinePin
    case totalVariance, squaredBias, evaluations
    /// The rule before the selected component's columns.
    case rule
    case verdict, bias, variance, componentRelative
  }

  struct Column: Sendable {
    var field: Field
    var x: Int
    var width: Int
    func rect(row y: Int) -> Rect { Rect(x: x, y: y, width: width, height: 1) }
  }

  private(set) var columns: [Column] = []
  let isWide: Bool

  /// Characters of the cosine's number within `cosine` (the bar takes the rest).
  static let cosineNumberWidth = 5

  init(rect: Rect, pinned: Bool, component: Bool) {
    isWide = rect.width >= ScreenLayout.wideWidth
    let fields = Field.allCases.filter {
      (pinned || !Self.isPin($0)) && (component || !Self.isComponent($0)) && $0 != .rule
    }
    var available = rect.width - 1 - (component ? width(.rule) + 1 : 0)
    var chosen = Set<Field>()
    for field in fields.sorted(by: { priority($0) < priority($1) }) {
      let cost = width(field) + 1
      if cost <= available {
        chosen.insert(field)
        available -= cost
      }
    }
    if chosen.contains(where: Self.isComponent) { chosen.insert(.rule) }
    var x = rect.x + 1
    for field in Field.allCases where chosen.contains(field) {
      columns.append(Column(field: field, x: x, width: width(field)))
      x += width(field) + 1
    }
  }

  /// The column after the last one.
  var end: Int { columns.last.map { $0.x + $0.width } ?? 0 }

  static func isPin(_ field: Field) -> Bool { field == .relativePin || field == .cosinePin }

  static func isComponent(_ field: Field) -> Bool {
    field == .verdict || field == .bias || field == .variance || field == .componentRelative
  }

  func width(_ field: Field) -> Int {
    switch field {
    case .key, .glyph, .rule: 1
    case .name: isWide ? 25 : 14
    case .meanSquaredError, .totalVariance, .squaredBias, .bias: 9
    case .relative, .componentRelative: 7
    case .relativePin: 9
    case .cosine: isWide ? 16 : 14
    case .cosinePin: 7
    case .evaluations: 6
    case .verdict: isWide ? 21 : 14
    case .variance: 8
    }
  }

  /// Lower is kept first: the direction (cosine) and the noise before the MSE the rows are
  /// ranked by, the selected component's verdict and bias before the lesser totals.
  private func priority(_ field: Field) -> Double {
    switch field {
    case .key, .name: 0
    case .cosine: 1
    case .verdict: 1.5
    case .relative: 2
    case .bias: 2.2
    case .relativePin, .cosinePin: 2.5
    case .meanSquaredError: 3
    case .componentRelative: 3.5
    case .variance: 4
    case .glyph: 5
    case .totalVariance: 6
    case .squaredBias: 7
    case .evaluations: 8
    case .rule: 9
    }
  }

  /// A cosine in at most five characters: `0.98`, `-0.03`, `1.00`; `-` when unknown.
  static func cosine(_ x: Double?) -> String {
    guard let x, x.isFinite else { return ScreenFormat.missing }
    let hundredths = Int((x * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
  }
}
