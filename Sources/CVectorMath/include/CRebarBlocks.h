#ifndef CREBARBLOCKS_H
#define CREBARBLOCKS_H

/// What REBAR's finish needs beside a block's samples: the objective, the relaxation and the
/// control-variate rule, and where the estimates go (row-major, rows x k).
typedef struct {
  /// 1 for f = sum (x - t)^2 (f' = 2 (x - t)), 0 for f = sum w x (f' = w); `coefficients`
  /// holds t or w.
  int quadratic;
  const double *coefficients;
  double temperature;
  /// softmax(logits), and f at each outcome (k values each).
  const double *p;
  const double *hardValues;
  /// 0: fixed `eta`, the estimates into `out`; 1 (rebar-auto): A into `out`, C into `c`,
  /// for the caller to take A - eta C with each sample's own eta.
  int adaptive;
  double eta;
  double *out;
  double *c;
} sg_rebar_finish;

/// Whether sg_rebar_rows takes a block of `rows` rows of k values on this CPU (AVX-512, at
/// least 8 rows, k >= 2).
int sg_rebar_fits(long k, long rows);

/// REBAR's conditional sample and estimates for one categorical variable, a block at a time,
/// where sg_rebar_fits. From fresh uniforms `v` (overwritten), the outcomes `best` and the
/// relaxed samples `y` in columns (value j of row r at j * rows + r: sg_gumbel_rows with
/// SG_RELAXED_IN_COLUMNS), it draws z~ as sg_conditional_rows does (`ratios`, `maxLogit`,
/// `logSumExp`, `pMax` as there, for the one variable) and, per row with b = best[row]:
///   d = f'(y), relaxed_j = (1/tau) y_j (d_j - y . d),
///   s_j = (1/tau) y~_j (d~_j - y~ . d~) with y~ = softmax(z~ * scale), d~ = f'(y~),
///   conditional_j = p_j (s_b + sum_{i != b} s_i q_i) + s_j r_j,
/// and `out = eta (relaxed - conditional) - w p`, out_b += w, w = f(b) - eta f(y~); or, for
/// rebar-auto, `out = A = f(b) (e_b - p)`, `c = C = f(y~) (e_b - p) - relaxed + conditional`.
/// Each number is computed as Rebar.finish computes it in Swift, operation by operation and
/// sum by sum in index order (products never fused into FMAs), eight rows per register, so
/// the estimates are its own bit for bit. `scratch`: 32 k doubles.
void sg_rebar_rows(
    double *v, const long *best, const double *y, const double *ratios, double maxLogit,
    double logSumExp, double pMax, long k, long rows, double scale,
    const sg_rebar_finish *finish, double *scratch);

#endif
