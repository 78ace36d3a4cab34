/// How a family's points are read by an objective: `variables` D, `coordinates` per variable
/// (a categorical's K simplex coordinates, 1 for a bit or a real number), `outcomes` K per
/// variable, and each outcome's value when `mean-squared` or `squared-mean` gives none.
public struct ObjectiveLayout: Sendable, Equatable {
  public let variables: Int
  public let coordinates: Int
  public let outcomes: Int
  /// `0, 1, ..., K-1` for a categorical, `[0, 1]` for a bit, empty when continuous.
  public let outcomeValues: [Double]
  /// Whether a one-variable objective takes a vector (one value per category).
  public let isVector: Bool

  init(variables: Int, coordinates: Int, outcomes: Int, outcomeValues: [Double], isVector: Bool) {
    self.variables = variables
    self.coordinates = coordinates
    self.outcomes = outcomes
    self.outcomeValues = outcomeValues
    self.isVector = isVector
  }
}
