import Foundation
import TOMLKit

/// Reads tour files (TOML): a `title` and one `[[step]]` table per step. Every problem is one
/// line, `file: step N.key: what is wrong`, as for scenario files.
public enum TourDecoder {
  /// The keys a step accepts.
  static let stepKeys = [
    "title", "caption", "preset", "temperature", "logits", "mean", "std", "estimators", "view",
    "select", "samples", "checks",
  ]
  static let tourKeys = ["title", "step"]

  /// Whether `path` names a tour rather than a scenario: a file in a `tours/` folder, or one
  /// with `[[step]]` tables.
  public static func isTourFile(_ path: String) -> Bool {
    guard PresetLibrary.isPath(path) else { return false }
    if path.split(separator: "/").dropLast().last == "tours" { return true }
    guard let text = try? ScenarioText.contents(of: path) else { return false }
    return hasStepTables(text)
  }

  /// Whether `text` has a `[[step]]` header line, however the file ends its lines (Swift
  /// reads CRLF as one `Character`, so splitting at `"\n"` alone never splits it) and however
  /// TOML lets the header be spelled: spaces inside the brackets, a quoted key, a comment.
  static func hasStepTables(_ text: String) -> Bool {
    text.split(whereSeparator: \.isNewline).contains { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces.union(["\u{FEFF}"]))
      guard trimmed.hasPrefix("[["), let close = trimmed.range(of: "]]") else { return false }
      let key = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close.lowerBound]
        .trimmingCharacters(in: .whitespaces)
      let rest = trimmed[close.upperBound...].trimmingCharacters(in: .whitespaces)
      return ["step", "\"step\"", "'step'"].contains(key) && (rest.isEmpty || rest.hasPrefix("#"))
    }
  }

  /// Loads a tour file; `name` defaults to the file name without `.toml`.
  public static func load(path: String) throws(ScenarioError) -> Tour {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try decode(try ScenarioText.contents(of: path), name: name, source: path)
  }

  /// Decodes tour text (syntax, keys, types and checks; not yet the presets it names).
  public static func decode(_ text: String, name: String, source: String) throws(ScenarioError)
    -> Tour
  {
    let table = try ScenarioDecoder.parseTOML(text, source: source)
    var problems = unknownKeys(in: table)
    let file: TourFile
    do {
      file = try TOMLDecoder().decode(TourFile.self, from: table)
    } catch {
      problems.append(describe(error))
      throw ScenarioError(source: source, problems: problems)
    }
    let tour = build(file, name: name, problems: &problems)
    guard problems.isEmpty, let tour else {
      throw ScenarioError(source: source, problems: problems)
    }
    return tour
  }

  private static func build(_ file: TourFile, name: String, problems: inout [ScenarioProblem])
    -> Tour?
  {
    if file.title?.isEmpty ?? true {
      problems.append(ScenarioProblem(key: "title", message: "is missing"))
    }
    guard let rawSteps = file.step, !rawSteps.isEmpty else {
      problems.append(ScenarioProblem(key: "step", message: "is missing (one [[step]] table each)"))
      return nil
    }
    var steps: [TourStep] = []
    for (i, raw) in rawSteps.enumerated() {
      let prefix = "step \(i + 1)"
      func problem(_ key: String, _ message: String) {
        problems.append(ScenarioProblem(key: "\(prefix).\(key)", message: message))
      }
      if (raw.caption ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        problem("caption", "is missing (what the class should see in this step)")
      }
      if (raw.title ?? "").isEmpty { problem("title", "is missing") }
      var view = TourView.live
      if let name = raw.view {
        if let parsed = TourView(rawValue: name) {
          view = parsed
        } else {
          let known = TourView.allCases.map(\.rawValue).joined(separator: ", ")
          problem("view", "unknown view '\(name)' (known: \(known))")
        }
      }
      let estimators = raw.estimators.flatMap {
        EstimatorKind.named($0, key: "\(prefix).estimators", problems: &problems)
      }
      var checks: [CheckExpression] = []
      for (j, text) in (raw.checks ?? []).enumerated() {
        do throws(CheckSyntaxError) {
          checks.append(try CheckExpression(text))
        } catch {
          problem("checks[\(j + 1)]", error.description)
        }
      }
      if let samples = raw.samples {
        problems += ScenarioRules.samples(samples, key: "\(prefix).samples")
      }
      steps.append(
        TourStep(
          title: raw.title ?? "", caption: raw.caption ?? "", preset: raw.preset,
          temperature: raw.temperature?.value, logits: raw.logits?.values, mean: raw.mean?.value,
          std: raw.std?.value, estimators: estimators, view: view, select: raw.select,
          samples: raw.samples, checks: checks))
    }
    return Tour(name: name, title: file.title ?? name, steps: steps)
  }

  private static func unknownKeys(in table: TOMLTable) -> [ScenarioProblem] {
    var problems: [ScenarioProblem] = []
    func check(_ table: TOMLTable, allowed: [String], prefix: String) {
      for key in table.keys.sorted() where !allowed.contains(key) {
        var message = "unknown key"
        if let guess = ScenarioDecoder.closest(to: key, in: allowed) {
          message += " (did you mean '\(guess)'?)"
        }
        problems.append(ScenarioProblem(key: prefix + key, message: message))
      }
    }
    check(table, allowed: tourKeys, prefix: "")
    if let steps = table["step"]?.array {
      for (i, step) in steps.enumerated() {
        if let stepTable = step.table {
          check(stepTable, allowed: stepKeys, prefix: "step \(i + 1).")
        }
      }
    }
    return problems
  }

  private static func describe(_ error: any Error) -> ScenarioProblem {
    guard let error = error as? DecodingError else {
      return ScenarioProblem(key: "", message: "\(error)")
    }
    func path(_ codingPath: [any CodingKey]) -> String {
      var parts: [String] = []
      for key in codingPath {
        if let index = key.intValue, parts.last == "step" {
          parts[parts.count - 1] = "step \(index + 1)"
        } else if key.intValue == nil {
          parts.append(key.stringValue)
        }
      }
      return parts.joined(separator: ".")
    }
    switch error {
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let expected =
        type == String.self || type == [String].self
        ? (type == String.self ? "a string (in quotes)" : "a list of strings")
        : type == Int.self ? "a whole number" : "a number"
      return ScenarioProblem(key: path(context.codingPath), message: "expected \(expected)")
    case .keyNotFound(let key, let context):
      return ScenarioProblem(key: path(context.codingPath + [key]), message: "is missing")
    case .dataCorrupted(let context):
      return ScenarioProblem(key: path(context.codingPath), message: context.debugDescription)
    @unknown default:
      return ScenarioProblem(key: "", message: "\(error)")
    }
  }
}

