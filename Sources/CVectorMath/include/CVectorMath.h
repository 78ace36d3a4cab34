#ifndef CVECTORMATH_H
#define CVECTORMATH_H

/// Bulk log and exp over arrays, vectorised with glibc's libmvec (4 lanes with AVX2 and FMA,
/// 2 lanes with SSE2), chosen once at run time from the CPU's features. Each call works in
/// place on `count` doubles. Accuracy: libmvec's documented bound of 4 ulp.
void sg_log(double *values, long count);
void sg_exp(double *values, long count);
/// values[i] = -log(-log(values[i])): standard Gumbel noise from open-interval uniforms.
void sg_gumbel(double *values, long count);
/// values[i] = -log(values[i]): standard exponential noise from open-interval uniforms.
void sg_neglog(double *values, long count);
/// 1 when the AVX2 path is in use, 0 for the SSE2 path (for `samplegrad bench`).
int sg_vector_width(void);

#include "CNoiseBlocks.h"
#include "CRebarBlocks.h"
#include "CAdamStep.h"

#endif
