// The categorical family's block kernels (issue 22): Gumbel-max rows, their relaxation and
// REBAR's conditional sample, each compiled for three vector tiers of glibc's libmvec
// (AVX-512, AVX2 with FMA, the x86-64 baseline) and picked once for the CPU. They compute
// what CategoricalBlock's Swift code computed, operation by operation (products and sums are
// never fused into FMAs: `fp contract off`), with the logs and exps through libmvec: the
// AVX2 and baseline tiers call it on the same elements as that code did (the same 4-aligned
// runs, the same scalar tails), so they give its numbers bit for bit; the AVX-512 tier's
// log differs from them in the last bits (its exp does not).
//
// A block's uniforms are drawn before its kernels run (sg_block_uniforms). Drawing the next
// block's a few at a time between the vector calls, to overlap the generator's serial chain
// with them, measured 2 to 6% slower than drawing them first (issue 22).
#include "CNoiseBlocks.h"
#include "CRebarBlocks.h"
#include "vector_calls.h"
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#pragma clang fp contract(off)

// MARK: the generator

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/// Xoshiro256StarStar.next() without its output function: advances the state and returns the
/// word the output is made from (s1 before the step). The scrambler, `rotl(s1 * 5, 7) * 9`,
/// is applied later a vector at a time (open_uniforms), so the serial chain carries only the
/// state update: 3 instructions a value fewer on the one path no vector can shorten.
static inline uint64_t step(sg_rng *g) {
  uint64_t word = g->s1;
  uint64_t t = g->s1 << 17;
  g->s2 ^= g->s0;
  g->s3 ^= g->s1;
  g->s1 ^= g->s2;
  g->s0 ^= g->s3;
  g->s2 ^= t;
  g->s3 = rotl(g->s3, 45);
  return word;
}

/// Xoshiro256StarStar.nextOpenUniform() is (n + 1/2) 2^-52 for n, the top 52 bits of the
/// generator's output rotl(s1 * 5, 7) * 9. The block is drawn in two passes: the state words
/// s1 first, stored as they come (the serial chain does nothing else), then for each the
/// scrambler and n 2^-52 + 2^-53, a vector at a time. The products by 5 and 9 are written as
/// shifts and adds (x << 2) + x and (x << 3) + x, which vectorise in every tier (AVX2 and the
/// baseline have no 64-bit vector multiply), and all of it is exact integer arithmetic mod
/// 2^64. n 2^-52 is taken as (1 + n 2^-52) - 1, the double with n for its significand less
/// one (both exact), so every step is an exact bit operation or correctly rounded arithmetic,
/// the same in every vector width.
#define OPEN_UNIFORMS(name, target, hint)                                                    \
  target static void name(double *x, long n) {                                               \
    hint for (long i = 0; i < n; i++) {                                                      \
      uint64_t word;                                                                         \
      memcpy(&word, x + i, sizeof word);                                                     \
      word = (word << 2) + word;                                                             \
      word = rotl(word, 7);                                                                  \
      word = (word << 3) + word;                                                             \
      word = 0x3ff0000000000000ull | (word >> 12);                                           \
      double one;                                                                            \
      memcpy(&one, &word, sizeof one);                                                       \
      x[i] = (one - 1.0) + 0x1p-53;                                                          \
    }                                                                                        \
  }
#if defined(__x86_64__)
OPEN_UNIFORMS(open_uniforms_avx512,
              __attribute__((target("avx512f,avx512dq,avx512vl,avx2"), min_vector_width(512))),
              _Pragma("clang loop vectorize_width(8) interleave_count(2)"))
OPEN_UNIFORMS(open_uniforms_avx2, __attribute__((target("avx2"))), )
#endif
OPEN_UNIFORMS(open_uniforms_base, , )

/// Stores a generator state word in a double's place, to be turned into a uniform there.
static inline void put_word(double *slot, uint64_t word) { memcpy(slot, &word, sizeof word); }

