/// One estimator's copy of the parameters in a race: its optimiser, its sampler (rebound to
/// the parameters of each step, so its running state carries across steps) and its own
/// random stream `(seed, stream id, RaceSetup.streamChunk)`.
struct RaceLane {
  let kind: EstimatorKind
  private let sampler: GradientSampler
  private var rng: Xoshiro256StarStar
  private var optimizer: Optimizer
  /// The optimiser's vector (see `Parameterization`).
  private var theta: [Double]
  private var gradient: [Double]
  /// The problem at the current parameters and temperature.
  private(set) var problem: GradientProblem
  /// Updates applied.
  private(set) var step = 0
  private(set) var curve = LossCurve()
  /// Trace points recorded and not yet taken (`takeTrace`).
  private(set) var trace: [TracePoint] = []
  /// The step of the last trace point recorded, taken or not.
  private var lastTracedStep: Int?
  /// The first step whose loss is within `RaceSetup.reachFraction` of the starting gap.
  private(set) var reachedStep: Int?
  /// Why the lane stopped before the last step (its parameters left the valid range).
  private(set) var stopped: String?

  /// A lane at the start. The kind must apply to the scenario (scenarios check their lists).
  init(kind: EstimatorKind, setup: RaceSetup) throws(EstimatorNotApplicable) {
    self.kind = kind
    problem = setup.start
    sampler = try GradientSampler(problem: problem, kind: kind)
    rng = Xoshiro256StarStar(
      seed: setup.seed, stream: kind.streamIndex, chunk: RaceSetup.streamChunk)
    theta = Parameterization.vector(of: problem.distribution.spec)
    gradient = [Double](repeating: 0, count: problem.dimension)
    optimizer = Optimizer(
      setup.settings.optimizer, dimension: theta.count, adam: setup.settings.adam)
    // The warm start comes first on the stream: the baseline's extra draw.
    sampler.warmUp(using: &rng)
    record(setup)
  }

  var loss: Double { problem.exact.loss }

  /// The state now, as a trace point.
  var current: TracePoint {
    TracePoint(step: step, loss: loss, parameters: problem.distribution.parameters)
  }

  /// Up to `count` updates, stopping at the race's last step.
  mutating func advance(_ count: Int, setup: RaceSetup) {
    let last = setup.settings.steps
    var remaining = count
    while remaining > 0, step < last, stopped == nil {
      update(setup)
      remaining -= 1
    }
  }

  /// One update: the mean of `batch` estimates at the current parameters, chained to the
  /// optimiser's vector, one optimiser step, then the sampler is rebound to the new problem.
  private mutating func update(_ setup: RaceSetup) {
    let settings = setup.settings
    sampler.averageEstimate(count: settings.batch, using: &rng, into: &gradient)
    let spec = problem.distribution.spec
    Parameterization.chain(&gradient, for: spec)
    optimizer.update(&theta, gradient: gradient, learningRate: settings.learningRate)
    let next = Parameterization.distribution(
      at: theta, like: spec, temperature: setup.temperature(at: step + 1))
    let distribution: Distribution
    do throws(InvalidScenario) {
      distribution = try Distribution(next)
    } catch {
      stopped = "diverged at step \(step + 1) (\(error.description))"
      return
    }
    step += 1
    problem = GradientProblem(
      distribution: distribution, objective: problem.objective, options: problem.options)
    sampler.rebind(to: problem)
    record(setup)
  }

  private mutating func record(_ setup: RaceSetup) {
    let loss = problem.exact.loss
    curve.record(step: step, loss: loss)
    if reachedStep == nil, let target = setup.reachLoss, loss <= target { reachedStep = step }
    if let every = setup.every, step % every == 0 || step == setup.settings.steps {
      trace.append(current)
      lastTracedStep = step
    }
  }

  /// Whether the lane has reached the race's last step or stopped.
  func isDone(_ setup: RaceSetup) -> Bool { step >= setup.settings.steps || stopped != nil }

  /// The trace points recorded since the last call, handed over and forgotten, so a race
  /// with a dense trace (`--every 1`) can be written out as it runs, in bounded memory. Once
  /// the lane is done, the points end with its last state, as `result` ends its trace.
  mutating func takeTrace(_ setup: RaceSetup) -> [TracePoint] {
    if isDone(setup), setup.every != nil, lastTracedStep != step {
      trace.append(current)
      lastTracedStep = step
    }
    defer { trace.removeAll(keepingCapacity: true) }
    return trace
  }

  /// The lane's result with the trace points not taken; a lane that stopped early ends its
  /// trace at its last valid step.
  func result(_ setup: RaceSetup) -> LaneResult {
    var points = trace
    if setup.every != nil, lastTracedStep != step { points.append(current) }
    return LaneResult(
      kind: kind, trace: points, final: current, reachedStep: reachedStep, stopped: stopped)
  }
}
