import Foundation
import TOMLKit

/// Reads scenario files (TOML) into validated scenarios, with one clear line per problem:
/// `file: key: what is wrong`, or `file:line: TOML syntax error` for a broken file.
public enum ScenarioDecoder {
  /// Loads and validates the scenario at `path`.
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    try decode(try ScenarioText.contents(of: path), source: path)
  }

  /// Decodes and validates scenario text; `source` names it in error messages.
  public static func decode(_ text: String, source: String) throws(ScenarioError) -> Scenario {
    if VAEPreset.isModel(text) {
      throw ScenarioError(
        source: source, key: "model",
        "a model preset (the digits VAE), not a scenario: open it with samplegrad --preset, or use run, train or bench"
      )
    }
    let table = try parseTOML(text, source: source)

    var problems = unknownKeys(in: table)
    // A value of the wrong type is reported and left out, so everything else is still
    // checked: one run of `check` lists every problem (issue 21).
    let typeProblems = ScenarioSchema.typeProblems(in: table)
    problems += typeProblems
    let mistyped = Set(typeProblems.map(\.key))
    ScenarioSchema.remove(mistyped, from: table)
    let file: ScenarioFile
    do {
      file = try TOMLDecoder().decode(ScenarioFile.self, from: table)
    } catch {
      problems.append(describe(error))
      throw ScenarioError(source: source, problems: problems)
    }
    let (scenario, buildProblems) = build(file)
    // A mistyped key, left out, would also read as missing.
    problems += buildProblems.filter {
      !(mistyped.contains($0.key) && $0.message.hasPrefix("is missing"))
    }
    // A rule judged twice (a grid's own and the plan's) is said once.
    var said = Set<String>()
    problems = problems.filter { said.insert($0.key + "\u{0}" + $0.message).inserted }
    guard problems.isEmpty, let scenario else {
      throw ScenarioError(source: source, problems: problems)
    }
    return scenario
  }

  /// Parses TOML text (scenario or tour), or names the line of the syntax error. Headers the
  /// TOML library cannot take without crashing are refused first; a string with a NUL, which
  /// the library would cut short there, is refused after (`NulEscape`).
  static func parseTOML(_ text: String, source: String) throws(ScenarioError) -> TOMLTable {
    if let bad = TableHeaderCheck.firstBadHeader(in: text) {
      let found = bad.found.map { "'\($0)'" } ?? "the end of the line"
      throw ScenarioError(
        source: "\(source):\(bad.line)", key: "",
        "TOML syntax error: a table header must start with a key, got \(found)")
    }
    let masked = NulEscape.mask(text)
    if let line = masked.unmarked {
      throw ScenarioError(
        source: "\(source):\(line)", key: "",
        "a string must not contain control characters (U+0000)")
    }
    do {
      let table = try TOMLTable(string: masked.text)
      let nulls = masked.marker.map { NulEscape.problems(in: table, marker: $0) } ?? []
      guard nulls.isEmpty else { throw ScenarioError(source: source, problems: nulls) }
      return table
    } catch let error as ScenarioError {
      throw error
    } catch let error as TOMLParseError {
      throw ScenarioError(
        source: "\(source):\(error.source.begin.line)", key: "",
        "TOML syntax error: \(error.description)")
    } catch {
      throw ScenarioError(source: source, key: "", "TOML syntax error: \(error)")
    }
  }

  private static func unknownKeys(in table: TOMLTable) -> [ScenarioProblem] {
    var problems: [ScenarioProblem] = []
    func visit(_ table: TOMLTable, prefix: String) {
      let allowed = ScenarioSchema.allowedKeys[prefix] ?? []
      for key in table.keys.sorted() {
        let path = prefix.isEmpty ? key : "\(prefix).\(key)"
        if !allowed.contains(key) {
          var message = "unknown key"
          if let guess = closest(to: key, in: allowed) { message += " (did you mean '\(guess)'?)" }
          problems.append(ScenarioProblem(key: path, message: message))
        } else if ScenarioSchema.allowedKeys[path] != nil, let child = table[key]?.table {
          visit(child, prefix: path)
        }
      }
    }
    visit(table, prefix: "")
    return problems
  }

  /// The allowed key within two edits of `key`, if any.
  static func closest(to key: String, in candidates: [String]) -> String? {
    candidates.map { ($0, editDistance($0, key)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
  }

  private static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...max(b.count, 1) where !b.isEmpty {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  private static func describe(_ error: any Error) -> ScenarioProblem {
    guard let error = error as? DecodingError else {
      return ScenarioProblem(key: "", message: "\(error)")
    }
    switch error {
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      return ScenarioProblem(
        key: keyPath(context.codingPath), message: "expected \(name(of: type))")
    case .keyNotFound(let key, let context):
      return ScenarioProblem(key: keyPath(context.codingPath + [key]), message: "is missing")
    case .dataCorrupted(let context):
      return ScenarioProblem(key: keyPath(context.codingPath), message: context.debugDescription)
    @unknown default:
      return ScenarioProblem(key: "", message: "\(error)")
    }
  }

  private static func keyPath(_ path: [any CodingKey]) -> String {
    path.filter { $0.intValue == nil }.map(\.stringValue).joined(separator: ".")
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string (in quotes)"
    case is Int.Type: "a whole number"
    case is Double.Type, is ScenarioFile.Number.Type: "a number"
    case is [String].Type: "a list of strings"
    default: "a number or a list of numbers"
    }
  }
}
