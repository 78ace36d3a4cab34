/// The categorical hot loops in blocks: rows of K values each, row-major, so the logs and
/// exps of a whole block go through `VectorMath` at once. A sample of D variables is D
/// consecutive rows; row `r` uses the logits of variable `r % D`.
///
/// Uniforms are drawn in the same order as the one-sample code (sample by sample, variable by
/// variable, category by category), so a block's relaxed samples equal the straightforward
/// ones to rounding.
enum CategoricalBlock {
  /// Rows per block for one variable: large enough to amortise the vector calls, small
  /// enough for L1.
  static let rows = 64

  /// Samples per block for `values` numbers per sample: 64 up to 64 values, fewer (at least
  /// one) for larger samples, so a block stays about 4,096 values.
  static func samples(valuesPerSample values: Int) -> Int {
    max(1, min(rows, 4096 / max(values, 1)))
  }

  /// `z = logits + Gumbel noise` for each row; `best[r]` is the argmax of row r, an exact
  /// sample of Categorical(softmax(logits)). Uniforms are drawn row by row.
  static func perturb(
    logits: UnsafePointer<Double>, k: Int, rows: Int, rng: inout Xoshiro256StarStar,
    into z: UnsafeMutablePointer<Double>, best: UnsafeMutablePointer<Int>
  ) {
    let n = rows * k
    for i in 0..<n { z[i] = rng.nextOpenUniform() }
    perturb(uniforms: z, logits: logits, k: k, rows: rows, best: best)
  }

  /// The same, from uniforms already in `z` (callers that interleave other noise per row).
  /// With `variables` D, row `r` adds the logits of variable `r % D`.
  static func perturb(
    uniforms z: UnsafeMutablePointer<Double>, logits: UnsafePointer<Double>, k: Int, rows: Int,
    variables: Int = 1, best: UnsafeMutablePointer<Int>
  ) {
    VectorMath.gumbel(z, count: rows * k)
    for r in 0..<rows {
      let row = z + r * k
      let theta = logits + (variables == 1 ? 0 : (r % variables) * k)
      var b = 0
      var top = -Double.infinity
      for j in 0..<k {
        let value = row[j] + theta[j]
        row[j] = value
        if value > top {
          top = value
          b = j
        }
      }
      best[r] = b
    }
  }

  /// `y = softmax(z / tau)` row by row: the row maximum is subtracted before the exp.
  static func relax(
    _ z: UnsafePointer<Double>, k: Int, rows: Int, temperature: Double,
    into y: UnsafeMutablePointer<Double>
  ) {
    let scale = 1 / temperature
    for r in 0..<rows {
      let zr = z + r * k
      let yr = y + r * k
      var m = -Double.infinity
      for j in 0..<k { m = max(m, zr[j] * scale) }
      for j in 0..<k { yr[j] = zr[j] * scale - m }
    }
    VectorMath.exp(y, count: rows * k)
    for r in 0..<rows {
      let yr = y + r * k
      var sum = 0.0
      for j in 0..<k { sum += yr[j] }
      let inverse = 1 / sum
      for j in 0..<k { yr[j] *= inverse }
    }
  }
}

/// REBAR's conditional sample for a block, in a form with one log per value.
///
/// With `E_i = -log v_i`, `ratio_i = exp(max(theta) - theta_i)` and
/// `pMax = exp(max(theta) - LSE(theta))`: `A_i = E_i ratio_i + pMax E_b`,
/// `ztilde_i = max(theta) - log A_i` (i != b), `ztilde_b = LSE - log E_b`,
/// `r_i = E_i ratio_i / A_i`, `q_i = pMax E_b / A_i`. This equals `ConditionalGumbel.sample`
/// (it multiplies its log-sum-exp through by `exp(max(theta))`) and is exact while the logits
/// span less than 700, so no ratio overflows; wider spreads use the one-sample code.
/// Each variable has its own ratios, maximum, log-sum-exp and pMax (`D` of each; row `r` is
/// variable `r % D`).
struct ConditionalBlock {
  let ratios: UnsafePointer<Double>
  let maxLogit: UnsafePointer<Double>
  let logSumExp: UnsafePointer<Double>
  let pMax: UnsafePointer<Double>
  let variables: Int

  static let maximumSpread = 700.0

  /// Draws `ztilde` for each row given `best[row]`, from the fresh uniforms in `e` (which it
  /// overwrites with `-log e`).
  func sample(
    k: Int, rows: Int, best: UnsafePointer<Int>, uniforms e: UnsafeMutablePointer<Double>,
    into zTilde: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>,
    q: UnsafeMutablePointer<Double>
  ) {
    let n = rows * k
    VectorMath.negativeLog(e, count: n)
    for row in 0..<rows {
      let offset = row * k
      let v = variables == 1 ? 0 : row % variables
      let ratio = ratios + v * k
      let b = best[row]
      let eb = e[offset + b]
      let shared = pMax[v] * eb
      for i in 0..<k {
        let own = e[offset + i] * ratio[i]
        let a = i == b ? eb : own + shared
        zTilde[offset + i] = a
        r[offset + i] = i == b ? 0 : own / a
        q[offset + i] = i == b ? 1 : shared / a
      }
    }
    VectorMath.log(zTilde, count: n)
    for row in 0..<rows {
      let offset = row * k
      let v = variables == 1 ? 0 : row % variables
      let b = best[row]
      for i in 0..<k { zTilde[offset + i] = maxLogit[v] - zTilde[offset + i] }
      zTilde[offset + b] += logSumExp[v] - maxLogit[v]
    }
  }
}
