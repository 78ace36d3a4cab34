// libmvec's AVX-512 and AVX2 log and exp, called on whole vectors in memory.
//
// Why not a C call: clang (at least to version 21) passes a __m512d or __m256d argument on
// the stack when AVX-512 or AVX is enabled per function (__attribute__((target))) rather
// than for the whole file (llvm/llvm-project#64706), while libmvec reads it from zmm0 or
// ymm0. Such a call worked only because clang happened to copy the argument through that
// register on its way to the stack. These loops, in assembly (vector_calls.c), put each
// vector in the register the vector function ABI names, and cost the caller one ordinary
// call per array instead of two extra memory round trips per vector.
//
// Each takes `vectors` whole vectors (8 or 4 doubles) at x and applies the function in
// place; `neglog` negates the log. Call them only on a CPU of that tier (sg_vector_tier).
#ifndef SG_VECTOR_CALLS_H
#define SG_VECTOR_CALLS_H

#if defined(__x86_64__)
void sg_zmm_log(double *x, long vectors);
void sg_zmm_neglog(double *x, long vectors);
void sg_zmm_exp(double *x, long vectors);
void sg_ymm_log(double *x, long vectors);
void sg_ymm_neglog(double *x, long vectors);
void sg_ymm_exp(double *x, long vectors);
#endif

#endif