static void open_uniforms(double *x, long n) {
#if defined(__x86_64__)
  switch (sg_vector_tier()) {
  case 2: open_uniforms_avx512(x, n); return;
  case 1: open_uniforms_avx2(x, n); return;
  }
#endif
  open_uniforms_base(x, n);
}

void sg_block_uniforms(
    sg_rng *rng, double *const *parts, long partCount, long width, long samples, long k) {
  sg_rng g = *rng;
  long perSample = width / k;
  long rows = samples * perSample;
  // The part pointers in locals: read through `parts` after each store (which may alias it
  // as far as the compiler knows), they cost a reload per value.
  double *first = parts[0];
  if (partCount == 1 && perSample == 1) {
    // One variable's Gumbel noise alone (the outcome sampler, the relaxed estimators): one
    // loop fewer than below, 17 instructions a sample (2.5%) less.
    for (long s = 0; s < samples; s++)
      for (long i = 0; i < k; i++) put_word(first + i * rows + s, step(&g));
    *rng = g;
    open_uniforms(first, samples * width);
    return;
  }
  double *rest[partCount > 1 ? partCount - 1 : 1];
  for (long p = 1; p < partCount; p++) rest[p - 1] = parts[p];
  for (long s = 0; s < samples; s++) {
    // Part 0: row s * perSample + d of the columns, value i at i * rows.
    for (long d = 0; d < perSample; d++) {
      double *column = first + s * perSample + d;
      for (long i = 0; i < k; i++) put_word(column + i * rows, step(&g));
    }
    for (long p = 1; p < partCount; p++) {
      double *out = rest[p - 1] + s * width;
      for (long i = 0; i < width; i++) put_word(out + i, step(&g));
    }
  }
  *rng = g;
  for (long p = 0; p < partCount; p++) open_uniforms(parts[p], samples * width);
}

// MARK: the tiers' maps

// Each map applies a function to x[0 ..< n] in place. The compatible tiers (AVX2, baseline)
// use the vector function on x[0 ..< 4 floor(n / 4)] and scalar libm on the rest, as clang's
// vectorised loops of noise version 1 did; `_all` maps use the vector function on every
// element (padding the last vector), for callers that fix the scalar elements themselves.
// The AVX-512 and AVX2 vectors go through vector_calls.h's loops, never a C call.

#if defined(__x86_64__)
#include <immintrin.h>

#include "strips.h"
#include "rebar_strip.h"
#define AVX2_TARGET __attribute__((target("avx2,fma")))

__m128d _ZGVbN2v_log(__m128d);
__m128d _ZGVbN2v_exp(__m128d);

/// AVX-512: whole vectors, then the tail in a vector whose other lanes hold `pad` (libmvec's
/// functions work lane by lane, so the padding changes nothing else).
#define AVX512_MAP(name, calls, pad)                                                         \
  static void name(double *x, long n) {                                                      \
    long whole = n / 8;                                                                      \
    calls(x, whole);                                                                         \
    long i = whole * 8;                                                                      \
    if (i < n) {                                                                             \
      double tail[8] = {pad, pad, pad, pad, pad, pad, pad, pad};                             \
      memcpy(tail, x + i, (size_t)(n - i) * sizeof(double));                                 \
      calls(tail, 1);                                                                        \
      memcpy(x + i, tail, (size_t)(n - i) * sizeof(double));                                 \
    }                                                                                        \
  }
AVX512_MAP(log_avx512, sg_zmm_log, 1.0)
AVX512_MAP(neglog_avx512, sg_zmm_neglog, 1.0)
AVX512_MAP(exp_avx512, sg_zmm_exp, 0.0)
#define exp_all_avx512 exp_avx512
#define neglog_all_avx512 neglog_avx512

// AVX-512 strips: eight rows of one variable in registers, a value of each at a time.

