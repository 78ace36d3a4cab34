import Foundation
import Testing

@testable import SampleGradCore

@Suite("scratch") struct ScratchRelaxTests {
  @Test func dynamics() throws {
    let rate = Double(ProcessInfo.processInfo.environment["RATE"] ?? "0.01")!
    var logit = 0.0
    var opt = Optimizer(.adam, dimension: 1)
    func problem(_ l: Double) -> GradientProblem {
      try! GradientProblem(distribution: .bernoulli(logOdds: l, temperature: 0.5),
        objective: .quadratic(target: [0.499]), options: EstimatorOptions(["surrogate-rate": rate]))
    }
    var relax = Relax<BernoulliRelaxation>(problem: problem(0))
    var rng = Xoshiro256StarStar(seed: 1, stream: 16, chunk: 1)
    var g = [0.0]
    for step in 0...10000 {
      if step % 1000 == 0 {
        // frozen surrogate's variance at this theta
        var frozen = relax
        let copy = SurrogateTrainer(count: relax.trainer.count, rate: 0, optimizer: .adam)
        copy.parameters.update(from: relax.trainer.parameters, count: relax.trainer.count)
        frozen.trainer = copy
        var r2 = Xoshiro256StarStar(seed: 99)
        var m = RunningMoments(dimension: 1)
        frozen.run(count: 20000, using: &r2, into: &m)
        let p = relax.trainer.parameters
        let n = relax.network
        let psi = p + 2
        let vv = (0..<n.width).map { psi[n.width * n.inputs + n.width + $0] }
        print(String(format: "step %5d logit %6.2f eta %7.3f lambda %7.3f c0 %8.4f |v| %.4f var %.3e mean %.3e exact %.3e", step, logit, p[0], exp(p[1]), psi[n.parameterCount-1], vv.map{$0*$0}.reduce(0,+).squareRoot(), m.variance[0], m.mean[0], problem(logit).exact.gradient[0]))
      }
      relax.estimate(into: &g, using: &rng)
      var theta = [logit]
      opt.update(&theta, gradient: g, learningRate: 0.01)
      logit = theta[0]
      relax.rebind(to: problem(logit))
    }
  }
}
