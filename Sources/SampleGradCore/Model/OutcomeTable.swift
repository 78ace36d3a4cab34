/// `f` at hard outcomes, read from a table of one number per outcome of a variable, so the hot
/// loops never switch on the objective: for one variable, `f` itself at each outcome
/// (`Objective.outcomeValues`); for a many-variable objective, each outcome's term
/// (`(v - t)^2` or `v`), summed over the variables and then combined (`Objective.combine`).
///
/// It owns its memory, like the samplers that hold it (one per estimator and problem).
///
/// A model's `f` (`ObjectiveSpec.model`) has no table: it is evaluated at the outcomes
/// themselves, and re-pointed at each new image or step by `rebind(to:)`.
struct OutcomeTable {
  private(set) var objective: Objective
  /// The model's `f`, when the objective is one.
  private(set) var model: (any ModelFunction)?
  /// Whether `model` is set: tested first, so the other objectives never copy the optional
  /// existential (a copy and a destroy per estimate).
  private(set) var isModel: Bool
  /// D.
  let variables: Int
  /// Whether `f` is a sum of terms over many variables (else one variable's table).
  let isSum: Bool
  private let storage: ScratchBuffers
  /// One entry per outcome of a variable.
  let entries: UnsafeMutablePointer<Double>

  init(objective: Objective) {
    self.objective = objective
    variables = objective.layout.variables
    isSum = objective.kind.isSumOfTerms
    model = Self.modelFunction(objective)
    isModel = model != nil
    let table = isSum ? objective.values.map(objective.term) : objective.outcomeValues
    storage = ScratchBuffers(count: max(table.count, 1), slots: 1)
    entries = storage.slot(0)
    entries.update(from: table, count: table.count)
  }

  private static func modelFunction(_ objective: Objective) -> (any ModelFunction)? {
    guard case .model(let m) = objective.spec else { return nil }
    return m.function
  }

  /// Re-points the table at an objective of the same kind and shape (a model's next image).
  mutating func rebind(to objective: Objective) {
    guard objective.kind == .model else { return }
    self.objective = objective
    model = Self.modelFunction(objective)
    isModel = model != nil
  }

  /// The running sum of the terms at outcomes `b` (0 for a one-variable objective).
  @inline(__always)
  func sum(outcomes b: UnsafePointer<Int>) -> Double {
    guard isSum else { return 0 }
    var s = 0.0
    for d in 0..<variables { s += entries[b[d]] }
    return s
  }

  /// `f` at the outcomes `b` of every variable.
  @inline(__always)
  func value(outcomes b: UnsafePointer<Int>) -> Double {
    if isModel, let model { return model.value(bits: b) }
    return isSum ? objective.combine(sum(outcomes: b)) : entries[b[0]]
  }

  /// `f` after one variable moves from outcome `old` to `new`, given the sum at `old`.
  @inline(__always)
  func value(replacing old: Int, with new: Int, inSum sum: Double) -> Double {
    isSum ? objective.combine(sum - entries[old] + entries[new]) : entries[new]
  }
}
