#ifndef CADAMSTEP_H
#define CADAMSTEP_H

/// One Adam update (Kingma and Ba 2015, Algorithm 1) of theta[0 ..< n] in place, with its
/// moment estimates m and v, against the gradient g: m = b1 m + (1 - b1) g,
/// v = b2 v + (1 - b2) g g, theta -= rate (m / correction1) / (sqrt(v / correction2) + epsilon).
/// The four arrays must not overlap. Gives Optimizer.update's Swift loop's numbers bit for bit,
/// a vector of parameters at a time (adam_step.c).
void sg_adam_step(
    double *theta, const double *g, double *m, double *v, long n, double b1, double b2,
    double correction1, double correction2, double rate, double epsilon);
/// sg_adam_step in a given tier (at most sg_vector_tier()), for tests that check every tier.
void sg_adam_step_in_tier(
    int tier, double *theta, const double *g, double *m, double *v, long n, double b1,
    double b2, double correction1, double correction2, double rate, double epsilon);

#endif