/// relax_columns' running maximum, `v >= m ? v : m`, lane by lane.
AVX512_TARGET static inline __m512d strip_max(__m512d v, __m512d m) {
  return _mm512_mask_blend_pd(_mm512_cmp_pd_mask(v, m, _CMP_GE_OQ), m, v);
}

/// relax_columns' last steps on a strip of k vectors of scaled values t (vector j at 8 j)
/// whose maximum is m: exp(t - m), its sum in index order, and t times the sum's inverse, in
/// place. libmvec works lane by lane, so the numbers are relax_columns' own.
AVX512_TARGET static void strip_softmax(double *strip, long k, __m512d m) {
  for (long j = 0; j < k; j++)
    _mm512_storeu_pd(strip + 8 * j, _mm512_sub_pd(_mm512_loadu_pd(strip + 8 * j), m));
  sg_zmm_exp(strip, k);
  __m512d sum = _mm512_setzero_pd();
  for (long j = 0; j < k; j++) sum = _mm512_add_pd(sum, _mm512_loadu_pd(strip + 8 * j));
  __m512d inverse = _mm512_div_pd(_mm512_set1_pd(1.0), sum);
  for (long j = 0; j < k; j++)
    _mm512_storeu_pd(strip + 8 * j, _mm512_mul_pd(_mm512_loadu_pd(strip + 8 * j), inverse));
}

/// Writes a strip back row-major: value j of lane i to out[(r0 + i) k + j].
AVX512_TARGET static inline void strip_scatter(
    double *out, const double *strip, long k, long r0, __mmask8 lanes, __m512i rows) {
  for (long j = 0; j < k; j++)
    _mm512_mask_i64scatter_pd(out + r0 * k + j, lanes, rows, _mm512_loadu_pd(strip + 8 * j), 8);
}

/// What gumbel_rows does after the logs, for one variable: z = g + logits, the argmax (the
/// first of ties: strict >), and y = softmax(z * scale) written in columns or row-major.
/// `g` (columns) is read only; `strip`: 8 k doubles (so rows >= 8 for gumbel_rows' scratch).
AVX512_TARGET static void gumbel_strips_avx512(
    const double *restrict g, const double *restrict logits, long k, long rows,
    long *restrict best, double *restrict y, int yInColumns, double scale,
    double *restrict strip) {
  const __m512d factor = _mm512_set1_pd(scale);
  const __m512i across = strip_rows(k);
  for (long r0 = 0; r0 < rows; r0 += 8) {
    __mmask8 lanes = strip_lanes(rows, r0);
    __m512d top = _mm512_set1_pd(-INFINITY);
    __m512i which = _mm512_setzero_si512();
    __m512d m = _mm512_set1_pd(-INFINITY);
    for (long j = 0; j < k; j++) {
      __m512d z = _mm512_add_pd(
          _mm512_maskz_loadu_pd(lanes, g + j * rows + r0), _mm512_set1_pd(logits[j]));
      __mmask8 higher = _mm512_cmp_pd_mask(z, top, _CMP_GT_OQ);
      top = _mm512_mask_blend_pd(higher, top, z);
      which = _mm512_mask_blend_epi64(higher, which, _mm512_set1_epi64(j));
      __m512d v = _mm512_mul_pd(z, factor);
      m = strip_max(v, m);
      _mm512_storeu_pd(strip + 8 * j, v);
    }
    _mm512_mask_storeu_epi64(best + r0, lanes, which);
    if (!y) continue;
    strip_softmax(strip, k, m);
    if (!yInColumns) {
      strip_scatter(y, strip, k, r0, lanes, across);
      continue;
    }
    for (long j = 0; j < k; j++)
      _mm512_mask_storeu_pd(y + j * rows + r0, lanes, _mm512_loadu_pd(strip + 8 * j));
  }
}

