// Built with -O3 -fno-math-errno -fveclib=libmvec (see Package.swift): clang turns each loop
// below into calls to libmvec's vector log/exp. Two copies of every loop are compiled, one
// for AVX2+FMA and one for the x86-64 baseline, and the first call picks one for the CPU.
#include "CVectorMath.h"
#include <math.h>

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

static int use_avx2 = -1;

static int pick(void) {
  if (use_avx2 < 0) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    use_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    use_avx2 = 0;
#endif
  }
  return use_avx2;
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
