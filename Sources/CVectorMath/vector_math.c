// Built with -O3 -fno-math-errno -fveclib=libmvec (see Package.swift): clang turns each loop
// below into calls to libmvec's vector log/exp. Two copies of every loop are compiled, one
// for AVX2+FMA and one for the x86-64 baseline, and the first call picks one for the CPU.
#include "CVectorMath.h"
#include <math.h>
#include <stdatomic.h>

#define LOOPS(suffix, attributes)                                                            \
  attributes static void log_##suffix(double *x, long n) {                                  \
    for (long i = 0; i < n; i++) x[i] = log(x[i]);                                           \
  }                                                                                          \
  attributes static void exp_##suffix(double *x, long n) {                                  \
    for (long i = 0; i < n; i++) x[i] = exp(x[i]);                                           \
  }                                                                                          \
  attributes static void gumbel_##suffix(double *x, long n) {                               \
    for (long i = 0; i < n; i++) x[i] = -log(x[i]);                                          \
    for (long i = 0; i < n; i++) x[i] = -log(x[i]);                                          \
  }                                                                                          \
  attributes static void neglog_##suffix(double *x, long n) {                               \
    for (long i = 0; i < n; i++) x[i] = -log(x[i]);                                          \
  }

#if defined(__x86_64__)
LOOPS(avx2, __attribute__((target("avx2,fma"))))
#endif
LOOPS(base, )

// -1 until the first call. Several threads may race to fill it in; they all compute the
// same value, and the atomic makes that race well defined (and quiet under TSan).
static _Atomic int use_avx2 = -1;

static int pick(void) {
  int choice = atomic_load_explicit(&use_avx2, memory_order_relaxed);
  if (choice < 0) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    choice = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    choice = 0;
#endif
    atomic_store_explicit(&use_avx2, choice, memory_order_relaxed);
  }
  return choice;
}

int sg_vector_width(void) { return pick(); }

#if defined(__x86_64__)
#define DISPATCH(name)                                                                       \
  void sg_##name(double *x, long n) {                                                        \
    if (pick()) name##_avx2(x, n); else name##_base(x, n);                                   \
  }
#else
#define DISPATCH(name)                                                                       \
  void sg_##name(double *x, long n) { name##_base(x, n); }
#endif

DISPATCH(log)
DISPATCH(exp)
DISPATCH(gumbel)
DISPATCH(neglog)
