import Foundation

extension EstimatorKind {
  /// REBAR with a learned surrogate for its control variate (Grathwohl et al. 2018).
  public static let relax = EstimatorKind("relax")
}

/// RELAX (Grathwohl, Choi, Wu, Roeder, Duvenaud 2018): REBAR with its control variate learned.
///
/// `g = (f(b) - c(z~)) s(b) + grad c(z) - (dz~/dθ)^T grad c(z~)`, with `z`, `b = H(z)` and
/// `z~ ~ p(z | b)` as in REBAR, `s(b)` the score, and the surrogate
/// `c(z) = eta f(s_lambda(z)) + r(z)`: the relaxation at a temperature `lambda` of its own plus
/// a tanh network `r` (`TanhNetwork`). Unbiased for any `c`. `z = θ + noise`, so
/// `dz/dθ = I` and `grad_θ c(z) = grad c(z)` (both families).
///
/// `φ = (eta, ell = log lambda, ψ)` starts at `(1, log τ, r = 0)`, where RELAX is REBAR, and
/// after each estimate takes one optimiser step (`SurrogateTrainer`) against the exact gradient
/// of the estimate's own squared norm, with the noise held fixed:
///
/// `d|g|^2/dφ = 2 [ -(g . s) dc(z~)/dφ + d(grad c(z) . g)/dφ - d(grad c(z~) . w~)/dφ ]`,
/// `w~ = (dz~/dθ) g`, where `d/dφ` acts on `c` only. Per point, with `h(z) = f(s_lambda(z))`
/// and a direction `w`:
/// - `dc/d eta = h`, `d(grad c . w)/d eta = grad h . w`;
/// - `h` depends on `lambda` through `z / lambda` only, so `dh/d ell = -z . grad h` and
///   `d(grad h . w)/d ell = -grad h . w - w^T (d^2 h/dz^2) z`, the Hessian product formed
///   forward over reverse from the relaxation (`TemperedRelaxation`) and the objective
///   (`Objective.hessianProduct`);
/// - the network's terms from `TanhNetwork.accumulateParameterGradient`.
/// Tested against central differences of `|g|^2` in every component of `φ`.
///
/// `lambda` stays in the temperatures a scenario allows (0.01 to 100). In `run` the surrogate
/// restarts with each chunk; in a training race it learns alongside the parameters.
struct Relax<Family: TemperedRelaxation>: GradientEstimator {
  let objective: Objective
  var relaxation: Family
  let network: TanhNetwork
  var trainer: SurrogateTrainer
  let buffers: ScratchBuffers

  private enum Slot: Int, CaseIterable {
    case z, y, aux, zTilde, yTilde, auxTilde, r, q, dY, dYTilde, gradH, gradHTilde
    case gradR, gradRTilde, cZ, cZTilde, back, wTilde, yDot, dDot, hDot
  }

  /// `φ`'s first two components.
  static var etaIndex: Int { 0 }
  static var logTemperatureIndex: Int { 1 }
  /// Where the network's parameters start in `φ`.
  static var networkOffset: Int { 2 }
  /// The network's fixed starting weights' generator.
  static var networkSeed: UInt64 { 16 }

  init(problem: GradientProblem) {
    objective = problem.objective
    relaxation = Family(problem: problem, slots: 1)
    let n = relaxation.noiseCount
    precondition(
      n == relaxation.pointCount && n == relaxation.parameterCount,
      "RELAX needs z = θ + noise (one relaxed coordinate per parameter)")
    let options = problem.options
    network = TanhNetwork(
      inputs: n, width: options.whole(RelaxEstimator.width, for: .relax))
    trainer = SurrogateTrainer(
      count: Self.networkOffset + network.parameterCount,
      rate: options[RelaxEstimator.rate, for: .relax],
      optimizer: SurrogateTrainer.kind(options.whole(RelaxEstimator.optimizer, for: .relax)),
      bounded: (Self.logTemperatureIndex, RelaxEstimator.logTemperatures))
    buffers = ScratchBuffers(count: n, slots: Slot.allCases.count, indexCount: 2 * n)
    network.initialize(trainer.initial + Self.networkOffset, seed: Self.networkSeed)
    trainer.initial[Self.etaIndex] = 1
    setStart(problem)
    trainer.reset()
  }

  /// `lambda` starts at the scenario's temperature.
  private func setStart(_ problem: GradientProblem) {
    let tau = problem.distribution.temperature ?? 1
    trainer.initial[Self.logTemperatureIndex] = log(tau)
  }

  private func slot(_ name: Slot) -> UnsafeMutablePointer<Double> { buffers.slot(name.rawValue) }

  mutating func rebind(to problem: GradientProblem) {
    relaxation.rebind(to: problem)
    setStart(problem)
  }

  mutating func resetState() { trainer.reset() }

