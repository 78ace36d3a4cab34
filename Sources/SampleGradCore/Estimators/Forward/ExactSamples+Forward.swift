/// The forward passes of the estimators that draw exact samples with the family's sampler:
/// the sample (the score function), every draw (RLOO), every point IndeCateR enumerates, and
/// the members of the unordered set.

extension ScoreFunction: ForwardSampling where Sampler: ForwardRecording {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    sampler.draw(slot: 0, using: &rng)
    sampler.record(slot: 0, into: &tally)
    tally.countPass()
  }
}

extension LeaveOneOut: ForwardSampling where Sampler: ForwardRecording {
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    for i in 0..<draws {
      sampler.draw(slot: i, using: &rng)
      sampler.record(slot: i, into: &tally)
    }
    tally.countPass()
  }
}

extension IndeCateR: ForwardSampling {
  /// For each of the k samples, `f` at every outcome `j` of every variable `d` with the other
  /// variables as drawn: D K points, of which variable `d` takes each `j` once and its drawn
  /// outcome in the other (D - 1) K.
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    let k = sampler.outcomes
    let variables = sampler.variables
    for n in 0..<draws {
      sampler.draw(slot: n, using: &rng)
      for d in 0..<variables {
        for j in 0..<k { tally.record(variable: d, outcome: j, count: 1) }
        let others = (variables - 1) * k
        if others > 0 {
          tally.record(variable: d, outcome: sampler.outcome(slot: n, variable: d), count: others)
        }
      }
      tally.countPoints(variables * k)
    }
    tally.countPass()
  }
}

extension UnorderedSet: ForwardSampling {
  /// The k distinct members the stochastic beam draws without replacement.
  mutating func forward(using rng: inout Xoshiro256StarStar, into tally: inout ForwardTally) {
    let drawn = members.indices
    _ = beam.draw(
      logP: buffers.slot(0), using: &rng, outcomes: drawn, logProbabilities: buffers.slot(1))
    for i in 0..<k { tally.record(hard: drawn + i * sampler.variables) }
    tally.countPass()
  }
}
