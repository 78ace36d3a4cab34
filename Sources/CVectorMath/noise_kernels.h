// The block kernels of noise_blocks.c, compiled once per vector tier: that file defines
// TIER (the suffix), TARGET (the function attributes), VLOOP (a loop hint, or nothing),
// LANES, COMPATIBLE (whether the tier reproduces noise version 1's tails) and the tier's
// maps `log_TIER`, `neglog_TIER`, `exp_TIER`, `exp_all_TIER`, then includes this file.
//
// The logs run over the uniforms row-major, as CategoricalBlock's Swift code ran them. The
// rest works on columns (column j holds value j of every row), so its loops run across rows,
// a vector of rows at a time; each row's sums still add its values in index order. In the
// AVX-512 tier (LANES 8), one variable's blocks of 8 rows or more go to noise_blocks.c's
// strips instead, which hold eight rows in registers from the argmax to the relaxation.

#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
#define FN(name) CAT(name, TIER)

/// y[r*k + j] = softmax over j of z[j*rows + r] * scale, as CategoricalBlock.relax: the
/// row's maximum of z * scale is subtracted before the exp, the sum is taken in index
/// order, and y is multiplied by its inverse; y is row-major, or with `yInColumns` in columns
/// like z. Noise version 1 took the exps row-major, with the last n - 4 floor(n / 4) of them
/// scalar: the compatible tiers take every exp in vectors and then redo those with scalar
/// libm. `scratch`: rows * k + 2 * rows.
TARGET static void FN(relax_columns)(
    const double *restrict z, long k, long rows, double scale, double *restrict y,
    int yInColumns, double *restrict scratch) {
  long n = rows * k;
  double *restrict t = scratch;
  double *restrict m = scratch + n;
  double *restrict sum = m + rows;
  VLOOP for (long r = 0; r < rows; r++) m[r] = -INFINITY;
  for (long j = 0; j < k; j++) {
    const double *restrict c = z + j * rows;
    double *restrict tc = t + j * rows;
    VLOOP for (long r = 0; r < rows; r++) {
      double v = c[r] * scale;
      tc[r] = v;
      m[r] = v >= m[r] ? v : m[r];
    }
  }
  for (long j = 0; j < k; j++) {
    double *restrict tc = t + j * rows;
    VLOOP for (long r = 0; r < rows; r++) tc[r] = tc[r] - m[r];
  }
#if COMPATIBLE
  long scalarFrom = n & ~3L;
  double saved[3];
  for (long f = scalarFrom; f < n; f++) saved[f - scalarFrom] = t[(f % k) * rows + f / k];
  FN(exp_all)(t, n);
  for (long f = scalarFrom; f < n; f++) t[(f % k) * rows + f / k] = exp(saved[f - scalarFrom]);
#else
  FN(exp)(t, n);
#endif
  VLOOP for (long r = 0; r < rows; r++) sum[r] = 0;
  for (long j = 0; j < k; j++) {
    const double *restrict tc = t + j * rows;
    VLOOP for (long r = 0; r < rows; r++) sum[r] += tc[r];
  }
  VLOOP for (long r = 0; r < rows; r++) sum[r] = 1 / sum[r];
  if (yInColumns) {
    for (long j = 0; j < k; j++) {
      const double *restrict tc = t + j * rows;
      double *restrict yc = y + j * rows;
      VLOOP for (long r = 0; r < rows; r++) yc[r] = tc[r] * sum[r];
    }
    return;
  }
  for (long r = 0; r < rows; r++) {
    double inverse = sum[r];
    for (long j = 0; j < k; j++) y[r * k + j] = t[j * rows + r] * inverse;
  }
}

/// `times` passes of x = -log x over a block whose n = rows * k values are in columns. Noise
/// version 1 ran the passes row-major, and the compatible tiers took the elements past
/// 4 floor(n / 4) in that order through the map's own tail loop (scalar libm, or the 2-lane
/// calls clang makes of it with -fveclib): those few are set aside, every element goes
/// through the vector calls, and they go through that same tail loop, as many as before.
TARGET static void FN(neglog_columns)(double *restrict x, long k, long rows, int times) {
  long n = rows * k;
#if COMPATIBLE
  long from = n & ~3L;
  double tail[3];
  for (long f = from; f < n; f++) tail[f - from] = x[(f % k) * rows + f / k];
  for (int t = 0; t < times; t++) {
    FN(neglog_all)(x, n);
    FN(neglog)(tail, n - from);
  }
  for (long f = from; f < n; f++) x[(f % k) * rows + f / k] = tail[f - from];
#else
  for (int t = 0; t < times; t++) FN(neglog)(x, n);
#endif
}

