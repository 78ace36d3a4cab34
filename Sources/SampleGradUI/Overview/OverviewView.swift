import SampleGradCore

/// The overview (`o`): every method in the classic summary table, each cell measured on the
/// scenario on screen. Its own state is the method whose full evidence is shown below the
/// table on a narrow screen (and highlighted on a wide one); its keys, help and export are
/// in the files beside this one.
package struct OverviewView: ViewController, Equatable {
  /// The selected method; nil selects the first estimator (after the exact reference row).
  package var selected: EstimatorKind?

  package init(selected: EstimatorKind? = nil) {
    self.selected = selected
  }

  /// The selected row of `overview`, among the rows that can be selected.
  func row(in overview: Overview) -> Int? {
    let rows = Self.selectable(overview)
    guard let first = rows.first(where: { overview.rows[$0].kind != .exact }) ?? rows.first
    else { return nil }
    guard let selected, let index = rows.first(where: { overview.rows[$0].kind == selected })
    else { return first }
    return index
  }

  /// The rows the arrows move through: every method measured (here or on a built-in scenario).
  static func selectable(_ overview: Overview) -> [Int] {
    overview.rows.indices.filter { overview.rows[$0].isMeasured }
  }

  /// The view with the selection moved `offset` selectable rows (clamped at the ends).
  func moved(by offset: Int, in overview: Overview) -> OverviewView {
    let rows = Self.selectable(overview)
    guard let current = row(in: overview), let position = rows.firstIndex(of: current) else {
      return self
    }
    let next = rows[min(max(position + offset, 0), rows.count - 1)]
    return OverviewView(selected: overview.rows[next].kind)
  }
}
