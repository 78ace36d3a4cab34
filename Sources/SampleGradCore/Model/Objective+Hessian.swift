import Foundation

extension Objective {
  /// `out = (d^2 f / dx^2) v`, the Hessian of `f` at the point `x` times a direction `v`
  /// (both `count` coordinates): the second-order piece RELAX's surrogate needs to
  /// differentiate its own gradient with respect to its temperature.
  ///
  /// - linear: 0. quadratic: `2 v`. A scalar objective: `f''(x) v` (cosine
  ///   `-w^2 cos(w x)`; a step or a table, 0 where it is defined).
  /// - mean-squared, `f = (1/D) sum_d (v_d - t)^2` with `v_d = x_d . values`: the Hessian is
  ///   block-diagonal, `(2/D) values values^T` per variable, so
  ///   `out_dk = (2/D) values_k (values . v_d)`.
  /// - squared-mean, `f = (S/D - t)^2`, `S = sum_d v_d`: every pair of variables couples,
  ///   `out_dk = (2/D^2) values_k sum_d' (values . v_d')`.
  ///
  /// - a model: its own (`ModelFunction.hessianProduct`).
  ///
  /// Each product is formed from `v` directly, never as a difference of gradients, so
  /// nothing cancels.
  func hessianProduct(
    _ x: UnsafePointer<Double>, count: Int, direction v: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    switch form {
    case .linear, .table, .step:
      for k in 0..<count { out[k] = 0 }
    case .quadratic:
      for k in 0..<count { out[k] = 2 * v[k] }
    case .cosine(let w):
      out[0] = count == 1 ? -w * w * cos(w * x[0]) * v[0] : 0
      for k in 1..<max(count, 1) { out[k] = 0 }
    case .meanSquared:
      let scale = 2 / Double(layout.variables)
      for d in 0..<layout.variables {
        let along = variableValue(v, variable: d)
        writeRow(d, slope: scale * along, into: out)
      }
    case .model:
      modelFunction.hessianProduct(x, direction: v, into: out)
    case .squaredMean:
      let n = Double(layout.variables)
      var along = 0.0
      for d in 0..<layout.variables { along += variableValue(v, variable: d) }
      let slope = 2 * along / (n * n)
      for d in 0..<layout.variables { writeRow(d, slope: slope, into: out) }
    }
  }

  /// `out` along variable `d`'s coordinates: `slope` for a bit, `slope * values` for a row.
  @inline(__always)
  private func writeRow(_ d: Int, slope: Double, into out: UnsafeMutablePointer<Double>) {
    let c = layout.coordinates
    if c == 1 {
      out[d] = slope
    } else {
      for k in 0..<c { out[d * c + k] = slope * values[k] }
    }
  }
}
