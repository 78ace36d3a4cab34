// REBAR's finish on one AVX-512 strip (noise_blocks.c's conditional strips end in it when
// sg_rebar_rows asks): Rebar.finish's per-sample arithmetic for eight samples at a time, a
// value of each per register. Each sample's sums still run over its values in index order,
// and no product is fused into an FMA, so the numbers are the Swift code's own (issue 22).
// x86-64 only; include after strips.h.
#ifndef SG_REBAR_STRIP_H
#define SG_REBAR_STRIP_H

#include "CRebarBlocks.h"

/// f' at x, for value j of the point: 2 (x - t_j) or w_j.
AVX512_TARGET static inline __m512d rebar_slope(__m512d x, double coefficient, int quadratic) {
  __m512d c = _mm512_set1_pd(coefficient);
  return quadratic ? _mm512_mul_pd(_mm512_set1_pd(2.0), _mm512_sub_pd(x, c)) : c;
}

/// f's term at x, for value j of the point: (x - t_j)^2 or w_j x.
AVX512_TARGET static inline __m512d rebar_term(__m512d x, double coefficient, int quadratic) {
  __m512d c = _mm512_set1_pd(coefficient);
  if (!quadratic) return _mm512_mul_pd(c, x);
  __m512d difference = _mm512_sub_pd(x, c);
  return _mm512_mul_pd(difference, difference);
}

/// The estimates of the strip at row r0 (lanes `lanes`, outcomes b): y in the block's
/// columns (value j of row r at j rows + r), y~, r and q in the strip's layout (value j of
/// its eight rows at 8 j), and `ss`, 8 k doubles of scratch. Written row-major to
/// finish->out (and finish->c) as CRebarBlocks.h says.
AVX512_TARGET static inline void rebar_strip_avx512(
    const sg_rebar_finish *finish, const double *restrict y, long k, long rows, long r0,
    __mmask8 lanes, __m512i b, const double *restrict ts, const double *restrict rs,
    const double *restrict qs, double *restrict ss) {
  const int quadratic = finish->quadratic;
  const double *restrict coefficients = finish->coefficients;
  const __m512d inverse = _mm512_set1_pd(1 / finish->temperature);
  const __m512d zero = _mm512_setzero_pd();
  const __m512d scale = _mm512_set1_pd(finish->eta);
  // y . f'(y), y~ . f'(y~) and f(y~), each summed in index order from 0.
  __m512d dot = zero;
  __m512d dotTilde = zero;
  __m512d fTilde = zero;
  for (long j = 0; j < k; j++) {
    __m512d yj = _mm512_maskz_loadu_pd(lanes, y + j * rows + r0);
    dot = _mm512_add_pd(dot, _mm512_mul_pd(yj, rebar_slope(yj, coefficients[j], quadratic)));
    __m512d tj = _mm512_loadu_pd(ts + 8 * j);
    __m512d dtj = rebar_slope(tj, coefficients[j], quadratic);
    dotTilde = _mm512_add_pd(dotTilde, _mm512_mul_pd(tj, dtj));
    fTilde = _mm512_add_pd(fTilde, rebar_term(tj, coefficients[j], quadratic));
    _mm512_storeu_pd(ss + 8 * j, dtj);
  }
  // s = (1/tau) y~ (f'(y~) - y~ . f'(y~)), the upstream of the conditional sample.
  for (long j = 0; j < k; j++) {
    __m512d difference = _mm512_sub_pd(_mm512_loadu_pd(ss + 8 * j), dotTilde);
    _mm512_storeu_pd(
        ss + 8 * j, _mm512_mul_pd(_mm512_mul_pd(inverse, _mm512_loadu_pd(ts + 8 * j)), difference));
  }
  // s_b, then s_i q_i for every other i in index order (b's lane keeps its sum as it is).
  __m512i atB = _mm512_add_epi64(_mm512_slli_epi64(b, 3), _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0));
  __m512d shared = _mm512_mask_i64gather_pd(zero, lanes, atB, ss, 8);
  for (long j = 0; j < k; j++) {
    __mmask8 others = (__mmask8)~_mm512_cmpeq_epi64_mask(b, _mm512_set1_epi64(j));
    __m512d product = _mm512_mul_pd(_mm512_loadu_pd(ss + 8 * j), _mm512_loadu_pd(qs + 8 * j));
    shared = _mm512_mask_add_pd(shared, others, shared, product);
  }
  __m512d fHard = _mm512_mask_i64gather_pd(zero, lanes, b, finish->hardValues, 8);
  __m512d weight = _mm512_sub_pd(fHard, _mm512_mul_pd(scale, fTilde));
  const __m512i across = strip_rows(k);
  double *out = finish->out + r0 * k;
  double *c = finish->c + r0 * k;
  for (long j = 0; j < k; j++) {
    __mmask8 isB = _mm512_cmpeq_epi64_mask(b, _mm512_set1_epi64(j));
    __m512d pj = _mm512_set1_pd(finish->p[j]);
    __m512d yj = _mm512_maskz_loadu_pd(lanes, y + j * rows + r0);
    __m512d relaxed = _mm512_mul_pd(
        _mm512_mul_pd(inverse, yj),
        _mm512_sub_pd(rebar_slope(yj, coefficients[j], quadratic), dot));
    __m512d conditional = _mm512_add_pd(
        _mm512_mul_pd(pj, shared),
        _mm512_mul_pd(_mm512_loadu_pd(ss + 8 * j), _mm512_loadu_pd(rs + 8 * j)));
    if (!finish->adaptive) {
      __m512d estimate = _mm512_sub_pd(
          _mm512_mul_pd(scale, _mm512_sub_pd(relaxed, conditional)), _mm512_mul_pd(weight, pj));
      estimate = _mm512_mask_add_pd(estimate, isB, estimate, weight);
      _mm512_mask_i64scatter_pd(out + j, lanes, across, estimate, 8);
    } else {
      // The score e_b - p: 1 - p_j at b, 0 - p_j elsewhere.
      __m512d score = _mm512_sub_pd(_mm512_mask_blend_pd(isB, zero, _mm512_set1_pd(1.0)), pj);
      __m512d a = _mm512_mul_pd(fHard, score);
      __m512d control = _mm512_add_pd(
          _mm512_sub_pd(_mm512_mul_pd(fTilde, score), relaxed), conditional);
      _mm512_mask_i64scatter_pd(out + j, lanes, across, a, 8);
      _mm512_mask_i64scatter_pd(c + j, lanes, across, control, 8);
    }
  }
}

#endif
