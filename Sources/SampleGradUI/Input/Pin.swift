import SampleGradCore
import SampleGradEngine

/// The numbers `m` pinned: every row's statistics on every component and the setting they were
/// taken at, so that after a change each row shows the pinned value beside the live one and
/// the class need not remember a number from before.
package struct Pin: Sendable, Equatable {
  /// The scenario the pin belongs to (a new preset drops it).
  package var scenarioName: String
  /// The parameters and temperature when `m` was pressed.
  package var setting: DistributionSpec
  package var rows: [EstimatorKind: [EstimateSummary]]
  /// Every pinned row's error over all components (what the rows show on D variables).
  package var totals: [EstimatorKind: TotalSummary]

  /// Pins the enabled rows of `snapshot` that have numbers.
  package init(_ snapshot: Snapshot) {
    scenarioName = snapshot.scenario.name
    setting = snapshot.distribution
    var rows: [EstimatorKind: [EstimateSummary]] = [:]
    var totals: [EstimatorKind: TotalSummary] = [:]
    for row in snapshot.estimators where row.isEnabled && row.samples >= 2 {
      rows[row.kind] = row.exact.indices.compactMap { row.summary($0) }
      totals[row.kind] = row.total
    }
    self.rows = rows
    self.totals = totals
  }

  /// The pinned numbers of a row's component, if it was pinned and still has that component.
  func summary(_ kind: EstimatorKind, component: Int, in snapshot: Snapshot) -> EstimateSummary? {
    guard snapshot.scenario.name == scenarioName,
      setting.parameterCount == snapshot.distribution.parameterCount,
      let row = rows[kind], row.indices.contains(component)
    else { return nil }
    return row[component]
  }

  /// The pinned total of a row, if it was pinned in a scenario of the same shape.
  func total(_ kind: EstimatorKind, in snapshot: Snapshot) -> TotalSummary? {
    guard snapshot.scenario.name == scenarioName,
      setting.parameterCount == snapshot.distribution.parameterCount
    else { return nil }
    return totals[kind]
  }

  /// What differs between the pinned setting and `current`, in a few words (`τ 0.5`,
  /// `logit 4 -6.50`), or `same setting`.
  func describe(against current: DistributionSpec, glyphs: Glyphs) -> String {
    let parts = SettingChange.parts(from: current, to: setting, glyphs: glyphs)
    if parts.isEmpty { return "same setting" }
    if parts.count > 2 { return parts.prefix(2).joined(separator: ", ") + ", ..." }
    return parts.joined(separator: ", ")
  }
}
