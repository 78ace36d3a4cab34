import CVectorMath

/// The categorical hot loops in blocks: rows of K values each, row-major, so the logs and
/// exps of a whole block go through glibc's vectorised libmvec at once (the C kernels of
/// `CNoiseBlocks.h`). A sample of D variables is D consecutive rows; row `r` uses the
/// logits of variable `r % D`.
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

  /// Doubles of scratch the kernels need for a block of `values` values in `rows` rows.
  static func scratchCount(values: Int, rows: Int) -> Int { 3 * values + 4 * rows }

  /// `z = logits + Gumbel noise` for each row from the uniforms in `u`, in columns (value j
  /// of row r at `j * rows + r`, as `BlockNoise` draws part 0; overwritten); `best[r]` is the
  /// argmax of row r, an exact sample of Categorical(softmax(logits)); and, when `y` is
  /// given, `y = softmax(z / tau)` row by row, the row maximum subtracted before the exp:
  /// row-major, or with `relaxedInColumns` in columns (no transpose, for callers that read
  /// few rows).
  static func perturb(
    uniforms u: UnsafeMutablePointer<Double>, logits: UnsafePointer<Double>, k: Int, rows: Int,
    variables: Int, temperature: Double, best: UnsafeMutablePointer<Int>,
    relaxed y: UnsafeMutablePointer<Double>?, relaxedInColumns: Bool,
    scratch: UnsafeMutablePointer<Double>
  ) {
    let layout =
      Int32(SG_UNIFORMS_IN_COLUMNS) | (relaxedInColumns ? Int32(SG_RELAXED_IN_COLUMNS) : 0)
    sg_gumbel_rows(u, logits, k, rows, variables, best, y, layout, 1 / temperature, scratch)
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

  /// Draws `ztilde` for each row given `best[row]` from the fresh uniforms in `v`
  /// (overwritten) and writes its relaxation `y = softmax(ztilde / tau)`; with `r` and `q`,
  /// the pieces of its derivative too.
  func sample(
    k: Int, rows: Int, best: UnsafePointer<Int>, uniforms v: UnsafeMutablePointer<Double>,
    temperature: Double, relaxed y: UnsafeMutablePointer<Double>,
    r: UnsafeMutablePointer<Double>?, q: UnsafeMutablePointer<Double>?,
    scratch: UnsafeMutablePointer<Double>
  ) {
    sg_conditional_rows(
      v, best, ratios, maxLogit, logSumExp, pMax, k, rows, variables, y, r, q, 1 / temperature,
      scratch)
  }
}