/// A tour file as written, every field optional so a missing key becomes a clear message.
struct TourFile: Decodable {
  var title: String?
  var step: [Step]?

  struct Step: Decodable {
    var title: String?
    var caption: String?
    var preset: String?
    var temperature: ScenarioFile.Number?
    var logits: ScenarioFile.NumberOrList?
    var mean: ScenarioFile.Number?
    var std: ScenarioFile.Number?
    var estimators: [String]?
    var view: String?
    var select: Int?
    var samples: Int?
    var checks: [String]?
  }
}

/// Finds tours by name: the teacher's folder first, then the built-in `tours/` beside the
/// built-in presets.
public enum TourLibrary {
  /// The tour a suggestion names when the one given cannot be shown as it is.
  public static let defaultTour = "backprop-through-samples"

  public static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> PresetLibrary {
    var folders = [
      URL(fileURLWithPath: PresetLibrary.userFolder(environment: environment))
        .deletingLastPathComponent().appendingPathComponent("tours").path
    ]
    if let presets = PresetLibrary.builtInFolder() {
      folders.append(
        URL(fileURLWithPath: presets).deletingLastPathComponent().appendingPathComponent("tours")
          .path)
    }
    return PresetLibrary(folders: folders, noun: "tour")
  }

  /// Every tour in `library`, for `samplegrad tours`: the title reads `N steps  Title`.
  public static func summaries(in library: PresetLibrary) -> [PresetSummary] {
    library.summaries { path throws(ScenarioError) in
      let tour = try TourDecoder.load(path: path)
      return ("\(NumberFormat.count(tour.steps.count, "step"))  \(tour.title)", "")
    }
  }

  /// Loads a tour by name or path.
  public static func load(_ reference: String, from library: PresetLibrary) throws(ScenarioError)
    -> Tour
  {
    try TourDecoder.load(path: try library.locate(reference))
  }
}
