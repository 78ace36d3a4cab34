/// The forward passes of the estimators for a continuous sample: `x = mean + std eps` for the
/// pathwise estimator and LAX, and the measure-valued estimator's four points, which follow
/// the two densities whose difference is the derivative, not N(mean, std).

extension Reparameterization: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    tally.record(value: path.drawPath(using: &rng, slope: slope.slot(0)))
    tally.countPass()
  }
}

extension Lax: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    drawNoise(using: &rng)
    tally.record(value: buffers.slot(2)[0])
    tally.countPass()
  }
}

extension MeasureValued: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    let x = drawPoints(using: &rng)
    tally.record(value: x.0)
    tally.record(value: x.1)
    tally.record(value: x.2)
    tally.record(value: x.3)
    tally.countPass()
  }
}