/// conditional_rows after the exponentials' logs, for one variable. Row-major `e` is
/// gathered a value of eight rows at a time, b's own values blended over the others', and
/// y, r and q are scattered back row-major, so the finish reads them as before. With
/// `finish` (sg_rebar_rows), each strip goes on to REBAR's estimates instead, from the
/// relaxed samples `yColumns` of z (rebar_strip.h), and y, r and q stay in the strip.
/// `strip`: 24 k doubles, 32 k with `finish` (rows >= 8 for the scratch).
AVX512_TARGET static void conditional_strips_avx512(
    const double *restrict e, const long *restrict best, const double *restrict ratio,
    double top, double lift, double pMax, long k, long rows, double *restrict y,
    double *restrict rOut, double *restrict qOut, double scale, double *restrict strip,
    const sg_rebar_finish *finish, const double *restrict yColumns) {
  double *restrict a = strip;
  double *restrict rs = strip + 8 * k;
  double *restrict qs = strip + 16 * k;
  int derivative = rOut != NULL || finish != NULL;
  const __m512d factor = _mm512_set1_pd(scale);
  const __m512d one = _mm512_set1_pd(1.0);
  const __m512d zero = _mm512_setzero_pd();
  const __m512i across = strip_rows(k);
  for (long r0 = 0; r0 < rows; r0 += 8) {
    __mmask8 lanes = strip_lanes(rows, r0);
    const double *base = e + r0 * k;
    __m512i b = _mm512_maskz_loadu_epi64(lanes, best + r0);
    __m512d eb = _mm512_mask_i64gather_pd(one, lanes, _mm512_add_epi64(across, b), base, 8);
    __m512d shared = _mm512_mul_pd(_mm512_set1_pd(pMax), eb);
    for (long j = 0; j < k; j++) {
      __mmask8 isB = _mm512_cmpeq_epi64_mask(b, _mm512_set1_epi64(j));
      __m512d own = _mm512_mul_pd(
          _mm512_mask_i64gather_pd(one, lanes, across, base + j, 8), _mm512_set1_pd(ratio[j]));
      __m512d value = _mm512_add_pd(own, shared);
      _mm512_storeu_pd(a + 8 * j, _mm512_mask_blend_pd(isB, value, eb));
      if (derivative) {
        _mm512_storeu_pd(rs + 8 * j, _mm512_mask_blend_pd(isB, _mm512_div_pd(own, value), zero));
        _mm512_storeu_pd(qs + 8 * j, _mm512_mask_blend_pd(isB, _mm512_div_pd(shared, value), one));
      }
    }
    sg_zmm_log(a, k);
    __m512d m = _mm512_set1_pd(-INFINITY);
    for (long j = 0; j < k; j++) {
      __mmask8 isB = _mm512_cmpeq_epi64_mask(b, _mm512_set1_epi64(j));
      __m512d value = _mm512_sub_pd(_mm512_set1_pd(top), _mm512_loadu_pd(a + 8 * j));
      __m512d z = _mm512_mask_add_pd(value, isB, value, _mm512_set1_pd(lift));
      __m512d v = _mm512_mul_pd(z, factor);
      m = strip_max(v, m);
      _mm512_storeu_pd(a + 8 * j, v);
    }
    strip_softmax(a, k, m);
    if (finish) {
      rebar_strip_avx512(finish, yColumns, k, rows, r0, lanes, b, a, rs, qs, strip + 24 * k);
      continue;
    }
    strip_scatter(y, a, k, r0, lanes, across);
    if (!rOut) continue;
    strip_scatter(rOut, rs, k, r0, lanes, across);
    strip_scatter(qOut, qs, k, r0, lanes, across);
  }
}

/// The compatible tiers' maps are never inlined: clang compiles a map's scalar tail loop
/// (with -fveclib, into 2-lane libmvec calls or scalar libm, by trip count), and a tail
/// redone through the map must take the very code the row-major block took.
#define NOINLINE __attribute__((noinline))

