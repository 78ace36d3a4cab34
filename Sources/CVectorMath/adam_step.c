// Adam's update of a parameter vector (Optimizer.update), a vector of parameters at a time.
// In Swift the loop stays scalar: on Linux, Double.squareRoot() compiles to the square root
// instruction and a branch to libm's sqrt (errno's path), and no vectoriser crosses a call.
// Here -fno-math-errno leaves the instruction alone. Every operation is Swift's own, in its order (`fp contract off`: no
// product is fused into an FMA), and division and the square root are correctly rounded in
// every lane, so each tier gives the Swift loop's numbers bit for bit.
#include "CAdamStep.h"
#include "CNoiseBlocks.h"
#include <math.h>

#pragma clang fp contract(off)

#define ADAM_STEP(suffix, attributes)                                                        \
  attributes static void adam_step_##suffix(                                                 \
      double *restrict theta, const double *restrict g, double *restrict m,                  \
      double *restrict v, long n, double b1, double b2, double correction1,                  \
      double correction2, double rate, double epsilon) {                                     \
    for (long j = 0; j < n; j++) {                                                           \
      m[j] = b1 * m[j] + (1 - b1) * g[j];                                                    \
      v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];                                             \
      double mHat = m[j] / correction1;                                                      \
      double vHat = v[j] / correction2;                                                      \
      theta[j] -= rate * mHat / (sqrt(vHat) + epsilon);                                      \
    }                                                                                        \
  }

#if defined(__x86_64__)
ADAM_STEP(avx512, __attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"),
                                 min_vector_width(512))))
ADAM_STEP(avx2, __attribute__((target("avx2,fma"))))
#endif
ADAM_STEP(base, )

void sg_adam_step_in_tier(
    int tier, double *theta, const double *g, double *m, double *v, long n, double b1,
    double b2, double correction1, double correction2, double rate, double epsilon) {
  if (tier > sg_vector_tier()) tier = sg_vector_tier();
#if defined(__x86_64__)
  switch (tier) {
  case 2:
    adam_step_avx512(theta, g, m, v, n, b1, b2, correction1, correction2, rate, epsilon);
    return;
  case 1:
    adam_step_avx2(theta, g, m, v, n, b1, b2, correction1, correction2, rate, epsilon);
    return;
  }
#endif
  adam_step_base(theta, g, m, v, n, b1, b2, correction1, correction2, rate, epsilon);
}

void sg_adam_step(
    double *theta, const double *g, double *m, double *v, long n, double b1, double b2,
    double correction1, double correction2, double rate, double epsilon) {
  sg_adam_step_in_tier(
      sg_vector_tier(), theta, g, m, v, n, b1, b2, correction1, correction2, rate, epsilon);
}
