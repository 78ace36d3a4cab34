/// The forward passes of the antithetic estimators: both points of ARM's and DisARM's pair
/// (`f(b)` and `f(b')`, each marginally an exact sample), and ARMS's n coupled samples.

extension ARM: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    pairs.recordForward(using: &rng, into: &tally)
  }
}

extension DisARM: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    pairs.recordForward(using: &rng, into: &tally)
  }
}

extension AntitheticPairs {
  func recordForward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    _ = draw(using: &rng)
    tally.record(hard: b)
    tally.record(hard: antithetic)
    tally.countPass()
  }
}

extension ARMS: ForwardSampling {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    drawSamples(using: &rng)
    for i in 0..<n { tally.record(hard: bits.indices + i * variables) }
    tally.countPass()
  }
}
