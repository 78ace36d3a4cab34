/// The columns of the table's "exact loss by step": the step, then each lane's loss, every
/// column right-aligned to its widest cell. The widths depend on every trace point, so a
/// table written as its race runs learns them first, from a race of its own (see
/// `TrainingStreamer`), and the rows then come out as the whole table would print them.
public struct TrainingLossColumns: Sendable, Equatable {
  /// Column widths in characters: the step, then one per lane.
  public private(set) var widths: [Int]
  let names: [String]
  let decimals: Int

  /// The columns before any point: as wide as their headers.
  public init(setup: RaceSetup) {
    names = setup.scenario.estimators.map { $0.descriptor.shortName }
    widths = ["step".count] + names.map(\.count)
    decimals = LossFormat.decimals(
      scale: LossFormat.scale(startLoss: setup.startLoss, optimum: setup.optimum))
  }

  /// How a loss reads throughout the table: a fixed number of decimals for the race's scale.
  static func lossFormat(_ setup: RaceSetup) -> (Double) -> String {
    let decimals = LossFormat.decimals(
      scale: LossFormat.scale(startLoss: setup.startLoss, optimum: setup.optimum))
    return { LossFormat.fixed($0, decimals: decimals) }
  }

  /// Widens the step column and lane `k`'s column to hold `point`.
  public mutating func include(lane k: Int, _ point: TracePoint) {
    widths[0] = max(widths[0], String(point.step).count)
    widths[k + 1] = max(widths[k + 1], LossFormat.fixed(point.loss, decimals: decimals).count)
  }

  /// The widths of both, column by column (columns learnt lane by lane, then combined).
  public mutating func merge(_ other: TrainingLossColumns) {
    widths = zip(widths, other.widths).map(max)
  }

  public func header() -> String { line(["step"] + names) }

  /// The row of `step`: each lane's loss there, or blank where its trace has no point.
  public func row(step: Int, losses: [Double?]) -> String {
    line(
      [String(step)] + losses.map { $0.map { LossFormat.fixed($0, decimals: decimals) } ?? "" })
  }

  /// `cells` right-aligned in the columns, two spaces apart (as `RunTable.align` lays out a
  /// table whose columns are all right-aligned).
  private func line(_ cells: [String]) -> String {
    zip(cells, widths).map { cell, width in
      String(repeating: " ", count: max(width - cell.count, 0)) + cell
    }.joined(separator: "  ")
  }
}
