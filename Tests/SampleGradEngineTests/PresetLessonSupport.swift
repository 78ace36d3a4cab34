import Foundation
import SampleGradCore
import SampleGradEngine

/// The repository's `presets/` folder, how to load and run a preset the way `samplegrad run`
/// does, and the few closed forms the lesson tests compare against.
enum PresetLab {
  /// `presets/` at the package root, found from this file (`Tests/SampleGradEngineTests/`).
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("presets")

  /// The presets issue 4 asks for, by name.
  static let required = [
    "gumbel-max", "temperature", "bias-and-variance", "score-function-baseline", "rare-category",
    "relax-toy", "gaussian-reparameterization", "gaussian-cosine", "many-categories",
  ]

  /// Every scenario preset file's name (without `.toml`), sorted; model presets
  /// (`modelNames`) have lessons of their own, checked in `ModelPresetLessonTests`.
  static func names() throws -> [String] {
    try allNames().filter { !VAEPreset.isModel(path: path($0)) }
  }

  /// The model presets (a `[model]` table), sorted.
  static func modelNames() throws -> [String] {
    try allNames().filter { VAEPreset.isModel(path: path($0)) }
  }

  static func allNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
  }

  static func path(_ name: String) -> String { folder.appendingPathComponent(name + ".toml").path }

  static func load(_ name: String) throws -> Scenario {
    try ScenarioDecoder.load(path: folder.appendingPathComponent(name + ".toml").path)
  }

  /// Every test runs at one fixed seed, so a failure is reproducible with `samplegrad run`.
  static let seed: UInt64 = 7

  /// Runs `scenario` headless, as `samplegrad run --seed 7 --samples N` does (or at `seed`).
  static func run(_ scenario: Scenario, samples: Int, seed: UInt64 = seed) throws -> PresetRun {
    PresetRun(try HeadlessRunner.run(scenario, samples: samples, seed: seed, threads: 1))
  }

  /// The explorer draws a million samples within a second or two, before a student has read a
  /// sentence, so the numbers a lesson quotes for its live screen are checked there.
  static let liveSamples = 1_000_000

  /// One estimator's moments only (no histogram), with the same stream as a full run.
  static func moments(
    _ kind: EstimatorKind, _ scenario: Scenario, samples: Int
  ) throws -> RunningMoments {
    try HeadlessRunner.estimate(
      kind, problem: scenario.problem, plan: ChunkPlan(samples: samples), seed: seed, threads: 1
    ).moments
  }

  /// The average of the largest entry of `draws` relaxed samples: 1 for one-hot vectors,
  /// `1 / K` for flat ones.
  static func meanLargestRelaxedEntry(_ scenario: Scenario, draws: Int) -> Double {
    let sampler = OutcomeSampler(problem: scenario.problem)
    var histogram = sampler.makeHistogram()
    var relaxed = RunningMoments(dimension: sampler.relaxedDimension)
    var rng = Xoshiro256StarStar(seed: seed, stream: 1000)
    var total = 0.0
    for _ in 0..<draws {
      sampler.run(count: 1, using: &rng, histogram: &histogram, relaxed: &relaxed)
      total += sampler.latestRelaxed.max() ?? 0
    }
    return total / Double(draws)
  }

  /// Variance of the single-sample score function `(f(e_b) - c)(e_b - p)` with a constant
  /// baseline `c`, by enumerating the categories: `sum_b p_b (f_b - c)^2 (delta_bj - p_j)^2 - g_j^2`.
  static func scoreFunctionVariance(_ scenario: Scenario, baseline c: Double) -> [Double] {
    let problem = scenario.problem
    let p = problem.probabilities
    let f = problem.objective.outcomeValues
    return p.indices.map { j in
      var second = 0.0
      for b in p.indices {
        let score = (b == j ? 1 : 0) - p[j]
        second += p[b] * (f[b] - c) * (f[b] - c) * score * score
      }
      return second - problem.exact.gradient[j] * problem.exact.gradient[j]
    }
  }
}

/// A finished run, with its estimators looked up by kind.
struct PresetRun {
  let result: RunResult

  init(_ result: RunResult) { self.result = result }

  subscript(kind: EstimatorKind) -> EstimatorResult {
    guard let found = result.estimators.first(where: { $0.kind == kind }) else {
      fatalError("the run has no \(kind.rawValue) row")
    }
    return found
  }

  var exact: [Double] { result.problem.exact.gradient }
  var probabilities: [Double] { result.problem.probabilities }

  /// Observed frequency of each category.
  var frequencies: [Double] {
    let total = Double(result.histogram.total)
    return result.histogram.counts.map { Double($0) / total }
  }

  /// `|frequency - p| / sqrt(p (1 - p) / N)`, the largest over the categories.
  var largestFrequencyZ: Double {
    let n = Double(result.histogram.total)
    return zip(frequencies, probabilities).map { f, p in abs(f - p) / (p * (1 - p) / n).squareRoot()
    }
    .max() ?? 0
  }
}

extension EstimatorResult {
  /// The bias of component `i` in standard errors of the mean (0 for an exact, noiseless row).
  func biasZ(_ i: Int) -> Double {
    standardError[i] > 0 ? bias[i] / standardError[i] : (bias[i] == 0 ? 0 : .infinity)
  }

  /// The largest |bias| in standard errors over all components.
  var largestBiasZ: Double { (0..<bias.count).map { abs(biasZ($0)) }.max() ?? 0 }
}

extension Scenario {
  // The lessons only ask for valid changes, so a refusal here is a broken test: `try!`.
  func at(temperature: Double) -> Scenario { try! with(temperature: temperature) }

  /// The scenario after setting parameter `index` (what the explorer's k, j, PgUp, PgDn do).
  func setting(parameter index: Int, to value: Double) -> Scenario {
    try! with(parameter: index, value: value)
  }

  func only(_ estimators: EstimatorKind...) -> Scenario { try! with(estimators: estimators) }
}

/// What the structure test reads in a lesson: its sentences (`SampleGradCore.LessonText`) and
/// the keys it asks to press.
extension LessonText {
  /// The explorer's keys, as lessons name them after "press".
  static let keys: Set<String> = [
    "h", "l", "k", "j", "left", "right", "up", "down", "PgUp", "PgDn", "Home", "End", "g", "G",
    "[", "]", "t", "space", "s", "r", "p", "?", "q", "=", "v", "m", "M", "L", "c", "e", "x", "0",
    "1", "2", "3", "4", "5", "6", "7", "8", "9",
    // The sweep view (w) and its own keys (m there cycles what is drawn).
    "w", "o", "Enter", "Esc",
    // The race view (T) and its own keys.
    "T", "+", "-",
    // The options prompt (O).
    "O",
  ]

  /// The word after each "press" (any case), without trailing punctuation.
  static func pressed(_ text: String) -> [String] {
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    return words.indices.dropLast().compactMap { i -> String? in
      guard words[i].lowercased() == "press" else { return nil }
      var key = words[i + 1]
      while key.count > 1, let last = key.last, ",.;:)".contains(last) { key.removeLast() }
      return key
    }
  }
}