/// AVX2: vectors of 4 while 4 remain, then scalar libm (or, `_all`, a padded vector).
#define AVX2_MAP(name, calls, scalar, all, pad)                                              \
  NOINLINE AVX2_TARGET static void name(double *x, long n) {                                 \
    long i = n / 4 * 4;                                                                      \
    calls(x, n / 4);                                                                         \
    if (i < n && all) {                                                                      \
      double tail[4] = {pad, pad, pad, pad};                                                 \
      memcpy(tail, x + i, (size_t)(n - i) * sizeof(double));                                 \
      calls(tail, 1);                                                                        \
      memcpy(x + i, tail, (size_t)(n - i) * sizeof(double));                                 \
    } else {                                                                                 \
      for (; i < n; i++) x[i] = scalar;                                                      \
    }                                                                                        \
  }
AVX2_MAP(log_avx2, sg_ymm_log, log(x[i]), 0, 1.0)
AVX2_MAP(neglog_avx2, sg_ymm_neglog, -log(x[i]), 0, 1.0)
AVX2_MAP(neglog_all_avx2, sg_ymm_neglog, -log(x[i]), 1, 1.0)
AVX2_MAP(exp_all_avx2, sg_ymm_exp, exp(x[i]), 1, 0.0)

/// Baseline: pairs of 2-lane calls while 4 remain, then scalar libm (or a padded pair).
#define BASE_MAP(name, vector, post, scalar, all, pad)                                       \
  NOINLINE static void name(double *x, long n) {                                             \
    long i = 0;                                                                              \
    for (; i + 4 <= n; i += 4) {                                                             \
      _mm_storeu_pd(x + i, post(vector(_mm_loadu_pd(x + i))));                               \
      _mm_storeu_pd(x + i + 2, post(vector(_mm_loadu_pd(x + i + 2))));                       \
    }                                                                                        \
    if (i < n && all) {                                                                      \
      for (; i < n; i += 2) {                                                                \
        double pair[2] = {x[i], i + 1 < n ? x[i + 1] : pad};                                 \
        _mm_storeu_pd(pair, post(vector(_mm_loadu_pd(pair))));                               \
        x[i] = pair[0];                                                                      \
        if (i + 1 < n) x[i + 1] = pair[1];                                                   \
      }                                                                                      \
    } else {                                                                                 \
      for (; i < n; i++) x[i] = scalar;                                                      \
    }                                                                                        \
  }
#define SAME(v) (v)
#define NEG128(v) _mm_xor_pd(v, _mm_set1_pd(-0.0))
BASE_MAP(log_base, _ZGVbN2v_log, SAME, log(x[i]), 0, 1.0)
BASE_MAP(neglog_base, _ZGVbN2v_log, NEG128, -log(x[i]), 0, 1.0)
BASE_MAP(neglog_all_base, _ZGVbN2v_log, NEG128, -log(x[i]), 1, 1.0)
BASE_MAP(exp_all_base, _ZGVbN2v_exp, SAME, exp(x[i]), 1, 0.0)

#else
// No libmvec: scalar libm everywhere (there is no tail to fix).
#define PLAIN_MAP(name, f)                                                                   \
  static void name(double *x, long n) {                                                      \
    for (long i = 0; i < n; i++) x[i] = f;                                                   \
  }
PLAIN_MAP(log_base, log(x[i]))
PLAIN_MAP(neglog_base, -log(x[i]))
PLAIN_MAP(neglog_all_base, -log(x[i]))
PLAIN_MAP(exp_all_base, exp(x[i]))
#endif

// MARK: the kernels, once per tier

#if defined(__x86_64__)
#define TIER avx512
#define TARGET AVX512_TARGET
#define VLOOP _Pragma("clang loop vectorize_width(8) interleave_count(1)")
#define LANES 8
#define COMPATIBLE 0
#include "noise_kernels.h"
#undef TIER
#undef TARGET
#undef VLOOP
#undef LANES
#undef COMPATIBLE

#define TIER avx2
#define TARGET AVX2_TARGET
#define VLOOP
#define LANES 4
#define COMPATIBLE 1
#include "noise_kernels.h"
#undef TIER
#undef TARGET
#undef VLOOP
#undef LANES
#undef COMPATIBLE
#endif

