/// Reads a check's references in a finished run and decides whether the claim holds.
public struct CheckOutcome: Sendable, Equatable {
  public let check: CheckExpression
  public let left: Double
  public let right: Double

  public var passed: Bool { left.isFinite && right.isFinite && check.comparison.holds(left, right) }

  /// `0.0689 < 0.0899`, the two sides as measured.
  public var measured: String {
    "\(NumberFormat.short(left)) \(check.comparison.rawValue) \(NumberFormat.short(right))"
  }
}

extension CheckExpression {
  /// The fields a reference to an estimator may name, as in `samplegrad run`'s JSON.
  public static let componentFields = [
    "mean", "variance", "standardError", "bias", "standardDeviation", "relativeNoise", "mse",
  ]
  /// `samples`, `evaluations`, and every diagnostic an estimator declares (`eta`).
  public static var scalarFields: [String] {
    var fields = ["samples", "evaluations"]
    for key in EstimatorRegistry.all.flatMap(\.diagnostics).map(\.key) where !fields.contains(key) {
      fields.append(key)
    }
    return fields
  }

  /// Why this check cannot be read in a run of `scenario` (an unknown estimator or field, a
  /// component out of range), or nil when every reference resolves.
  public func problem(in scenario: Scenario) -> String? {
    let dimension = scenario.distribution.parameterCount
    for reference in references {
      if let problem = reference.problem(estimators: scenario.estimators, dimension: dimension) {
        return "check '\(text)': \(problem)"
      }
    }
    return nil
  }

  /// Evaluates both sides in `run` (which must pass `problem(in:)`).
  public func evaluate(in run: RunResult) -> CheckOutcome {
    evaluate(read: { $0.value(in: run) }, standardError: { $0.standardError(in: run) })
  }

  /// Evaluates both sides with `read` giving each reference's number and `standardError`
  /// its standard error (for `N se`): a run of a toy above, a model's run or race elsewhere
  /// (`VAECheckContext`).
  public func evaluate(
    read: (CheckReference) -> Double, standardError: (CheckReference) -> Double
  ) -> CheckOutcome {
    let leftSE = right.usesStandardErrors ? left.estimatorReferences.first : nil
    let rightSE = left.usesStandardErrors ? right.estimatorReferences.first : nil
    return CheckOutcome(
      check: self,
      left: left.value(read: read, standardError: standardError, unit: rightSE),
      right: right.value(read: read, standardError: standardError, unit: leftSE))
  }
}

extension CheckReference {
  func problem(estimators: [EstimatorKind], dimension: Int) -> String? {
    switch name {
    case "histogram":
      guard ["pValue", "chiSquare", "degreesOfFreedom"].contains(field) else {
        return "unknown field 'histogram.\(field)' (known: pValue, chiSquare, degreesOfFreedom)"
      }
      return index == nil ? nil : "'histogram.\(field)' has no components"
    case "exact" where field == "loss":
      return index == nil ? nil : "'exact.loss' has no components"
    case "exact" where field == "gradient":
      return componentProblem(dimension)
    default:
      guard let kind = EstimatorKind(rawValue: name) else {
        return "unknown estimator '\(name)' (known: \(EstimatorKind.validNames), exact, histogram)"
      }
      guard estimators.contains(kind) else {
        return
          "'\(name)' is not among this step's estimators (\(estimators.map(\.rawValue).joined(separator: ", ")))"
      }
      if CheckExpression.scalarFields.contains(field) {
        return index == nil ? nil : "'\(name).\(field)' has no components"
      }
      guard CheckExpression.componentFields.contains(field) else {
        let known = (CheckExpression.componentFields + CheckExpression.scalarFields)
        return "unknown field '\(field)' (known: \(known.joined(separator: ", ")))"
      }
      return componentProblem(dimension)
    }
  }

  private func componentProblem(_ dimension: Int) -> String? {
    guard let index else { return "'\(self)' needs a component, as in \(self)[0]" }
    return (0..<dimension).contains(index)
      ? nil : "'\(self)': component \(index) is out of range (0 to \(dimension - 1))"
  }

  func value(in run: RunResult) -> Double {
    switch (name, field) {
    case ("histogram", "pValue"): return run.histogram.chiSquare.pValue ?? .nan
    case ("histogram", "chiSquare"): return run.histogram.chiSquare.statistic
    case ("histogram", _): return Double(run.histogram.chiSquare.degreesOfFreedom)
    case ("exact", "loss"): return run.problem.exact.loss
    case ("exact", "gradient"): return run.problem.exact.gradient[index ?? 0]
    default: break
    }
    guard let e = run.estimators.first(where: { $0.kind.rawValue == name }) else { return .nan }
    let i = index ?? 0
    switch field {
    case "samples": return Double(e.moments.count)
    case "evaluations": return Double(e.evaluations)
    default:
      if let value = e.diagnostic(field) { return value }
    }
    // The same numbers `run` prints, from the one place that defines them.
    let summary = e.summaries[i]
    switch field {
    case "mean": return summary.mean
    case "variance": return summary.variance
    case "standardError": return summary.standardError
    case "bias": return summary.bias
    case "standardDeviation": return summary.standardDeviation
    case "relativeNoise": return summary.relativeNoise ?? .nan
    case "mse": return summary.meanSquaredError
    default: return .nan
    }
  }

  /// The reference's own standard error (for `N se`).
  func standardError(in run: RunResult) -> Double {
    CheckReference(name: name, field: "standardError", index: index).value(in: run)
  }
}

extension CheckExpression.Term {
  func value(
    read: (CheckReference) -> Double, standardError: (CheckReference) -> Double,
    unit: CheckReference?
  ) -> Double {
    switch self {
    case .number(let x): return x
    case .standardErrors(let n): return n * (unit.map(standardError) ?? .nan)
    case .reference(let r): return read(r)
    case .negate(let t): return -t.value(read: read, standardError: standardError, unit: unit)
    case .abs(let t):
      return Swift.abs(t.value(read: read, standardError: standardError, unit: unit))
    case .chain(let first, let rest):
      var x = first.value(read: read, standardError: standardError, unit: unit)
      for operation in rest {
        let y = operation.operand.value(read: read, standardError: standardError, unit: unit)
        switch operation.symbol {
        case "+": x += y
        case "-": x -= y
        case "*": x *= y
        default: x /= y
        }
      }
      return x
    }
  }
}
