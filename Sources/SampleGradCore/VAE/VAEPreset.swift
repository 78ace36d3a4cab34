import Foundation
import TOMLKit

/// A model preset: a scenario file whose `[model]` table names the digits VAE instead of a
/// distribution and an objective.
///
/// ```toml
/// name = "digits-vae"
/// title = "..."
/// lesson = """..."""
/// seed = 7
/// estimators = ["exact", "disarm", ...]
/// [model]
/// kind = "digits-vae"      # the only model so far
/// latents = 8              # D, 1 to 64 (exact answers need D <= 16)
/// temperature = 0.5        # the relaxed estimators' binary Concrete temperature
/// [training]
/// steps = 2000             # 1 to 1e7
/// learning_rate = 0.01     # Adam's step size, 1e-9 to 1e6
/// batch = 32               # images per step, 1 to 1500
/// every = 100              # a trace point every K steps
/// [run]
/// samples = 2000           # `run`'s estimates per estimator
/// ```
public struct VAEPreset: Sendable, Equatable {
  public var name: String
  public var title: String
  public var lesson: String
  public var race: VAERaceSetup
  /// `run`'s estimates per estimator.
  public var samples: Int
  /// The lesson's claims in the tour's check language, read in a race of the preset's
  /// settings and a `run` at the start (`VAECheckContext`); a test checks every one.
  public var checks: [CheckExpression]

  public static let modelKind = "digits-vae"
  static let defaultEstimators: [EstimatorKind] = [
    .exact, .scoreFunctionBaseline, .rloo, .arm, .disarm, .rebar, .straightThrough,
    .gumbelSoftmax,
  ]

  /// The keys each table may hold.
  static let keys: [String: Set<String>] = [
    "": ["name", "title", "lesson", "seed", "estimators", "model", "training", "run", "checks"],
    "model": ["kind", "latents", "temperature"],
    "training": ["steps", "learning_rate", "batch", "every"],
    "run": ["samples"],
  ]

  /// Whether the scenario text is a model preset (it has a `[model]` table).
  public static func isModel(_ text: String) -> Bool {
    text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "[model]" }
  }

  /// Whether the file at `path` is a model preset (false when it cannot be read).
  public static func isModel(path: String) -> Bool {
    guard let text = try? ScenarioText.contents(of: path) else { return false }
    return isModel(text)
  }

  public static func load(path: String) throws(ScenarioError) -> VAEPreset {
    try decode(try ScenarioText.contents(of: path), source: path)
  }

  public static func decode(_ text: String, source: String) throws(ScenarioError) -> VAEPreset {
    let table = try ScenarioDecoder.parseTOML(text, source: source)
    var reader = Reader(problems: [])
    reader.checkKeys(table, prefix: "")
    let model = table["model"]?.table
    let training = table["training"]?.table
    let run = table["run"]?.table
    if model == nil { reader.problem("model", "is missing (a [model] table)") }
    if let model {
      reader.checkKeys(model, prefix: "model")
      let kind = reader.string(model, "kind", prefix: "model")
      if let kind, kind != modelKind {
        reader.problem("model.kind", "unknown model '\(kind)' (known: \(modelKind))")
      }
    }
    if let training { reader.checkKeys(training, prefix: "training") }
    if let run { reader.checkKeys(run, prefix: "run") }
    let latents = model.flatMap { reader.whole($0, "latents", prefix: "model") } ?? 8
    let temperature = model.flatMap { reader.number($0, "temperature", prefix: "model") } ?? 0.5
    let steps = training.flatMap { reader.whole($0, "steps", prefix: "training") } ?? 2000
    let rate = training.flatMap { reader.number($0, "learning_rate", prefix: "training") } ?? 0.01
    let batch = training.flatMap { reader.whole($0, "batch", prefix: "training") } ?? 32
    let every = training.flatMap { reader.whole($0, "every", prefix: "training") }
    let samples = run.flatMap { reader.whole($0, "samples", prefix: "run") } ?? 2000
    let seed = reader.whole(table, "seed", prefix: "").map { UInt64(max($0, 0)) } ?? 7
    var estimators = defaultEstimators
    if let list = table["estimators"] {
      if let array = list.array {
        var kinds: [EstimatorKind] = []
        for item in array {
          guard let name = item.string, let kind = EstimatorKind(rawValue: name) else {
            reader.problem("estimators", "unknown estimator '\(item.string ?? "?")'")
            continue
          }
          kinds.append(kind)
        }
        estimators = kinds
      } else {
        reader.problem("estimators", "expected a list of estimator names")
      }
    }
    let race = VAERaceSetup(
      latents: latents, estimators: estimators, steps: steps, batch: batch, learningRate: rate,
      temperature: temperature, seed: seed, every: every ?? max(steps / 10, 1))
    var checks: [CheckExpression] = []
    if let list = table["checks"] {
      for item in list.array.map(Array.init) ?? [] {
        guard let text = item.string else {
          reader.problem("checks", "expected a list of check strings")
          continue
        }
        do throws(CheckSyntaxError) {
          checks.append(try CheckExpression(text))
        } catch {
          reader.problem("checks", error.description)
        }
      }
    }
    var problems = reader.problems + race.problems
    problems += ScenarioRules.inRange(
      [rate], ScenarioRules.learningRateRange, key: "training.learning_rate")
    if !ScenarioRules.trainingStepsRange.contains(steps) {
      problems.append(
        ScenarioProblem(key: "training.steps", message: "must be between 1 and 1e7, got \(steps)"))
    }
    if samples < 2 {
      problems.append(
        ScenarioProblem(key: "run.samples", message: "must be at least 2, got \(samples)"))
    }
    guard problems.isEmpty else { throw ScenarioError(source: source, problems: problems) }
    let name = table["name"]?.string ?? modelKind
    return VAEPreset(
      name: name, title: table["title"]?.string ?? name, lesson: table["lesson"]?.string ?? "",
      race: race, samples: samples, checks: checks)
  }

  /// Reads typed values, recording one problem per wrong one.
  private struct Reader {
    var problems: [ScenarioProblem]

    mutating func problem(_ key: String, _ message: String) {
      problems.append(ScenarioProblem(key: key, message: message))
    }

    mutating func checkKeys(_ table: TOMLTable, prefix: String) {
      let allowed = VAEPreset.keys[prefix] ?? []
      for key in table.keys.sorted() where !allowed.contains(key) {
        problem(prefix.isEmpty ? key : "\(prefix).\(key)", "unknown key")
      }
    }

    mutating func string(_ table: TOMLTable, _ key: String, prefix: String) -> String? {
      guard let value = table[key] else { return nil }
      guard let text = value.string else {
        problem("\(prefix).\(key)", "expected a string")
        return nil
      }
      return text
    }

    mutating func whole(_ table: TOMLTable, _ key: String, prefix: String) -> Int? {
      guard let value = table[key] else { return nil }
      guard let n = value.int else {
        problem(prefix.isEmpty ? key : "\(prefix).\(key)", "expected a whole number")
        return nil
      }
      return n
    }

    mutating func number(_ table: TOMLTable, _ key: String, prefix: String) -> Double? {
      guard let value = table[key] else { return nil }
      if let n = value.double { return n }
      if let n = value.int { return Double(n) }
      problem("\(prefix).\(key)", "expected a number")
      return nil
    }
  }
}
