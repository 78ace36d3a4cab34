#ifndef CNOISEBLOCKS_H
#define CNOISEBLOCKS_H

#include <stdint.h>

/// The state of SampleGradCore's Xoshiro256StarStar.
typedef struct {
  uint64_t s0, s1, s2, s3;
} sg_rng;

/// Open-interval uniforms, Xoshiro256StarStar.nextOpenUniform() one after another, into the
/// parts of a block, in stream order: sample by sample, each sample's parts in turn, `width`
/// values each. Part 0 (the Gumbel noise) is stored in columns, the layout the kernels'
/// loops across rows read: a sample is width / k rows of k values, and value v of sample s
/// goes to parts[0] + (v % k) * rows + s * (width / k) + v / k, rows = samples * (width / k).
/// The other parts are row-major, at parts[part] + sample * width + value.
void sg_block_uniforms(
    sg_rng *rng, double *const *parts, long partCount, long width, long samples, long k);

/// The kernels' layout flags: their uniforms, or the relaxed samples they write, in columns
/// (value j of row r at j * rows + r) rather than row-major. Columns spare a transpose; the
/// numbers are the same.
enum { SG_UNIFORMS_IN_COLUMNS = 1, SG_RELAXED_IN_COLUMNS = 2 };

/// Gumbel-max rows from open-interval uniforms `u` (overwritten): `z = logits + g` with
/// `g = -log(-log u)`, `best[row] = argmax z` (the first of ties), and when `y` is not null
/// `y = softmax(z * scale)` (scale = 1 / temperature), each computed as CategoricalBlock's
/// Swift code did, operation by operation. `rows` rows of `k` values, row-major; row r uses
/// logits row r % variables. `layout` (SG_ flags) puts u or y in columns instead: the
/// samplers draw u in columns; row-major u is noise version 1's own form, which a test holds
/// the columns to, bit for bit, in every tier. `scratch` holds 3 * rows * k + 4 * rows doubles.
void sg_gumbel_rows(
    double *u, const double *logits, long k, long rows, long variables, long *best, double *y,
    int layout, double scale, double *scratch);

/// sg_gumbel_rows in a given tier (at most sg_vector_tier()), for tests that check every tier
/// the machine has in one process.
void sg_gumbel_rows_in_tier(
    int tier, double *u, const double *logits, long k, long rows, long variables, long *best,
    double *y, int layout, double scale, double *scratch);

/// REBAR's conditional sample `z~ ~ p(z | argmax z = best)` from fresh uniforms `v`
/// (overwritten), in the one-log form of ConditionalBlock, relaxed: `y = softmax(z~ * scale)`;
/// when `r` and `q` are not null, the pieces of its derivative. Per variable d (row r is
/// variable r % variables): `ratios[d*k + i] = exp(max - logit_i)`, `maxLogit`,
/// `logSumExp`, `pMax`. `scratch` as for sg_gumbel_rows.
void sg_conditional_rows(
    double *v, const long *best, const double *ratios, const double *maxLogit,
    const double *logSumExp, const double *pMax, long k, long rows, long variables, double *y,
    double *r, double *q, double scale, double *scratch);

/// The libmvec variant the kernels use: 2 for AVX-512 (8 lanes), 1 for AVX2 with FMA (4),
/// 0 for the x86-64 baseline (2) or another architecture. The AVX2 and baseline tiers give
/// the numbers of noise version 1 bit for bit; AVX-512's log differs from them in the last
/// bits. SAMPLEGRAD_VECTOR_TIER=avx2 or =baseline (read once) forces a lower tier.
int sg_vector_tier(void);

#endif