TARGET static void FN(gumbel_rows)(
    double *restrict u, const double *restrict logits, long k, long rows, long variables,
    long *restrict best, double *restrict y, int layout, double scale,
    double *restrict scratch) {
  long n = rows * k;
  double *restrict z = scratch;
  double *restrict top = scratch + n;
  // u = -log(-log u): Gumbel noise, as VectorMath.gumbel; z = logits + u, in columns.
  if (layout & SG_UNIFORMS_IN_COLUMNS) {
    FN(neglog_columns)(u, k, rows, 2);
#if LANES == 8
    // Strips need 8 k doubles of scratch, within the block's rows * k from 8 rows on.
    if (variables == 1 && rows >= 8) {
      int yInColumns = layout & SG_RELAXED_IN_COLUMNS;
      gumbel_strips_avx512(u, logits, k, rows, best, y, yInColumns, scale, z);
      return;
    }
#endif
    for (long j = 0; j < k; j++) {
      double *restrict c = z + j * rows;
      const double *restrict g = u + j * rows;
      if (variables == 1) {
        double theta = logits[j];
        VLOOP for (long r = 0; r < rows; r++) c[r] = g[r] + theta;
      } else {
        for (long r = 0; r < rows; r++) c[r] = g[r] + logits[(r % variables) * k + j];
      }
    }
  } else {
    FN(neglog)(u, n);
    FN(neglog)(u, n);
    for (long j = 0; j < k; j++) {
      double *restrict c = z + j * rows;
      if (variables == 1) {
        double theta = logits[j];
        for (long r = 0; r < rows; r++) c[r] = u[r * k + j] + theta;
      } else {
        for (long r = 0; r < rows; r++) c[r] = u[r * k + j] + logits[(r % variables) * k + j];
      }
    }
  }
  VLOOP for (long r = 0; r < rows; r++) {
    top[r] = -INFINITY;
    best[r] = 0;
  }
  for (long j = 0; j < k; j++) {
    const double *restrict c = z + j * rows;
    VLOOP for (long r = 0; r < rows; r++) {
      if (c[r] > top[r]) {
        top[r] = c[r];
        best[r] = j;
      }
    }
  }
  if (y)
    FN(relax_columns)(
        z, k, rows, scale, y, layout & SG_RELAXED_IN_COLUMNS, scratch + n + rows);
}

TARGET static void FN(conditional_rows)(
    double *restrict e, const long *restrict best, const double *restrict ratios,
    const double *restrict maxLogit, const double *restrict logSumExp,
    const double *restrict pMax, long k, long rows, long variables, double *restrict y,
    double *restrict rOut, double *restrict qOut, double scale, double *restrict scratch) {
  long n = rows * k;
  double *restrict a = scratch;
  double *restrict z = scratch + n;
  // e = -log v: exponentials, as VectorMath.negativeLog.
  FN(neglog)(e, n);
#if LANES == 8
  if (variables == 1 && rows >= 8) {
    conditional_strips_avx512(
        e, best, ratios, maxLogit[0], logSumExp[0] - maxLogit[0], pMax[0], k, rows, y, rOut,
        qOut, scale, scratch, NULL, NULL);
    return;
  }
#endif
  for (long row = 0; row < rows; row++) {
    long offset = row * k;
    long v = variables == 1 ? 0 : row % variables;
    const double *restrict ratio = ratios + v * k;
    long b = best[row];
    double eb = e[offset + b];
    double shared = pMax[v] * eb;
    // Every i as if it were not b (branch-free, so the divisions vectorise), then b's own
    // values over the top.
    const double *restrict er = e + offset;
    double *restrict ar = a + offset;
    if (rOut) {
      double *restrict rr = rOut + offset;
      double *restrict qr = qOut + offset;
      for (long i = 0; i < k; i++) {
        double own = er[i] * ratio[i];
        double value = own + shared;
        ar[i] = value;
        rr[i] = own / value;
        qr[i] = shared / value;
      }
      rr[b] = 0;
      qr[b] = 1;
    } else {
      for (long i = 0; i < k; i++) ar[i] = er[i] * ratio[i] + shared;
    }
    ar[b] = eb;
  }
  FN(log)(a, n);
  if (variables == 1) {
    // One variable: its maximum and lift in registers, not reloaded for every value.
    double top = maxLogit[0];
    double lift = logSumExp[0] - maxLogit[0];
    for (long j = 0; j < k; j++) {
      double *restrict c = z + j * rows;
      for (long row = 0; row < rows; row++) {
        double value = top - a[row * k + j];
        c[row] = best[row] == j ? value + lift : value;
      }
    }
  } else {
    for (long j = 0; j < k; j++) {
      double *restrict c = z + j * rows;
      for (long row = 0; row < rows; row++) {
        long v = row % variables;
        double value = maxLogit[v] - a[row * k + j];
        c[row] = best[row] == j ? value + (logSumExp[v] - maxLogit[v]) : value;
      }
    }
  }
  FN(relax_columns)(z, k, rows, scale, y, 0, scratch + 2 * n);
}

#undef FN
#undef CAT
#undef CAT2
