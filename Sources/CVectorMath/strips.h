// What the AVX-512 strip kernels share (noise_blocks.c, rebar_strip.h): a strip is eight
// consecutive rows of one variable, a value of each in one register, read from row-major
// blocks by gathers and written back by scatters. x86-64 only; include after immintrin.h.
#ifndef SG_STRIPS_H
#define SG_STRIPS_H

#define AVX512_TARGET                                                                        \
  __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,fma"), min_vector_width(512)))

/// The strip's lanes at row r0: all eight, or the rows left.
static inline __mmask8 strip_lanes(long rows, long r0) {
  return rows - r0 >= 8 ? (__mmask8)0xff : (__mmask8)((1u << (rows - r0)) - 1);
}

/// Where value 0 of each of eight consecutive row-major rows of k values sits.
AVX512_TARGET static inline __m512i strip_rows(long k) {
  return _mm512_mullo_epi64(_mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0), _mm512_set1_epi64(k));
}

#endif
