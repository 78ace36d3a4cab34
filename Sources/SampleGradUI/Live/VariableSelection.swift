import SampleGradCore

/// Where a parameter sits among D independent variables: a bit's log-odds is its variable, a
/// categorical's logit (variable d, category k) is parameter `d * K + k`. The explorer keeps
/// one selected parameter; on D variables ←/→ move it a variable at a time (keeping its
/// category) and Tab moves it within its variable, so the selection reads as "which variable,
/// which of its logits" without a second index to keep in step.
struct VariableSelection: Sendable, Equatable {
  /// D (1 for a single variable and for a gaussian).
  let variables: Int
  /// Parameters per variable: a bit's 1, a categorical's K.
  let logitsPerVariable: Int
  /// Whether the variables are bits (the screen's words: "bit 3", not "variable 3").
  let isBits: Bool

  init(_ distribution: DistributionSpec) {
    variables = max(distribution.variables, 1)
    logitsPerVariable = max(distribution.parameterCount / variables, 1)
    isBits = distribution.kind == .bernoulli
  }

  /// More than one variable: the screen shows the marginals and the totals.
  var isMany: Bool { variables > 1 }

  var parameterCount: Int { variables * logitsPerVariable }

  /// The variable parameter `index` belongs to (0-based).
  func variable(of index: Int) -> Int {
    min(max(index, 0) / logitsPerVariable, variables - 1)
  }

  /// Parameter `index`'s place within its variable (0-based; always 0 for a bit).
  func logit(of index: Int) -> Int { max(index, 0) % logitsPerVariable }

  /// The parameter of `variable`'s logit `logit`, both clamped.
  func index(variable: Int, logit: Int) -> Int {
    let d = min(max(variable, 0), variables - 1)
    let k = min(max(logit, 0), logitsPerVariable - 1)
    return d * logitsPerVariable + k
  }

  /// The same logit of the variable `by` away, stopping at the first and the last.
  func moving(_ index: Int, by: Int) -> Int {
    self.index(variable: variable(of: index) + by, logit: logit(of: index))
  }

  /// The next logit of the same variable, back to its first after its last.
  func nextLogit(after index: Int) -> Int {
    self.index(variable: variable(of: index), logit: (logit(of: index) + 1) % logitsPerVariable)
  }

  /// The variable as the screen names it: `bit 37`, `variable 5` (1-based).
  func name(ofVariable d: Int) -> String {
    (isBits ? "bit " : "variable ") + String(d + 1)
  }
}