  var eta: Double { trainer.parameters[Self.etaIndex] }
  var lambda: Double { exp(trainer.parameters[Self.logTemperatureIndex]) }
  var diagnostics: [Double] { [eta, lambda] }

  mutating func estimate(
    into out: UnsafeMutablePointer<Double>, using rng: inout Xoshiro256StarStar
  ) {
    drawNoise(using: &rng)
    let hTilde = surrogateEstimate(into: out)
    guard trainer.isLearning else { return }
    writeVarianceGradient(estimate: out, hTilde: hTilde)
    trainer.step()
  }

  /// The noise of one estimate: `z` and the hard sample, then `z~` from fresh uniforms.
  func drawNoise(using rng: inout Xoshiro256StarStar) {
    let hard = buffers.indices
    relaxation.perturb(using: &rng, into: slot(.z), hard: hard)
    relaxation.conditional(
      given: hard, using: &rng, into: slot(.zTilde), r: slot(.r), q: slot(.q))
  }

  /// Writes `g` at the current `φ` for the noise `drawNoise` left; returns `h(z~)`.
  @discardableResult
  func surrogateEstimate(into out: UnsafeMutablePointer<Double>) -> Double {
    let hard = UnsafePointer(buffers.indices)
    let n = relaxation.noiseCount
    let eta = self.eta
    let lambda = self.lambda
    let psi = UnsafePointer(trainer.parameters + Self.networkOffset)
    relaxation.relax(slot(.z), temperature: lambda, into: slot(.y), aux: slot(.aux))
    relaxation.relax(slot(.zTilde), temperature: lambda, into: slot(.yTilde), aux: slot(.auxTilde))
    objective.gradient(slot(.y), count: n, into: slot(.dY))
    relaxation.backward(
      y: slot(.y), aux: slot(.aux), temperature: lambda, upstream: slot(.dY), into: slot(.gradH))
    let hTilde = objective.value(slot(.yTilde), count: n)
    objective.gradient(slot(.yTilde), count: n, into: slot(.dYTilde))
    relaxation.backward(
      y: slot(.yTilde), aux: slot(.auxTilde), temperature: lambda, upstream: slot(.dYTilde),
      into: slot(.gradHTilde))
    _ = network.evaluate(psi, at: slot(.z), gradient: slot(.gradR))
    let rTilde = network.evaluate(psi, at: slot(.zTilde), gradient: slot(.gradRTilde))
    let cZ = slot(.cZ)
    let cZTilde = slot(.cZTilde)
    for j in 0..<n {
      cZ[j] = eta * slot(.gradH)[j] + slot(.gradR)[j]
      cZTilde[j] = eta * slot(.gradHTilde)[j] + slot(.gradRTilde)[j]
    }
    // (dz~/dθ)^T grad c(z~).
    relaxation.conditionalBackward(
      upstream: cZTilde, given: hard, r: slot(.r), q: slot(.q), into: slot(.back))
    let weight = relaxation.hardValue(hard) - (eta * hTilde + rTilde)
    let p = relaxation.scoreProbabilities
    let back = slot(.back)
    for j in 0..<n { out[j] = cZ[j] - back[j] - weight * p[j] }
    let hits = buffers.indices + relaxation.variables
    let hitCount = relaxation.scoreHits(hard, into: hits)
    for h in 0..<hitCount { out[hits[h]] += weight }
    return hTilde
  }

  /// `trainer.gradient = d|g|^2/dφ` (see the type's comment), from the buffers the estimate
  /// left.
  func writeVarianceGradient(estimate g: UnsafePointer<Double>, hTilde: Double) {
    let hard = UnsafePointer(buffers.indices)
    let n = relaxation.noiseCount
    let eta = self.eta
    let psi = UnsafePointer(trainer.parameters + Self.networkOffset)
    let sum = trainer.gradient
    for j in 0..<trainer.count { sum[j] = 0 }
    // g . s, s = e_b - p.
    let p = relaxation.scoreProbabilities
    var gs = 0.0
    for j in 0..<n { gs -= g[j] * p[j] }
    let hits = buffers.indices + relaxation.variables
    let hitCount = relaxation.scoreHits(hard, into: hits)
    for h in 0..<hitCount { gs += g[hits[h]] }

    // At z: + d(grad c(z) . g)/dφ.
    let gradH = slot(.gradH)
    let alongZ = dot(gradH, g, n)
    let curvatureZ = hessianTerm(
      y: slot(.y), aux: slot(.aux), d: slot(.dY), point: slot(.z), direction: g)
    sum[Self.etaIndex] += alongZ
    sum[Self.logTemperatureIndex] += eta * (-alongZ - curvatureZ)
    network.accumulateParameterGradient(
      psi, at: slot(.z), direction: g, valueWeight: 0, directionWeight: 1,
      into: sum + Self.networkOffset)

    // At z~: -(g . s) dc(z~)/dφ - d(grad c(z~) . w~)/dφ, w~ = (dz~/dθ) g.
    let wTilde = slot(.wTilde)
    relaxation.conditionalTangent(
      direction: g, given: hard, r: slot(.r), q: slot(.q), into: wTilde)
    let gradHTilde = slot(.gradHTilde)
    let alongTilde = dot(gradHTilde, wTilde, n)
    let radialTilde = dot(gradHTilde, slot(.zTilde), n)
    let curvatureTilde = hessianTerm(
      y: slot(.yTilde), aux: slot(.auxTilde), d: slot(.dYTilde), point: slot(.zTilde),
      direction: wTilde)
    sum[Self.etaIndex] += -gs * hTilde - alongTilde
    sum[Self.logTemperatureIndex] += eta * (gs * radialTilde + alongTilde + curvatureTilde)
    network.accumulateParameterGradient(
      psi, at: slot(.zTilde), direction: wTilde, valueWeight: -gs, directionWeight: -1,
      into: sum + Self.networkOffset)
    for j in 0..<trainer.count { sum[j] *= 2 }
  }