#define TIER base
#define TARGET
#define VLOOP
#define LANES 4
#define COMPATIBLE 1
#include "noise_kernels.h"
#undef TIER
#undef TARGET
#undef VLOOP
#undef LANES
#undef COMPATIBLE

// MARK: dispatch

// -1 until the first call; racing threads all store the same value.
static _Atomic int tier = -1;

int sg_vector_tier(void) {
  int t = atomic_load_explicit(&tier, memory_order_relaxed);
  if (t < 0) {
    t = 0;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) t = 1;
    if (t == 1 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw"))
      t = 2;
#endif
    const char *forced = getenv("SAMPLEGRAD_VECTOR_TIER");
    if (forced && strcmp(forced, "avx2") == 0 && t > 1) t = 1;
    if (forced && strcmp(forced, "baseline") == 0) t = 0;
    atomic_store_explicit(&tier, t, memory_order_relaxed);
  }
  return t;
}

#if defined(__x86_64__)
#define DISPATCH(call)                                                                       \
  switch (sg_vector_tier()) {                                                                \
  case 2: call(avx512); break;                                                               \
  case 1: call(avx2); break;                                                                 \
  default: call(base); break;                                                                \
  }
#else
#define DISPATCH(call) call(base)
#endif

#define GUMBEL_CALL(t)                                                                       \
  gumbel_rows_##t(u, logits, k, rows, variables, best, y, layout, scale, scratch)
void sg_gumbel_rows(
    double *u, const double *logits, long k, long rows, long variables, long *best, double *y,
    int layout, double scale, double *scratch) {
  DISPATCH(GUMBEL_CALL)
}

void sg_gumbel_rows_in_tier(
    int tier, double *u, const double *logits, long k, long rows, long variables, long *best,
    double *y, int layout, double scale, double *scratch) {
#if defined(__x86_64__)
  if (tier > sg_vector_tier()) tier = sg_vector_tier();
  switch (tier) {
  case 2: GUMBEL_CALL(avx512); break;
  case 1: GUMBEL_CALL(avx2); break;
  default: GUMBEL_CALL(base); break;
  }
#else
  (void)tier;
  GUMBEL_CALL(base);
#endif
}

#define CONDITIONAL_CALL(t)                                                                  \
  conditional_rows_##t(                                                                      \
      v, best, ratios, maxLogit, logSumExp, pMax, k, rows, variables, y, r, q, scale, scratch)
void sg_conditional_rows(
    double *v, const long *best, const double *ratios, const double *maxLogit,
    const double *logSumExp, const double *pMax, long k, long rows, long variables, double *y,
    double *r, double *q, double scale, double *scratch) {
  DISPATCH(CONDITIONAL_CALL)
}

int sg_rebar_fits(long k, long rows) {
#if defined(__x86_64__)
  return sg_vector_tier() >= 2 && k >= 2 && rows >= 8;
#else
  (void)k, (void)rows;
  return 0;
#endif
}

void sg_rebar_rows(
    double *v, const long *best, const double *y, const double *ratios, double maxLogit,
    double logSumExp, double pMax, long k, long rows, double scale,
    const sg_rebar_finish *finish, double *scratch) {
#if defined(__x86_64__)
  if (!sg_rebar_fits(k, rows)) abort();
  // e = -log v, then conditional_rows' strips, each ending in the finish.
  neglog_avx512(v, rows * k);
  conditional_strips_avx512(
      v, best, ratios, maxLogit, logSumExp - maxLogit, pMax, k, rows, NULL, NULL, NULL, scale,
      scratch, finish, y);
#else
  (void)v, (void)best, (void)y, (void)ratios, (void)maxLogit, (void)logSumExp, (void)pMax;
  (void)k, (void)rows, (void)scale, (void)finish, (void)scratch;
  abort();
#endif
}
