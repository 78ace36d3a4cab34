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
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#pragma clang fp contract(off)

// MARK: the generator

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/// Xoshiro256StarStar.next(), step for step.
static inline uint64_t next(sg_rng *g) {
  uint64_t result = rotl(g->s1 * 5, 7) * 9;
  uint64_t t = g->s1 << 17;
  g->s2 ^= g->s0;
  g->s3 ^= g->s1;
  g->s1 ^= g->s2;
  g->s0 ^= g->s3;
  g->s2 ^= t;
  g->s3 = rotl(g->s3, 45);
  return result;
}

/// Xoshiro256StarStar.nextOpenUniform(): (n + 1/2) 2^-52 for a 52-bit n. n 2^-52 is taken
/// as (1 + n 2^-52) - 1, the double with n for its significand less one (both exact),
/// rather than by converting n: the conversion instruction merges into a vector register,
/// and would wait for whatever last wrote it (a libmvec call).
static inline double open_uniform(sg_rng *g) {
  uint64_t bits = 0x3ff0000000000000ull | (next(g) >> 12);
  double one;
  memcpy(&one, &bits, sizeof one);
  return (one - 1.0) + 0x1p-53;
}

void sg_block_uniforms(
    sg_rng *rng, double *const *parts, long partCount, long width, long samples, long k) {
  sg_rng g = *rng;
  long perSample = width / k;
  long rows = samples * perSample;
  for (long s = 0; s < samples; s++) {
    // Part 0: row s * perSample + d of the columns, value i at i * rows.
    for (long d = 0; d < perSample; d++) {
      double *column = parts[0] + s * perSample + d;
      for (long i = 0; i < k; i++) column[i * rows] = open_uniform(&g);
    }
    for (long p = 1; p < partCount; p++) {
      double *out = parts[p] + s * width;
      for (long i = 0; i < width; i++) out[i] = open_uniform(&g);
    }
  }
  *rng = g;
}

// MARK: the tiers' maps

// Each map applies a function to x[0 ..< n] in place. The compatible tiers (AVX2, baseline) use the vector function on x[0 ..< 4 floor(n
// / 4)] and scalar libm on the rest, as clang's vectorised loops of noise version 1 did;
// `_all` maps use the vector function on every element (padding the last vector), for
// callers that fix the scalar elements themselves.

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512_TARGET                                                                        \
  __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma"), min_vector_width(512)))
#define AVX2_TARGET __attribute__((target("avx2,fma")))

AVX512_TARGET __m512d _ZGVeN8v_log(__m512d);
AVX512_TARGET __m512d _ZGVeN8v_exp(__m512d);
AVX2_TARGET __m256d _ZGVdN4v_log(__m256d);
AVX2_TARGET __m256d _ZGVdN4v_exp(__m256d);
__m128d _ZGVbN2v_log(__m128d);
__m128d _ZGVbN2v_exp(__m128d);

/// AVX-512: whole vectors, then the tail under a mask (its other lanes hold `pad`).
#define AVX512_MAP(name, vector, post, pad)                                                  \
  AVX512_TARGET static void name(double *x, long n) {                                        \
    long i = 0;                                                                              \
    for (; i + 8 <= n; i += 8) {                                                             \
      _mm512_storeu_pd(x + i, post(vector(_mm512_loadu_pd(x + i))));                         \
    }                                                                                        \
    if (i < n) {                                                                             \
      __mmask8 lanes = (__mmask8)((1u << (n - i)) - 1);                                      \
      __m512d v = _mm512_mask_loadu_pd(_mm512_set1_pd(pad), lanes, x + i);                   \
      _mm512_mask_storeu_pd(x + i, lanes, post(vector(v)));                                  \
    }                                                                                        \
  }
#define NEG512(v) _mm512_xor_pd(v, _mm512_set1_pd(-0.0))
#define SAME(v) (v)
AVX512_MAP(log_avx512, _ZGVeN8v_log, SAME, 1.0)
AVX512_MAP(neglog_avx512, _ZGVeN8v_log, NEG512, 1.0)
AVX512_MAP(exp_avx512, _ZGVeN8v_exp, SAME, 0.0)
#define exp_all_avx512 exp_avx512
#define neglog_all_avx512 neglog_avx512

/// The compatible tiers' maps are never inlined: clang compiles a map's scalar tail loop
/// (with -fveclib, into 2-lane libmvec calls or scalar libm, by trip count), and a tail
/// redone through the map must take the very code the row-major block took.
#define NOINLINE __attribute__((noinline))

/// AVX2: vectors of 4 while 4 remain, then scalar libm (or, `_all`, a padded vector).
#define AVX2_MAP(name, vector, post, scalar, all, pad)                                       \
  NOINLINE AVX2_TARGET static void name(double *x, long n) {                                 \
    long i = 0;                                                                              \
    for (; i + 4 <= n; i += 4) {                                                             \
      _mm256_storeu_pd(x + i, post(vector(_mm256_loadu_pd(x + i))));                         \
    }                                                                                        \
    if (i < n && all) {                                                                      \
      double tail[4] = {pad, pad, pad, pad};                                                 \
      memcpy(tail, x + i, (size_t)(n - i) * sizeof(double));                                 \
      _mm256_storeu_pd(tail, post(vector(_mm256_loadu_pd(tail))));                           \
      memcpy(x + i, tail, (size_t)(n - i) * sizeof(double));                                 \
    } else {                                                                                 \
      for (; i < n; i++) x[i] = scalar;                                                      \
    }                                                                                        \
  }
#define NEG256(v) _mm256_xor_pd(v, _mm256_set1_pd(-0.0))
AVX2_MAP(log_avx2, _ZGVdN4v_log, SAME, log(x[i]), 0, 1.0)
AVX2_MAP(neglog_avx2, _ZGVdN4v_log, NEG256, -log(x[i]), 0, 1.0)
AVX2_MAP(neglog_all_avx2, _ZGVdN4v_log, NEG256, -log(x[i]), 1, 1.0)
AVX2_MAP(exp_all_avx2, _ZGVdN4v_exp, SAME, exp(x[i]), 1, 0.0)

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