  /// `w^T (d^2 h / dz^2) z` at a point: the tangent of `grad h` along `z` (forward over
  /// reverse), dotted with `w`.
  private func hessianTerm(
    y: UnsafePointer<Double>, aux: UnsafePointer<Double>, d: UnsafePointer<Double>,
    point z: UnsafePointer<Double>, direction w: UnsafePointer<Double>
  ) -> Double {
    let n = relaxation.noiseCount
    let lambda = self.lambda
    relaxation.tangent(y: y, aux: aux, temperature: lambda, direction: z, into: slot(.yDot))
    objective.hessianProduct(y, count: n, direction: slot(.yDot), into: slot(.dDot))
    relaxation.backwardTangent(
      y: y, aux: aux, temperature: lambda, upstream: d, yDot: slot(.yDot), dDot: slot(.dDot),
      into: slot(.hDot))
    return dot(slot(.hDot), w, n)
  }

  @inline(__always)
  private func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
    var s = 0.0
    for j in 0..<n { s += a[j] * b[j] }
    return s
  }

  // MARK: what it learned

  var surrogateInputs: Int { relaxation.noiseCount }

  func surrogate(at point: UnsafePointer<Double>) -> SurrogateReading? {
    let n = relaxation.noiseCount
    relaxation.relax(point, temperature: lambda, into: slot(.yDot), aux: slot(.dDot))
    let relaxed = eta * objective.value(slot(.yDot), count: n)
    let psi = UnsafePointer(trainer.parameters + Self.networkOffset)
    let r = network.evaluate(psi, at: point, gradient: slot(.hDot))
    return SurrogateReading(value: relaxed + r, relaxed: relaxed, network: r)
  }
}

/// RELAX's descriptor, options and diagnostic.
enum RelaxEstimator {
  /// The surrogate's learning rate.
  static let rate = EstimatorOption(
    key: "surrogate-rate", summary: "the learned control variate's learning rate",
    range: 0...10, defaultValue: 0.01, isSweepable: false)
  /// Hidden tanh units of the surrogate's network.
  static let width = EstimatorOption(
    key: "surrogate-width", summary: "tanh units in the learned control variate's hidden layer",
    range: 0...256, defaultValue: 10, isWholeNumber: true)
  /// 1 Adam, 0 plain gradient descent.
  static let optimizer = EstimatorOption(
    key: "surrogate-optimizer",
    summary: "the learned control variate's optimiser: 1 Adam, 0 plain gradient descent",
    range: 0...1, defaultValue: 1, isWholeNumber: true)

  /// The learned temperature lambda.
  static let temperature = EstimatorDiagnostic(
    key: "surrogateTemperature", summary: "the learned relaxation temperature lambda",
    symbol: "λ", asciiSymbol: "lambda")

  /// `log lambda` stays where a scenario's temperature may be (0.01 to 100).
  static let logTemperatures = log(0.01)...log(100.0)

  static let descriptor = EstimatorDescriptor(
    kind: .relax, stream: 16, shortName: "RELAX", longName: "RELAX (learned surrogate)",
    summary: "REBAR with a learned control variate eta f(s_lambda(z)) + r(z); unbiased",
    isUnbiased: true, needs: RebarEstimator.needs, options: [rate, width, optimizer],
    diagnostics: [RebarEstimator.etaInUse, temperature], evaluations: { _ in 3 },
    surrogateEvaluations: { _ in 2 },
    make: { problem in
      func build<F: RelaxableFamily>(_: F) -> any GradientEstimator {
        Relax<F.Relaxation>(problem: problem)
      }
      return build(problem.relaxableFamily)
    })
}
